// Thrown values that cannot be turned into text: the error path stays intact, and `execute` always settles.
// Regression tests for an adversarial pass: such values gave raw TypeErrors, or runs that never settled
// while the unhandled rejection ended the process.
import { describe, expect, it } from '@jest/globals';
import { Builder, DecoratorError, NodeExecutionError, node, type LifecycleHooks } from '../../lib/index.js';
import { capture, caught, revokedProxy, silent, unprintableValues } from '../support.js';

/** Fails the test instead of hanging when `promise` does not settle within a second. */
function settlesSoon<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('execute did not settle')), 1000); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const noteHook: LifecycleHooks = { afterNodeExecute() {} };

class Doubler {
  @node()
  doubled(x: number) {
    return x * 2;
  }
}

/** A module whose node `bad` throws (or rejects with) `value`, after an async upstream when `afterAsync`. */
function throwing(value: unknown, mode: 'sync' | 'async' | 'afterAsync') {
  class Thrower {
    @node()
    async upstream() {
      return 1;
    }

    @node({ inputs: mode === 'afterAsync' ? ['upstream'] : [] })
    bad(_upstream = 0) {
      if (mode === 'async') return Promise.reject(value);
      throw value;
    }
  }
  return Thrower;
}

describe('a node that throws a value that cannot be turned into text', () => {
  const modes = ['sync', 'async', 'afterAsync'] as const;
  const cases = unprintableValues().flatMap(([label, value]) => modes.flatMap((mode) => [false, true].map((hooked) => ({ label, value, mode, hooked }))));

  it.each(cases)('$label ($mode, hooks: $hooked): execute rejects with a NodeExecutionError whose cause is the value', async ({ value, mode, hooked }) => {
    const b = new Builder().withModules(throwing(value, mode)).withLogger(silent);
    const dr = hooked ? b.withAdapters(noteHook).build() : b.build();
    const error = await caught(() => settlesSoon(dr.execute(['bad'])));
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).cause).toBe(value);
    expect((error as NodeExecutionError).message).toMatch(/^Node `bad` \(Thrower\.bad\) failed: .+\. The original error is the cause/);
  });
});

describe('a module constructor that throws a value that cannot be turned into text', () => {
  it.each(unprintableValues())('%s: build raises a DecoratorError whose cause is the value', (_, value) => {
    class Unbuildable {
      constructor() {
        throw value;
      }

      @node()
      x() {
        return 1;
      }
    }
    const error = caught(() => new Builder().withModules(Unbuildable).build());
    return error.then((e) => {
      expect(e).toBeInstanceOf(DecoratorError);
      expect((e as DecoratorError).message).toContain('Module class Unbuildable could not be instantiated');
      expect((e as DecoratorError).cause).toBe(value);
    });
  });
});

describe('a hook that throws a value that cannot be turned into text', () => {
  it.each(unprintableValues())('%s: is logged at level error and the run goes on', async (_, value) => {
    class FragileHook implements LifecycleHooks {
      beforeNodeExecute() {
        throw value;
      }
    }
    const { logger, records } = capture();
    const dr = new Builder().withModules(Doubler).withAdapters(new FragileHook()).withLogger(logger).build();
    await expect(settlesSoon(dr.execute(['doubled'], { inputs: { x: 2 } }))).resolves.toEqual({ doubled: 4 });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 50, hook: 'FragileHook', event: 'beforeNodeExecute', node: 'doubled' });
  });
});

describe('a hook whose return value cannot be tested for `then`', () => {
  it('is logged at level error as a failed hook, and the run goes on', async () => {
    const { logger, records } = capture();
    const hook = { beforeNodeExecute: () => revokedProxy() as unknown as void };
    const dr = new Builder().withModules(Doubler).withAdapters(hook).withLogger(logger).build();
    await expect(settlesSoon(dr.execute(['doubled'], { inputs: { x: 2 } }))).resolves.toEqual({ doubled: 4 });
    expect(records).toEqual([expect.objectContaining({ level: 50, hook: 'anonymous hook', event: 'beforeNodeExecute' })]);
  });
});

describe('a node whose return value cannot be tested for `then`', () => {
  class Revoking {
    @node()
    async upstream() {
      return 1;
    }

    @node()
    revokedAfterAsync(upstream: number) {
      return upstream ? revokedProxy() : 0;
    }

    @node()
    revokedAtOnce() {
      return revokedProxy();
    }

    @node()
    thenGetterThrows() {
      return { get then() { throw new RangeError('then getter'); } };
    }
  }

  it.each(['revokedAfterAsync', 'revokedAtOnce'])('%s fails as `await` would: a NodeExecutionError caused by the TypeError', async (name) => {
    for (const hooked of [false, true]) {
      const b = new Builder().withModules(Revoking).withLogger(silent);
      const dr = hooked ? b.withAdapters(noteHook).build() : b.build();
      const error = await caught(() => settlesSoon(dr.execute([name])));
      expect(error).toBeInstanceOf(NodeExecutionError);
      expect((error as NodeExecutionError).node).toBe(name);
      expect((error as NodeExecutionError).cause).toBeInstanceOf(TypeError);
    }
  });

  it('fails with what a throwing `then` getter threw', async () => {
    const dr = new Builder().withModules(Revoking).withLogger(silent).build();
    const error = await caught(() => settlesSoon(dr.execute(['thenGetterThrows'])));
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).cause).toEqual(new RangeError('then getter'));
  });
});

describe('a node that returns a badly behaved thenable', () => {
  class Thenables {
    @node()
    thenThrows() {
      return { then() { throw new SyntaxError('then threw'); } };
    }

    @node()
    settlesTwice() {
      return {
        then(onValue: (v: unknown) => void, onError: (e: unknown) => void) {
          onValue(1);
          onValue(2);
          onError(new Error('late'));
        },
      };
    }

    @node()
    plusOne(settlesTwice: number) {
      return settlesTwice + 1;
    }
  }

  it('fails with what a throwing `then` threw', async () => {
    const dr = new Builder().withModules(Thenables).withLogger(silent).build();
    const error = await caught(() => settlesSoon(dr.execute(['thenThrows'])));
    expect((error as NodeExecutionError).cause).toEqual(new SyntaxError('then threw'));
  });

  it('takes the first settlement of a thenable that calls back several times, and runs downstream once', async () => {
    const dr = new Builder().withModules(Thenables).withLogger(silent).build();
    await expect(settlesSoon(dr.execute(['plusOne', 'settlesTwice']))).resolves.toEqual({ plusOne: 2, settlesTwice: 1 });
  });
});
