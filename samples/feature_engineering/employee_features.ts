/**
 * Per-absence features about the employee and the absence: threshold flags,
 * reason flags, standardised costs (winsorised by a mutating step), a
 * lifestyle score, and summary statistics of the absence load.
 */
import {
  configuration,
  does,
  extractFields,
  group,
  inject,
  mutate,
  node,
  parameterize,
  parameterizeSources,
  parameterizeValues,
  source,
  tag,
  tagOutputs,
  unpackFields,
  value,
} from 'hamilton-ts';

/**
 * The arithmetic mean.
 *
 * @example
 * mean([1, 2, 6]); // 3
 */
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The q-quantile by linear interpolation between closest ranks (pandas' and numpy's default).
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Per-absence features about the employee and the absence, and summaries of the load. */
export class EmployeeFeatures {
  @tagOutputs({ isLongAbsence: { owner: 'hr-operations' } })
  @parameterize(
    {
      isOverweight: { x: source('bodyMassIndex'), threshold: value(25) },
      livesFar: { x: source('distanceFromResidenceToWork'), threshold: value(25) },
      isLongAbsence: { x: source('absenteeismTimeInHours'), threshold: configuration('longAbsenceHours') },
    },
    { docs: { isLongAbsence: 'An absence longer than config longAbsenceHours.' } },
  )
  @node({ doc: '1 where {x} is above {threshold}, else 0.' })
  above(x: number[], threshold: number): number[] {
    return x.map((v) => (v > threshold ? 1 : 0));
  }

  @tag({ owner: 'people-analytics', reason: 'icd' })
  @tagOutputs({ isMedicalConsultation: { frequent: 'true' } })
  @parameterizeValues('code', { isMedicalConsultation: 23, isDentalConsultation: 28, isPhysiotherapy: 27 })
  @node({ doc: '1 where the reason for absence is code {code}.' })
  hasReason(reasonForAbsence: number[], code: number): number[] {
    return reasonForAbsence.map((r) => (r === code ? 1 : 0));
  }

  @parameterizeSources({
    transportExpenseZ: { x: 'transportationExpense' },
    distanceZ: { x: 'distanceFromResidenceToWork' },
    workLoadZ: { x: 'workLoadAveragePerDay' },
  })
  @node({ doc: '{x} standardised: zero mean, unit (sample) standard deviation.' })
  zScore(x: number[]): number[] {
    const m = mean(x);
    const sd = Math.sqrt(x.reduce((acc, v) => acc + (v - m) ** 2, 0) / (x.length - 1));
    return x.map((v) => (v - m) / sd);
  }

  // Winsorises every output of zScore: each becomes `transportExpenseZ.raw → transportExpenseZ.with_winsorised → transportExpenseZ`, and so on.
  @mutate('zScore', { limit: value(2) })
  @node()
  _winsorised(z: number[], limit: number): number[] {
    return z.map((v) => Math.max(-limit, Math.min(limit, v)));
  }

  @inject({ flags: group(source('hasChildren'), source('hasPet'), source('socialDrinker'), source('socialSmoker')) })
  @node({ doc: 'How many of children, pets, drinking and smoking apply, per absence (0 to 4).' })
  lifestyleScore(flags: number[][]): number[] {
    return flags[0]!.map((_, i) => flags.reduce((sum, f) => sum + f[i]!, 0));
  }

  @does(mean)
  @node({ doc: 'Mean transportation expense.' })
  transportationExpenseMean(transportationExpense: number[]): number {
    return Number.NaN; // never runs: @does(mean) computes the node
  }

  @does(mean)
  @node({ doc: 'Mean service time, in years.' })
  serviceTimeMean(serviceTime: number[]): number {
    return Number.NaN;
  }

  @extractFields({ totalLoad: 'number', meanLoad: 'number', topReason: 'number' })
  @node({ doc: 'Total and mean absence load, and the most frequent reason code (the lowest one on a tie).' })
  absenceSummary(absenceLoad: number[], reasonForAbsence: number[]) {
    const counts = new Map<number, number>();
    for (const r of reasonForAbsence) counts.set(r, (counts.get(r) ?? 0) + 1);
    const [topReason] = [...counts].sort(([a, ca], [b, cb]) => cb - ca || a - b)[0]!;
    return { totalLoad: absenceLoad.reduce((a, b) => a + b, 0), meanLoad: mean(absenceLoad), topReason };
  }

  @unpackFields('loadMedian', 'loadP90')
  @node({ doc: 'The median and the 90th percentile of the absence load.' })
  loadQuantiles(absenceLoad: number[]): [number, number] {
    return [quantile(absenceLoad, 0.5), quantile(absenceLoad, 0.9)];
  }
}
