import { ResultBuilderError } from '../../errors.js';
import { resultMessages } from '../../messages.js';
import { setOwn } from '../../names.js';
import type { ResultBuilder } from './result-builder.js';

/**
 * The default result: a plain object keyed by output name, in request order
 * (JavaScript lists array-index names such as "0" first, as in any object).
 * Every name is an own property, `__proto__` and `constructor` included.
 *
 * @example
 * const { spendPerSignup } = await dr.execute(['spendPerSignup'], { inputs });
 */
export class DictResult implements ResultBuilder<Record<string, unknown>> {
  /** Tells DictResult apart from other result builders at the type level, so `execute` can type its outputs. */
  declare private readonly outputsByName: true;

  build(outputs: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const n of names) setOwn(out, n, outputs[n]);
    return checkedDict(out);
  }
}

/**
 * True when `rb` is a plain DictResult: its result is exactly the record of
 * outputs a run assembles, so the run returns that record (checked) instead
 * of copying it once more.
 *
 * @example
 * const result = isPlainDictResult(rb) ? checkedDict(record) : rb.build(record, outputs);
 */
export function isPlainDictResult(rb: ResultBuilder<unknown>): boolean {
  return Object.getPrototypeOf(rb) === DictResult.prototype && rb.build === DictResult.prototype.build;
}

/**
 * The DictResult check: `execute` returns a promise of this object, and a
 * promise resolved with an object whose `then` is a function adopts it as a
 * thenable instead.
 *
 * @example
 * return checkedDict(out);
 */
export function checkedDict(out: Record<string, unknown>): Record<string, unknown> {
  if (typeof out.then === 'function') throw new ResultBuilderError(resultMessages.thenIsAFunction());
  return out;
}
