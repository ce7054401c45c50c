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
  build(outputs: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let k = 0; k < names.length; k++) setOwn(out, names[k]!, outputs[names[k]!]);
    // `execute` returns a promise of this object, and a promise resolved with
    // an object whose `then` is a function adopts it as a thenable instead.
    if (typeof out.then === 'function') throw new ResultBuilderError(resultMessages.thenIsAFunction());
    return out;
  }
}
