// Builder settings and execute arguments are checked when given: a bad one is an InvalidInputsError that
// names the setting and says what is allowed. Regression tests for an adversarial pass, where such
// arguments gave raw TypeErrors, a stack overflow, or were accepted and did nothing.
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Builder, InvalidInputsError, LocalExecutor, node, type LifecycleHooks, type LocalExecutorOptions, type Module } from '../../lib/index.js';
import * as features from './fixtures/feature-module.js';
import * as plain from './fixtures/plain-module.js';
import { silent, thrownBy } from '../support.js';

class Doubler {
  @node()
  doubled(x: number) {
    return x * 2;
  }
}

/** The InvalidInputsError `fn` throws, with its message. */
function invalid(fn: () => unknown): string {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(InvalidInputsError);
  return (error as Error).message;
}

describe('withModules', () => {
  it('takes a module namespace (import * as features) as every exported class with @node methods', async () => {
    const dr = new Builder().withModules(features).withLogger(silent).build();
    expect(dr.listAvailableVariables().map((n) => n.name).sort()).toEqual(['signups', 'spend', 'spendMean', 'spendPerSignup']);
    await expect(dr.execute(['spendPerSignup'], { inputs: { spend: [2, 4], signups: 3 } })).resolves.toEqual({ spendPerSignup: 1 });
  });

  it('counts a class exported under two names once', () => {
    expect(features.default).toBe(features.Spend);
    expect(() => new Builder().withModules(features).build()).not.toThrow();
  });

  it('takes a plain object of classes, as a CommonJS module gives one', () => {
    const dr = new Builder().withModules({ Spend: features.Spend, Signups: features.Signups }).withLogger(silent).build();
    expect(dr.listAvailableVariables().some((n) => n.name === 'spendPerSignup')).toBe(true);
  });

  it('rejects a namespace without decorated classes, naming its exports', () => {
    const message = invalid(() => new Builder().withModules(plain));
    expect(message).toContain('the module namespace exports `Helper`, `answer`, but none of them is a class with @node methods');
  });

  it.each([
    ['{}', {}, 'the object {} has no @node methods'],
    ['Math', Math, 'the Math object has no @node methods'],
    ['a class without @node methods', class Empty {}, 'class Empty has no @node methods'],
    ['an instance of one', new (class Plain {})(), 'an instance of Plain has no @node methods'],
  ])('rejects %s, saying what a module is', (_, module, culprit) => {
    const message = invalid(() => new Builder().withModules(module as Module));
    expect(message).toContain(`withModules: ${culprit}`);
    expect(message).toContain('withModules takes classes with @node methods, instances of them, or module namespaces');
  });

  it('takes 100,000 modules spread as arguments without overflowing the stack', () => {
    const instances = Array.from({ length: 100_000 }, () => new Doubler());
    const builder = new Builder().withModules(...instances).allowModuleOverrides().withLogger(silent);
    expect(builder.build().listAvailableVariables().map((n) => n.name)).toEqual(['x', 'doubled']);
  });
});

describe('execute options', () => {
  const dr = new Builder().withModules(Doubler).withLogger(silent).build();

  it.each([
    ['null', null],
    ['a number', 5],
    ['an array', [{ x: 1 }]],
  ])('options that are %s are an InvalidInputsError', async (_, options) => {
    const call = () => dr.execute(['doubled'], options as never);
    await expect(call()).rejects.toThrow(InvalidInputsError);
    await expect(call()).rejects.toThrow('execute(outputs, options): options must be an object such as { inputs: ');
    expect(() => dr.validateExecution(['doubled'], options as never)).toThrow(InvalidInputsError);
  });

  it.each([
    ['inputs', null],
    ['inputs', [1]],
    ['overrides', 'x'],
  ])('%s given as %p is an InvalidInputsError naming the key', async (key, values) => {
    const call = () => dr.execute(['doubled'], { [key]: values } as never);
    await expect(call()).rejects.toThrow(`execute(outputs, { ${key} }): ${key} must be an object of values by name`);
  });

  it('takes no options, or empty ones', async () => {
    const withInput = new Builder().withModules(Doubler).withConfig({ x: 2 }).withLogger(silent).build();
    await expect(withInput.execute(['doubled'])).resolves.toEqual({ doubled: 4 });
    await expect(withInput.execute(['doubled'], {})).resolves.toEqual({ doubled: 4 });
  });
});

describe('withAdapters', () => {
  it('rejects a hook object with no hook method, since it would never be called', () => {
    expect(invalid(() => new Builder().withAdapters({} as LifecycleHooks))).toContain(
      'withAdapters: argument 1 (the object {}) has none of the hook methods beforeGraphExecute, beforeNodeExecute, afterNodeExecute, afterGraphExecute',
    );
  });

  it('rejects a hook event that is not a function', () => {
    expect(invalid(() => new Builder().withAdapters({ afterNodeExecute: 5 } as unknown as LifecycleHooks))).toContain(
      'withAdapters: afterNodeExecute of the object {"afterNodeExecute":5} must be a function, got 5',
    );
  });

  it('takes 100,000 hooks spread as arguments without overflowing the stack', () => {
    const hooks = Array.from({ length: 100_000 }, () => ({ afterGraphExecute() {} }));
    expect(() => new Builder().withAdapters(...hooks)).not.toThrow();
  });
});

describe('other settings', () => {
  it('withLogger rejects something that is not a pino logger', () => {
    expect(invalid(() => new Builder().withLogger(console as never))).toContain('withLogger takes a pino logger');
    expect(() => new Builder().withLogger(pino({ level: 'silent' }))).not.toThrow();
  });

  it('LocalExecutor rejects options that are not an object', () => {
    expect(invalid(() => new LocalExecutor(null as unknown as LocalExecutorOptions))).toContain('LocalExecutor takes an object such as { maxConcurrency: 16 }');
  });

  it('withConfig rejects what is not an object', () => {
    expect(invalid(() => new Builder().withConfig(null as never))).toContain('withConfig takes a plain object, got null');
  });
});
