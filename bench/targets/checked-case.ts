/**
 * Targets of checked nodes (one passing range check each, every result logged
 * at level info by a pino logger writing nowhere):
 *
 * - 4,000 checked nodes build and run in at most 1.5x the time of 12,000 plain
 *   nodes, the same node count (x_raw, the validator and x per checked node);
 * - the cost per checked node at 4,000 is at most 1.3x the cost at 100 (linear
 *   growth). The 100-node side builds and runs 40 times per timed run, so both
 *   sides do the same work per run and only the graph's size differs.
 *
 * All three interleaved, in steady state (garbage of earlier runs is collected
 * during later ones, as in a warm process).
 */
import { buildAndRun, checkedClass, nullInfoLogger, outputsOf } from '../checked/graphs.js';
import { interleave, median, pairedRatio, round, type BenchRecord } from '../harness.js';

/** 4,000 checked nodes at most this times 12,000 plain ones. */
export const CHECKED_TARGET = 1.5;
/** Cost per checked node at 4,000 at most this times the cost at 100. */
export const GROWTH_TARGET = 1.3;

const BIG = 4_000;
const SMALL = 100;

/**
 * The two checked-node records.
 *
 * @example
 * const [vsPlain, growth] = await checkedCases();
 */
export async function checkedCases(): Promise<BenchRecord[]> {
  const big = checkedClass(BIG, true);
  const small = checkedClass(SMALL, true);
  const plain = checkedClass(3 * BIG, false);
  const bigOut = outputsOf(BIG);
  const smallOut = outputsOf(SMALL);
  const plainOut = outputsOf(3 * BIG);
  const runs = 40;
  const t = await interleave(
    {
      checked: () => buildAndRun(big, nullInfoLogger(), bigOut),
      plain: () => buildAndRun(plain, nullInfoLogger(), plainOut),
      small: async () => {
        for (let k = 0; k < BIG / SMALL; k++) await buildAndRun(small, nullInfoLogger(), smallOut);
      },
    },
    { runs, warmup: 15 },
  );
  const checked = t.checked!;
  const vsPlain = pairedRatio(checked, t.plain!);
  const growth = pairedRatio(checked, t.small!);
  const perNode = (ms: readonly number[]) => round((median(ms) * 1000) / BIG);
  return [
    {
      case: `build+run ${BIG} checked (info logger) vs ${3 * BIG} plain`,
      checkedNodes: BIG,
      medianMs: round(median(checked)),
      plainNodes: 3 * BIG,
      plainMedianMs: round(median(t.plain!)),
      usPerCheckedNode: perNode(checked),
      plainUsPer3Nodes: perNode(t.plain!),
      ratio: round(vsPlain, 3),
      target: `≤${CHECKED_TARGET}x ${3 * BIG} plain nodes`,
      targetMet: vsPlain <= CHECKED_TARGET,
      runs,
    },
    {
      case: `checked per-node cost ${SMALL} -> ${BIG}`,
      usPerCheckedNodeAt100: round((median(t.small!) * 1000) / BIG),
      usPerCheckedNodeAt4000: perNode(checked),
      ratio: round(growth, 3),
      target: `≤${GROWTH_TARGET}x (linear growth)`,
      targetMet: growth <= GROWTH_TARGET,
      runs,
    },
  ];
}
