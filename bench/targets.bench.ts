/**
 * The performance targets, each a ratio measured in the same run against its
 * floor (see bench/README.md): import + build of 4,000 methods against the
 * undecorated import (TypeScript's and esbuild's emit), the 100,000-node chain
 * against its undecorated import (fresh processes), a graph made through
 * `@parameterize` against plain methods, checked nodes against as many plain
 * nodes and against themselves at 100, and the execution overhead per node.
 * Every group runs in a child process of its own.
 */
import { jsonLinesOf } from './child-process.js';
import { ModuleCopies } from './core/shapes.js';
import { chainCase } from './targets/chain-case.js';
import type { BenchRecord } from './harness.js';

type Report = (record: BenchRecord) => void;

const GROUPS = ['import-esbuild', 'import-typescript', 'parameterize', 'checked', 'execute'] as const;

/**
 * Runs every target case, one record each. A group that fails is reported as `{ error }` and the others still run.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const failed = (name: string, e: unknown) => report({ suite: 'targets', case: name, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  for (const group of GROUPS) {
    try {
      for (const record of await jsonLinesOf('targets/child.ts', [group])) report({ suite: 'targets', ...(record as BenchRecord) });
    } catch (e) {
      failed(group, e);
    }
  }
  const copies = new ModuleCopies();
  try {
    for (const emit of ['esbuild', 'typescript'] as const) {
      const name = `build+execute chain 100000 vs undecorated import, ${emit} emit, fresh processes`;
      try {
        report({ suite: 'targets', case: name, ...(await chainCase(copies, emit)) });
      } catch (e) {
        failed(name, e);
      }
    }
  } finally {
    copies.dispose();
  }
}
