/**
 * Absence load: the hours of each absence, cleaned in a pipe of small steps
 * (each a node of its own), and the load per year of service, rounded in an
 * output pipe. Config decides the cap (`maxHours`) and the unit (`unit:
 * 'days'` adds a step converting hours to working days).
 */
import { configuration, node, pipeInput, pipeOutput, step, value } from 'hamilton-ts';

/**
 * Caps every value at `cap`: a 120-hour absence counts as `cap` hours.
 *
 * @example
 * capAt([2, 120], 40); // [2, 40]
 */
export const capAt = (hours: number[], cap: number): number[] => hours.map((h) => Math.min(h, cap));

/**
 * Hours to working days.
 *
 * @example
 * hoursToDays([4, 16], 8); // [0.5, 2]
 */
export const hoursToDays = (hours: number[], hoursPerDay: number): number[] => hours.map((h) => h / hoursPerDay);

/**
 * Rounds to `digits` decimals.
 *
 * @example
 * rounded([2 / 3], 3); // [0.667]
 */
export const rounded = (xs: number[], digits: number): number[] => xs.map((x) => Number(x.toFixed(digits)));

/** The absence load and the load per year of service, each a pipe of visible steps. */
export class AbsenceLoad {
  // absenteeismTimeInHours → absenceLoad.capped → (unit 'days': absenceLoad.inDays) → absenceLoad
  @pipeInput(
    step(capAt, { cap: configuration('maxHours') }).named('capped'),
    step(hoursToDays, { hoursPerDay: value(8) }).when({ unit: 'days' }).named('inDays'),
  )
  @node({ doc: 'Length of each absence, capped at maxHours, in hours or working days (config unit).' })
  absenceLoad(absenteeismTimeInHours: number[]): number[] {
    return absenteeismTimeInHours;
  }

  // the body → absenceRate.raw → absenceRate.with_rounded → absenceRate
  @pipeOutput(step(rounded, { digits: value(3) }))
  @node({ doc: 'Absence load per year of service (a first year counts as one).' })
  absenceRate(absenceLoad: number[], serviceTime: number[]): number[] {
    return absenceLoad.map((l, i) => l / Math.max(serviceTime[i]!, 1));
  }
}
