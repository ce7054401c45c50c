import { describe, expect, it } from '@jest/globals';
import { DecoratorError, Step, applyTo, group, source, step, value } from '../../lib/index.js';

const scale = (x: number, factor: number) => x * factor;

describe('step()', () => {
  it('records the function and its bindings, literals as value()', () => {
    const s = step(scale, { factor: 2 });
    expect(s).toBeInstanceOf(Step);
    expect(s.fn).toBe(scale);
    expect(s.bindings).toEqual({ factor: value(2) });
    expect(step(scale, { factor: source('f') }).bindings).toEqual({ factor: source('f') });
    expect(step(scale, { factor: group(source('a'), value(1)) }).bindings.factor).toMatchObject({ kind: 'group' });
  });

  it('returns changed copies, leaving the original as it was', () => {
    const s = step(scale);
    const t = s.when({ mode: 'a' }).named('scaled', { namespace: null }).onOutput('x');
    expect(s.conditions).toEqual([]);
    expect(s.name).toBeUndefined();
    expect(t).toMatchObject({ name: 'scaled', namespace: null, target: 'x', conditions: [{ test: 'when', conditions: { mode: 'a' } }] });
    expect(Object.isFrozen(t)).toBe(true);
  });

  it('resolves its conditions against config, ANDed, a missing key reading as undefined', () => {
    const s = step(scale).when({ mode: 'a' }).whenNotIn({ size: ['xl'] });
    expect(s.resolves({ mode: 'a' })).toBe(true);
    expect(s.resolves({ mode: 'a', size: 'xl' })).toBe(false);
    expect(s.resolves({ mode: 'b' })).toBe(false);
    expect(step(scale).whenNot({ mode: 'a' }).resolves({})).toBe(true);
    expect(step(scale).whenIn({ mode: ['a', 'b'] }).resolves({ mode: 'b' })).toBe(true);
    expect(step(scale).whenIn({ mode: ['a', 'b'] }).resolves({})).toBe(false);
  });

  it('rejects bad arguments with a DecoratorError saying what to pass', () => {
    expect(() => step('scale' as never)).toThrow(DecoratorError);
    expect(() => step(scale, [] as never)).toThrow('bindings must be an object');
    expect(() => step(scale).when({})).toThrow('takes a non-empty object');
    expect(() => step(scale).whenIn({ mode: 'a' } as never)).toThrow("key `mode` needs a list of values");
    expect(() => step(scale).named('')).toThrow('.named() must be a non-empty string');
    expect(() => step(scale).onOutput([] as never)).toThrow('onOutput() takes a node name');
  });
});

describe('applyTo()', () => {
  it('is a step placeholder without a function, naming its target', () => {
    const a = applyTo('spend', { factor: 3 }).onOutput('spendUs');
    expect(a.fn).toBeUndefined();
    expect(a).toMatchObject({ applyTo: 'spend', bindings: { factor: value(3) }, target: 'spendUs' });
    expect(() => applyTo(3 as never)).toThrow('applyTo() takes the name of a method or node');
  });
});
