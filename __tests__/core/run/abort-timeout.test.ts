import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  ExecutionAbortedError,
  InvalidInputsError,
  NodeExecutionError,
  NodeTimeoutError,
  DecoratorError,
  node,
  type NodeContext,
} from '../../../lib/index.js';
import { silent } from '../../support.js';

const never = () => new Promise<never>(() => undefined);
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('abort', () => {
  it('rejects at once with ExecutionAbortedError naming the running nodes; running nodes see the signal', async () => {
    const seen: AbortSignal[] = [];
    class Slow {
      @node({ context: true })
      async stuck(ctx: NodeContext): Promise<number> {
        seen.push(ctx.signal);
        return never();
      }
      @node()
      after(stuck: number): number { return stuck + 1; }
    }
    const controller = new AbortController();
    const run = new Builder().withModules(Slow).withLogger(silent).build().execute(['after'], { signal: controller.signal });
    await tick();
    controller.abort('user clicked stop');
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecutionAbortedError);
    expect((error as ExecutionAbortedError).running).toEqual(['stuck']);
    expect((error as ExecutionAbortedError).reason).toBe('user clicked stop');
    expect((error as Error).message).toMatch(/aborted .*`stuck` was running/);
    expect(seen[0]!.aborted).toBe(true);
  });

  it('starts nothing when the signal is already aborted', async () => {
    let ran = false;
    class A {
      @node()
      a(): number { ran = true; return 1; }
    }
    const controller = new AbortController();
    controller.abort();
    await expect(new Builder().withModules(A).withLogger(silent).build().execute(['a'], { signal: controller.signal })).rejects.toBeInstanceOf(ExecutionAbortedError);
    expect(ran).toBe(false);
  });

  it('starts no new node after the abort', async () => {
    const started: string[] = [];
    let release!: () => void;
    class Chain {
      @node()
      async first(): Promise<number> { started.push('first'); await new Promise<void>((r) => { release = r; }); return 1; }
      @node()
      second(first: number): number { started.push('second'); return first; }
    }
    const controller = new AbortController();
    const run = new Builder().withModules(Chain).withLogger(silent).build().execute(['second'], { signal: controller.signal }).catch((e: unknown) => e);
    await tick();
    controller.abort();
    release();
    expect(await run).toBeInstanceOf(ExecutionAbortedError);
    await tick();
    expect(started).toEqual(['first']);
  });

  it('rejects a signal that is not an AbortSignal', async () => {
    class A { @node() a(): number { return 1; } }
    await expect(new Builder().withModules(A).withLogger(silent).build().execute(['a'], { signal: {} as AbortSignal })).rejects.toBeInstanceOf(InvalidInputsError);
  });
});

describe('timeouts', () => {
  it('fails the run with NodeTimeoutError (scope run) once execute’s timeoutMs passes', async () => {
    class Slow { @node() async stuck(): Promise<number> { return never(); } }
    const error = await new Builder().withModules(Slow).withLogger(silent).build().execute(['stuck'], { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeTimeoutError);
    expect(error).toMatchObject({ scope: 'run', nodes: ['stuck'], timeoutMs: 30 });
  });

  it('fails an async node that runs past @node({ timeoutMs }) with NodeTimeoutError naming it and its origin', async () => {
    class Slow { @node({ timeoutMs: 20 }) async stuck(): Promise<number> { return never(); } }
    const error = await new Builder().withModules(Slow).withLogger(silent).build().execute(['stuck']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeTimeoutError);
    expect(error).toMatchObject({ scope: 'node', nodes: ['stuck'], timeoutMs: 20 });
    expect((error as Error).message).toContain('`stuck` (Slow.stuck) took longer than its timeoutMs of 20 ms');
  });

  it('fails a sync node that returned after its timeout', async () => {
    class Busy {
      @node({ timeoutMs: 5 })
      busy(): number { const end = Date.now() + 20; while (Date.now() < end); return 1; }
    }
    await expect(new Builder().withModules(Busy).withLogger(silent).build().execute(['busy'])).rejects.toBeInstanceOf(NodeTimeoutError);
  });

  it('lets a node that finishes in time through', async () => {
    class Quick { @node({ timeoutMs: 1000 }) async quick(): Promise<number> { await tick(); return 7; } }
    await expect(new Builder().withModules(Quick).withLogger(silent).build().execute(['quick'])).resolves.toEqual({ quick: 7 });
  });

  it('rejects a bad timeoutMs on @node at load time and on execute', async () => {
    expect(() => {
      class Bad { @node({ timeoutMs: -1 }) a(): number { return 1; } }
      return Bad;
    }).toThrow(DecoratorError);
    class A { @node() a(): number { return 1; } }
    await expect(new Builder().withModules(A).withLogger(silent).build().execute(['a'], { timeoutMs: 0 })).rejects.toBeInstanceOf(InvalidInputsError);
  });

  it('is not held up by a hook that never resolves', async () => {
    class A { @node() a(): number { return 1; } }
    const hanging = { beforeNodeExecute: () => never() };
    const error = await new Builder().withModules(A).withAdapters(hanging).withLogger(silent).build().execute(['a'], { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeTimeoutError);
  });

  it('is not held up by a graph hook that never resolves, before or after', async () => {
    class A { @node() a(): number { return 1; } }
    for (const hook of [{ beforeGraphExecute: () => never() }, { afterGraphExecute: () => never() }]) {
      const dr = new Builder().withModules(A).withAdapters(hook).withLogger(silent).build();
      await expect(dr.execute(['a'], { timeoutMs: 30 })).rejects.toBeInstanceOf(NodeTimeoutError);
    }
  });
});

describe('failure while nodes are in flight', () => {
  it('rejects at once with the first error and aborts the signal of the nodes still running', async () => {
    const seen: AbortSignal[] = [];
    class Mixed {
      @node({ context: true })
      async slow(ctx: NodeContext): Promise<number> { seen.push(ctx.signal); return never(); }
      @node()
      async broken(): Promise<number> { await tick(); throw new Error('boom'); }
      @node()
      both(slow: number, broken: number): number { return slow + broken; }
    }
    const error = await new Builder().withModules(Mixed).withLogger(silent).build().execute(['both']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeExecutionError);
    expect((error as NodeExecutionError).node).toBe('broken');
    expect(seen[0]!.aborted).toBe(true);
  });
});
