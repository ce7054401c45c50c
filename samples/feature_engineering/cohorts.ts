/**
 * Cohorts of absences, each computed by the same small module embedded under
 * its own namespace (`@subdag`, `@parameterizedSubdag`): its nodes are visible
 * in the graph as `namespace.node`, with their own config.
 */
import { config, node, parameterizedSubdag, source, subdag } from 'hamilton-ts';
import { quantile } from './employee_features.js';

/** One cohort: the absences where `mask` is 1, and their typical load (config `loadStatistic`: mean or median). */
export class CohortStats {
  @node({ doc: 'How many absences are in the cohort.' })
  members(mask: number[]): number {
    return mask.filter((m) => m === 1).length;
  }

  @node({ doc: 'The load of the absences in the cohort.' })
  memberLoad(mask: number[], load: number[]): number[] {
    return load.filter((_, i) => mask[i] === 1);
  }

  @config.when({ loadStatistic: 'mean' })
  @node({ doc: 'Mean load in the cohort.' })
  typicalLoad__mean(memberLoad: number[]): number {
    return memberLoad.reduce((a, b) => a + b, 0) / memberLoad.length;
  }

  @config.when({ loadStatistic: 'median' })
  @node({ doc: 'Median load in the cohort.' })
  typicalLoad__median(memberLoad: number[]): number {
    return quantile(memberLoad, 0.5);
  }

  @node({ doc: "The cohort's share of the total load." })
  shareOfLoad(memberLoad: number[], load: number[]): number {
    return memberLoad.reduce((a, b) => a + b, 0) / load.reduce((a, b) => a + b, 0);
  }
}

/** The cohorts: long absences (median load), smokers, drinkers and parents (mean load). */
export class Cohorts {
  @subdag([CohortStats], { inputs: { mask: source('isLongAbsence'), load: source('absenceLoad') }, config: { loadStatistic: 'median' } })
  @node({ doc: 'The long absences: how many, their median load, and their share of all absence load.' })
  longAbsences(members: number, typicalLoad: number, shareOfLoad: number): { members: number; typicalLoad: number; shareOfLoad: number } {
    return { members, typicalLoad, shareOfLoad };
  }

  @parameterizedSubdag(
    [CohortStats],
    {
      smokers: { inputs: { mask: source('socialSmoker') } },
      drinkers: { inputs: { mask: source('socialDrinker') } },
      parents: { inputs: { mask: source('hasChildren') } },
    },
    { inputs: { load: source('absenceLoad') }, config: { loadStatistic: 'mean' } },
  )
  @node({ doc: 'Mean absence load of the cohort.' })
  cohortLoad(typicalLoad: number): number {
    return typicalLoad;
  }
}
