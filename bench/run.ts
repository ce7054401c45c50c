/**
 * Runs the benchmark suites and prints one JSON line per case: first the
 * machine, then each suite's records, then the run's peak memory.
 *
 *   npm run bench                     every suite
 *   npm run bench -- --only core      one suite (core, run-stage, validators, checked-nodes, cli, modifiers, extract-columns, pipes, startup, io, check, platform, targets, bullmq)
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { peakRssKiB, report, round, type SuiteRun } from './harness.js';

/** Suites in run order; each file exports `run(report)`. A suite whose file is absent is skipped. */
const SUITES = ['core', 'run-stage', 'validators', 'checked-nodes', 'cli', 'modifiers', 'extract-columns', 'pipes', 'startup', 'io', 'check', 'platform', 'targets', 'bullmq'] as const;

function selectedSuites(argv: readonly string[]): string[] {
  const at = argv.indexOf('--only');
  if (at < 0) return [...SUITES];
  const wanted = argv[at + 1];
  if (!wanted || !(SUITES as readonly string[]).includes(wanted)) {
    throw new Error(`--only needs one of: ${SUITES.join(', ')} (got ${wanted ?? 'nothing'}).`);
  }
  return [wanted];
}

async function main(): Promise<void> {
  const suites = selectedSuites(process.argv.slice(2));
  const cpus = os.cpus();
  report({
    suite: 'machine',
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 3),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    date: new Date().toISOString(),
  });
  const started = performance.now();
  for (const name of suites) {
    const file = new URL(`./${name}.bench.ts`, import.meta.url);
    if (!existsSync(file)) {
      report({ suite: name, case: 'skipped', reason: `bench/${name}.bench.ts does not exist` });
      continue;
    }
    // A computed specifier: suites may be absent, so none is imported statically.
    const specifier = `./${name}.bench.js`;
    const suite = (await import(specifier)) as { run: SuiteRun };
    const start = performance.now();
    await suite.run(report);
    report({ suite: name, case: 'suite total', seconds: round((performance.now() - start) / 1000, 3) });
  }
  const kib = peakRssKiB();
  report({ suite: 'run', case: 'peak RSS', peakRssKiB: kib, peakRssMiB: round(kib / 1024), seconds: round((performance.now() - started) / 1000, 3) });
}

await main();
