/**
 * The graphs of the data-quality benchmarks: scalar nodes reading one input
 * `seed`, each with one passing range check or none, built and run with a
 * logger that serializes every record and writes it nowhere.
 */
import pino, { type Logger } from 'pino';
import { Builder, checkOutput, node } from 'hamilton-ts';
import { decoratedClass } from '../method-context.js';

/** The range every checked node is checked against (every value passes). */
export const RANGE: readonly [number, number] = [0, 1e9];

/**
 * A class of `size` scalar nodes `n0..n<size-1>`, each reading input `seed`,
 * each with one passing range check when `checked`.
 *
 * @example
 * const Cls = checkedClass(100, true); // 300 nodes once built
 */
export function checkedClass(size: number, checked: boolean): new () => object {
  return decoratedClass(
    Array.from({ length: size }, (_, i) => ({
      name: `n${i}`,
      fn: function (seed: number): number {
        return seed + i;
      },
      decorators: checked ? [checkOutput({ range: RANGE, importance: 'warn' }), node()] : [node()],
    })),
  );
}

/**
 * A logger at level info that writes every record nowhere: passes are serialized, as with a real sink.
 *
 * @example
 * new Builder().withModules(Cls).withLogger(nullInfoLogger()).build();
 */
export function nullInfoLogger(): Logger {
  return pino({ level: 'info' }, { write() {} });
}

/**
 * The names of a checked class's nodes, `n0..n<size-1>`.
 *
 * @example
 * outputsOf(2); // ['n0', 'n1']
 */
export function outputsOf(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `n${i}`);
}

/**
 * Builds the class with `logger` and computes `outputs`, checking the last value.
 *
 * @example
 * await buildAndRun(checkedClass(100, true), nullInfoLogger(), outputsOf(100));
 */
export async function buildAndRun(cls: new () => object, logger: Logger, outputs: readonly string[]): Promise<void> {
  const dr = new Builder().withModules(cls).withLogger(logger).build();
  const out = await dr.execute(outputs, { inputs: { seed: 1 } });
  if (out[outputs[outputs.length - 1]!] !== outputs.length) throw new Error('checked-nodes: wrong value computed');
}

