// Nodes for the BullMQ benchmark: 1,000 independent CPU-bound nodes of about `burnMs` each, and 200 tiny ones.
import { node, parameterize, value } from 'hamilton-ts';

const burns = Object.fromEntries(Array.from({ length: 1000 }, (_, k) => [`burn${k}`, { seed: value(k) }]));
const tinies = Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`tiny${k}`, { seed: value(k) }]));

export class BenchNodes {
  @parameterize(burns)
  @node()
  burn(seed: number, burnMs: number): number {
    const end = performance.now() + burnMs;
    let x = seed;
    while (performance.now() < end) x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  }

  @parameterize(tinies)
  @node()
  tiny(seed: number, small: number[]): number {
    return seed + small.length;
  }
}

/** The names of the burn and tiny nodes. */
export const BURN_NODES = Object.keys(burns);
export const TINY_NODES = Object.keys(tinies);
