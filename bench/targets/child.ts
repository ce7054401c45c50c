/**
 * One group of the targets suite, in a process of its own (started by
 * bench/targets.bench.ts), so that modules and heaps left by other suites do
 * not weigh on its figures. Prints one JSON record per case.
 *
 *   node <loader flags> bench/targets/child.ts import-esbuild|import-typescript|parameterize|checked|execute
 */
import { executeCase } from '../core/execute-case.js';
import { graphSpec, ModuleCopies } from '../core/shapes.js';
import type { BenchRecord } from '../harness.js';
import { checkedCases } from './checked-case.js';
import { importCase } from './import-case.js';
import { parameterizeCases } from './parameterize-case.js';

/** Each group's cases. */
const GROUPS: Record<string, (copies: ModuleCopies) => Promise<BenchRecord[]>> = {
  'import-esbuild': async (copies) => [{ case: 'import+build 4000 @node methods vs undecorated import, esbuild emit', ...(await importCase(copies, 'esbuild')) }],
  'import-typescript': async (copies) => [{ case: 'import+build 4000 @node methods vs undecorated import, TypeScript emit', ...(await importCase(copies, 'typescript')) }],
  parameterize: () => parameterizeCases([40, 400]),
  checked: () => checkedCases(),
  execute: async (copies) => {
    const records: BenchRecord[] = [];
    for (const shape of ['wide', 'chain'] as const) {
      records.push({ case: `execute ${shape} 4000: overhead per node over direct calls`, ...(await executeCase(copies, graphSpec(shape, 4_000))) });
    }
    return records;
  },
};

async function main(): Promise<void> {
  const group = process.argv[2];
  const cases = group === undefined ? undefined : GROUPS[group];
  if (!cases) throw new Error(`usage: child.ts ${Object.keys(GROUPS).join('|')}`);
  const copies = new ModuleCopies();
  try {
    for (const record of await cases(copies)) process.stdout.write(`${JSON.stringify(record)}\n`);
  } finally {
    copies.dispose();
  }
}

await main();
