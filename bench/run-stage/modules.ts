/**
 * The run-stage suite's graphs, written as a user would write them (TypeScript
 * source, transpiled once and cached like the core suite's): a chain of nodes
 * passing large Float64Arrays along, and a fan-out with a three-node body.
 */
import { transpileCached } from '../core/shapes.js';

/** Float64 elements in one chain value: 8 MB. */
export const CHAIN_ELEMENTS = 1 << 20;

/**
 * `ArrayChain<n>`: `a0(elements)` makes an 8 MB array, `a<i>(a<i-1>)` a new one from it; the output is the last.
 *
 * @example
 * const js = chainOfArraysSource(200);
 */
export function chainOfArraysSource(length: number): string {
  const lines = ["import { node } from 'hamilton-ts';", '', `export class ArrayChain${length} {`];
  lines.push('  @node()', '  a0(elements: number): Float64Array {', '    return new Float64Array(elements).fill(1);', '  }', '');
  for (let i = 1; i < length; i++) {
    lines.push(
      '  @node()',
      `  a${i}(a${i - 1}: Float64Array): Float64Array {`,
      `    const out = new Float64Array(a${i - 1}.length);`,
      `    for (let k = 0; k < out.length; k++) out[k] = a${i - 1}[k]! + 1;`,
      '    return out;',
      '  }',
      '',
    );
  }
  lines.push('}', '');
  return transpileCached(lines.join('\n'));
}

/**
 * `FanOut`: `item(count)` yields 0..count-1, each item runs `scaled`, `shifted`
 * and `squared`, and `total` adds up the squares.
 *
 * @example
 * const js = fanOutSource();
 */
export function fanOutSource(): string {
  return transpileCached(`import { collect, node, parallelizable } from 'hamilton-ts';

export class FanOut {
  @parallelizable()
  @node()
  item(count: number): number[] {
    return Array.from({ length: count }, (_, k) => k);
  }

  @node()
  scaled(item: number): number {
    return item * 2 + 1;
  }

  @node()
  shifted(scaled: number): number {
    return scaled - 3;
  }

  @node()
  squared(shifted: number): number {
    return shifted * shifted;
  }

  @collect('squared')
  @node()
  total(squared: number[]): number {
    let sum = 0;
    for (const v of squared) sum += v;
    return sum;
  }
}
`);
}

/** The fan-out's body, called by hand: what the engine is compared with. */
export interface FanOutMethods {
  item(count: number): number[];
  scaled(item: number): number;
  shifted(scaled: number): number;
  squared(shifted: number): number;
  total(squared: number[]): number;
}
