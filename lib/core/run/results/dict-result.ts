import type { ResultBuilder } from './result-builder.js';

/**
 * The default result: a plain object keyed by output name, in request order.
 *
 * @example
 * const { spendPerSignup } = await dr.execute(['spendPerSignup'], { inputs });
 */
export class DictResult implements ResultBuilder<Record<string, unknown>> {
  build(outputs: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const n of names) out[n] = outputs[n];
    return out;
  }
}
