/**
 * The cost of data-quality plumbing: build + run of graphs of 100, 1,000 and
 * 4,000 checked scalar nodes (each with one passing range check, so each
 * becomes x_raw, x_range_validator and x), against the same graphs without
 * checks. The difference, less the range check's own work, is the plumbing:
 * the extra nodes, the result records and the log record of a passing check.
 * Targets: under 5 µs of plumbing per checked node; 4,000 checked nodes built
 * and run in under 50 ms; cost per node flat from 100 to 4,000 (linear growth).
 * Measured in steady state (see steadyInterleaved), with a logger at level info
 * writing every record nowhere, and again at the default level warn.
 */
import pino, { type Logger } from 'pino';
import { createValidators } from '../lib/quality/validators/registry.js';
import { median, round, type BenchRecord } from './harness.js';
import { buildAndRun, checkedClass, nullInfoLogger, outputsOf, RANGE } from './checked/graphs.js';

type Report = (record: BenchRecord) => void;

const SIZES = [100, 1_000, 4_000] as const;

/**
 * Times `a` and `b` alternately (A B A B ...) so a noisy machine slows both
 * alike. Unlike the harness's comparisons, garbage is not collected before
 * each run: a forced full collection shrinks the young generation, and a run
 * that allocates a few MB then pays for scavenges a warm process never sees
 * (4-5x slower at 100 nodes). Garbage from earlier runs is still collected
 * during later ones, so the cost of collecting stays in the figures.
 */
async function steadyInterleaved(a: () => Promise<void>, b: () => Promise<void>, runs: number, warmup: number): Promise<{ a: number[]; b: number[] }> {
  const times = { a: [] as number[], b: [] as number[] };
  for (let run = 0; run < warmup + runs; run++) {
    let start = performance.now();
    await a();
    const ta = performance.now() - start;
    start = performance.now();
    await b();
    const tb = performance.now() - start;
    if (run >= warmup) { times.a.push(ta); times.b.push(tb); }
  }
  return times;
}

/** The range check's own work (the validator's validate) on `size` scalars: what the plumbing figure leaves out. */
function checkWorkMs(size: number): number {
  const [validator] = createValidators({ range: RANGE }, 'warn');
  if (!validator) throw new Error('checked-nodes: createValidators made no range validator');
  const times: number[] = [];
  for (let run = 0; run < 60; run++) {
    const start = performance.now();
    for (let i = 0; i < size; i++) validator.validate(i);
    if (run >= 20) times.push(performance.now() - start);
  }
  return median(times);
}

async function sizeCase(size: number, logger: () => Logger): Promise<BenchRecord> {
  const checked = checkedClass(size, true);
  const plain = checkedClass(size, false);
  const outputs = outputsOf(size);
  const runs = size >= 4_000 ? 40 : 100;
  const { a, b } = await steadyInterleaved(
    () => buildAndRun(checked, logger(), outputs),
    () => buildAndRun(plain, logger(), outputs),
    runs,
    20,
  );
  const ms = median(a);
  const plainMs = median(b);
  const checkMs = checkWorkMs(size);
  const overheadUs = ((ms - plainMs) * 1000) / size;
  const plumbingUs = ((ms - plainMs - checkMs) * 1000) / size;
  return {
    checkedNodes: size,
    medianMs: round(ms),
    usPerCheckedNode: round((ms * 1000) / size),
    plainMedianMs: round(plainMs),
    overheadUsPerCheckedNode: round(overheadUs),
    checkWorkUsPerCheckedNode: round((checkMs * 1000) / size),
    plumbingUsPerCheckedNode: round(plumbingUs),
    plumbingTarget: '<5 µs per checked node',
    plumbingTargetMet: plumbingUs < 5,
    ...(size === 4_000 ? { target: '<50 ms build+run', targetMet: ms < 50 } : {}),
    runs,
  };
}

/** Build + run of a plain graph with as many nodes as `checked` checked nodes have (raw, validator, final). */
async function sameNodeCountCase(checked: number): Promise<BenchRecord> {
  const size = 3 * checked;
  const cls = checkedClass(size, false);
  const outputs = outputsOf(size);
  const runs = 40;
  const { a } = await steadyInterleaved(() => buildAndRun(cls, nullInfoLogger(), outputs), async () => {}, runs, 20);
  const ms = median(a);
  return { nodes: size, medianMs: round(ms), usPerNode: round((ms * 1000) / size), usPer3Nodes: round((ms * 3000) / size), runs };
}

/**
 * Runs the cases, one record each, then the linear-growth summary. A case
 * that throws is reported as `{ error }` and the others still run.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const attempt = async (name: string, fn: () => Promise<BenchRecord>): Promise<BenchRecord | undefined> => {
    try {
      const record = await fn();
      report({ suite: 'checked-nodes', case: name, ...record });
      return record;
    } catch (e) {
      report({ suite: 'checked-nodes', case: name, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      return undefined;
    }
  };
  const bySize = new Map<number, BenchRecord>();
  for (const size of SIZES) {
    const record = await attempt(`build+run ${size} checked, info logger`, () => sizeCase(size, nullInfoLogger));
    if (record) bySize.set(size, record);
  }
  // Under the default level ('warn') the record of a passing check is never built.
  await attempt('build+run 4000 checked, warn logger', () => sizeCase(4_000, () => pino({ level: 'warn' }, { write() {} })));
  // How much of the overhead is the core's cost of two more nodes per checked node.
  await attempt('build+run 12000 plain, as many nodes as 4000 checked', () => sameNodeCountCase(4_000));
  const small = bySize.get(100);
  const big = bySize.get(4_000);
  if (small && big) {
    const ratio = (big.usPerCheckedNode as number) / (small.usPerCheckedNode as number);
    report({
      suite: 'checked-nodes',
      case: 'growth 100 -> 4000',
      usPerCheckedNodeAt100: small.usPerCheckedNode,
      usPerCheckedNodeAt4000: big.usPerCheckedNode,
      ratio: round(ratio, 3),
      plumbingUsAt100: small.plumbingUsPerCheckedNode,
      plumbingUsAt4000: big.plumbingUsPerCheckedNode,
      target: 'linear: per-node cost at 4,000 at most 1.5x that at 100',
      targetMet: ratio <= 1.5,
    });
  }
}
