/**
 * Start-up: how long `import 'hamilton-ts'` takes in a fresh process, as a
 * ratio of importing pino alone (a small, common dependency: the floor any
 * library that logs with pino pays). The package is compiled once to
 * .bench-tmp/startup-dist, so the figure is what a user's built project sees,
 * not the cost of compiling TypeScript on the fly. One JSON record per case.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { caseRunner, median, round, type BenchRecord } from './harness.js';

type Report = (record: BenchRecord) => void;

const execFileAsync = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}.bench-tmp/startup-dist`;
const RUNS = 21;
/** The goal: importing hamilton-ts costs less than this many times importing pino. */
const TARGET_RATIO = 3;

/**
 * Runs the start-up cases, reporting one record per case.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  await caseRunner('startup', report)("import 'hamilton-ts' vs 'pino', fresh process", importCase);
}

/** Builds the package once, then times the imports, interleaved. */
async function importCase(): Promise<BenchRecord> {
  await execFileAsync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json', '--outDir', OUT, '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false'], { cwd: ROOT });
  if (!existsSync(`${OUT}/index.js`)) throw new Error(`the build did not write ${OUT}/index.js`);
  const ours = pathToFileURL(`${OUT}/index.js`).href;
  const specifiers = { hamilton: ours, pino: 'pino', arquero: 'arquero' } as const;
  const times: Record<keyof typeof specifiers, number[]> = { hamilton: [], pino: [], arquero: [] };
  // Interleaved, one fresh process per import, so a noisy neighbour slows every side alike.
  for (let run = 0; run < RUNS + 2; run++) {
    for (const [name, specifier] of Object.entries(specifiers) as [keyof typeof specifiers, string][]) {
      const ms = await importMs(specifier);
      if (run >= 2) times[name].push(ms);
    }
  }
  const [hamilton, pino, arquero] = [median(times.hamilton), median(times.pino), median(times.arquero)];
  const ratios = times.hamilton.map((h, i) => h / times.pino[i]!);
  return {
    hamiltonMedianMs: round(hamilton),
    pinoMedianMs: round(pino),
    arqueroMedianMs: round(arquero),
    ratio: round(median(ratios), 3),
    target: `<${TARGET_RATIO}x pino`,
    targetMet: median(ratios) < TARGET_RATIO,
    runs: RUNS,
  };
}

/** Milliseconds a fresh node spends in `await import(specifier)`, measured inside that process. */
async function importMs(specifier: string): Promise<number> {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } });
  return Number(stdout);
}
