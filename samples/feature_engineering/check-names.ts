/**
 * For `hamilton-ts check`: the names this sample's modifiers make that the check cannot read from
 * the source (columns extracted from a list constant, nodes embedded by @subdag and @withColumns,
 * the value @mutate hands its function), declared with their types, as `--inputs-type` takes them:
 *
 *   npx hamilton-ts check samples/feature_engineering/*.ts --inputs-type samples/feature_engineering/check-names.ts#CheckedNames
 */
import type { ColumnTable } from 'arquero';

export interface CheckedNames {
  age: number[];
  seasons: number[];
  dayOfTheWeek: number[];
  monthOfAbsence: number[];
  reasonForAbsence: number[];
  serviceTime: number[];
  son: number[];
  pet: number[];
  height: number[];
  weight: number[];
  bodyMassIndex: number[];
  bodyFrame: ColumnTable;
  mask: number[];
  load: number[];
  z: number[];
  limit: number;
}
