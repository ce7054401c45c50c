import type { ResultBuilder } from './result-builder.js';

/**
 * The default result: a plain object keyed by output name, in request order.
 *
 * @example
 * const { spendPerSignup } = await dr.execute(['spendPerSignup'], { inputs });
 */
export class DictResult implements ResultBuilder<Record<string, unknown>> {
  /** Tells DictResult apart from other result builders at the type level, so `execute` can type its outputs. */
  declare private readonly outputsByName: true;

  build(outputs: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const n of names) out[n] = outputs[n];
    return out;
  }
}
