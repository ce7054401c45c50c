/**
 * The result-builder seam: shapes the requested outputs into what `execute` returns.
 */

/**
 * Turns the requested outputs (by name, in request order) into the value `execute` returns.
 *
 * @example
 * const firstOnly: ResultBuilder<unknown> = { build: (outputs, names) => outputs[names[0]!] };
 */
export interface ResultBuilder<R> {
  /**
   * Optional: asynchronous set-up (loading a library) that `execute` awaits
   * before it calls `build`; it returns undefined when there is nothing to wait for.
   */
  prepare?(): Promise<unknown> | undefined;
  build(outputs: Readonly<Record<string, unknown>>, names: readonly string[]): R;
}
