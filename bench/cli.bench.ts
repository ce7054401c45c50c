/**
 * The command line's start-up: `hamilton-ts list --json` on a generated
 * 4,000-node TypeScript module, each run a fresh process as a user's shell
 * starts it, against the same command line under the TypeScript-compiled path
 * (ts-node's ESM loader, which compiles with `typescript`), in the same run.
 * One JSON record per case; see bench/README.md.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { graphSource, graphSpec } from './core/shapes.js';
import { caseRunner, compareInterleaved, measure, median, round, type BenchRecord } from './harness.js';

type Report = (record: BenchRecord) => void;

const execFileAsync = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIG = 4_000;
const RUNS = 5;

/** How each side starts `hamilton-ts`: the development launcher (tsx), or the sources under ts-node. */
const SIDES = {
  tsx: [fileURLToPath(new URL('../bin/hamilton-ts-dev.js', import.meta.url))],
  tsc: ['--no-warnings', '--conditions=source', '--loader', 'ts-node/esm', fileURLToPath(new URL('../lib/cli/bin.ts', import.meta.url))],
} as const;

/**
 * Runs the case, reporting one record; an error is reported as `{ error }`.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const dir = new URL(`../.bench-tmp/cli/run-${process.pid}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  try {
    await caseRunner('cli', report)(`list start-up wide ${BIG}: tsx vs tsc`, () => listStartup(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Interleaved fresh processes, tsx then tsc, each on a new copy of the module
 * (a comment with the run number), so tsx's transform cache cannot answer and
 * both sides compile it, as on a first run. The same pairs on a one-node module
 * give each side's fixed start-up, so the 4,000 methods' own share can be told apart.
 * `tsxWarmMedianMs`: tsx again on one unchanged file, its compiled output cached.
 */
async function listStartup(dir: URL): Promise<BenchRecord> {
  const big = graphSource(graphSpec('wide', BIG));
  const small = graphSource(graphSpec('wide', 1));
  let file = '';
  const copy = (source: string, label: string) => (n: number) => {
    file = fileURLToPath(new URL(`${label}-${n}-${Math.random().toString(36).slice(2)}.ts`, dir));
    writeFileSync(file, `${source}// copy ${n}\n`);
  };
  const listed: number[] = [];
  const side = (name: keyof typeof SIDES, source: string, label: string) => ({
    setup: copy(source, `${label}-${name}`),
    run: async () => listed.push(await list(name, file)),
  });
  const options = { runs: RUNS, warmup: 1 };
  const full = await compareInterleaved(side('tsx', big, 'big'), side('tsc', big, 'big'), options);
  const fixed = await compareInterleaved(side('tsx', small, 'small'), side('tsc', small, 'small'), options);
  const warmFile = fileURLToPath(new URL('warm.ts', dir));
  writeFileSync(warmFile, big);
  const warm = await measure(async () => { listed.push(await list('tsx', warmFile)); }, options);
  const expected = new Set([BIG + 10, 1 + 2]);
  if (!listed.every((n) => expected.has(n))) throw new Error(`a side listed a wrong number of nodes: ${[...new Set(listed)].join(', ')}`);
  const [tsx, tsc, tsxFixed, tscFixed] = [median(full.a), median(full.b), median(fixed.a), median(fixed.b)];
  return {
    tsxMedianMs: round(tsx),
    tscMedianMs: round(tsc),
    ratio: round(tsx / tsc, 3),
    tsxFixedMedianMs: round(tsxFixed),
    tscFixedMedianMs: round(tscFixed),
    tsxModuleMs: round(tsx - tsxFixed),
    tscModuleMs: round(tsc - tscFixed),
    moduleRatio: round((tsx - tsxFixed) / (tsc - tscFixed), 3),
    tsxWarmMedianMs: round(median(warm)),
    runs: RUNS,
  };
}

/** One `hamilton-ts list <file> --json` in a fresh process; resolves to the number of nodes listed. */
async function list(name: keyof typeof SIDES, file: string): Promise<number> {
  const { stdout } = await execFileAsync(process.execPath, [...SIDES[name], 'list', file, '--json'], { cwd: ROOT, maxBuffer: 64 << 20 });
  return (JSON.parse(stdout) as { nodes: unknown[] }).nodes.length;
}
