/**
 * One run of the 200-node chain of 8 MB arrays in a process of its own, so
 * each mode's peak resident memory is its own. Prints one JSON line.
 *
 *   node <loader flags> bench/run-stage/memory-child.ts release|keep|hand <module url> <length>
 *
 * `release`: the default LocalExecutor (each array dropped once its reader ran).
 * `keep`: `new LocalExecutor({ releaseValues: false })`. `hand`: a loop calling
 * the same methods, keeping only the previous array.
 */
import { Builder, LocalExecutor } from 'hamilton-ts';
import { importClass } from '../core/shapes.js';
import { CHAIN_ELEMENTS } from './modules.js';

/** What the child prints. */
export interface MemoryRun {
  readonly mode: 'release' | 'keep' | 'hand';
  /** Peak RSS before the run: Node, the loader, the library and the module. */
  readonly beforeKiB: number;
  readonly peakKiB: number;
  /** Sum of the last array, to check every mode computed the same. */
  readonly checksum: number;
  readonly ms: number;
}

async function main(): Promise<void> {
  const [mode, url, lengthText] = process.argv.slice(2);
  const length = Number(lengthText);
  if ((mode !== 'release' && mode !== 'keep' && mode !== 'hand') || !url || !(length > 1)) {
    throw new Error('usage: memory-child.ts release|keep|hand <module url> <length>');
  }
  const cls = await importClass(url, `ArrayChain${length}`);
  const last = `a${length - 1}`;
  const dr = new Builder().withModules(cls).withExecutor(new LocalExecutor({ releaseValues: mode !== 'keep' })).build();
  (globalThis as { gc?: () => void }).gc?.();
  const beforeKiB = process.resourceUsage().maxRSS;
  const start = performance.now();
  let result: Float64Array;
  if (mode === 'hand') {
    const methods = new cls() as Record<string, (x: unknown) => Float64Array>;
    let value = methods.a0!(CHAIN_ELEMENTS);
    for (let i = 1; i < length; i++) value = methods[`a${i}`]!(value);
    result = value;
  } else {
    result = (await dr.execute([last], { inputs: { elements: CHAIN_ELEMENTS } }))[last] as Float64Array;
  }
  const ms = performance.now() - start;
  let checksum = 0;
  for (let k = 0; k < result.length; k += 4096) checksum += result[k]!;
  const run: MemoryRun = { mode, beforeKiB, peakKiB: process.resourceUsage().maxRSS, checksum, ms };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

await main();
