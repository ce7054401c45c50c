/**
 * The feature-engineering dataflow: its modules, its two config variants, and
 * a driver for either. run.ts prints both; the tests build the same drivers.
 */
import type { Logger } from 'pino';
import { Builder, type Driver, type LifecycleHooks } from 'hamilton-ts';
import { AbsenceLoad } from './absence_load.js';
import { AbsenceData } from './data_loaders.js';
import { BodyFrame } from './body_features.js';
import { Cohorts } from './cohorts.js';
import { EmployeeFeatures } from './employee_features.js';
import { AbsenteeismFeatures } from './feature_logic.js';
import { PeriodFeatures } from './period_features.js';

/**
 * Every module of the dataflow, in the order the driver is given them.
 *
 * @example
 * new Builder().withModules(...MODULES).withConfig(VARIANTS.monthly).build();
 */
export const MODULES = [AbsenceData, AbsenteeismFeatures, AbsenceLoad, PeriodFeatures, EmployeeFeatures, BodyFrame, Cohorts] as const;

/**
 * The two ways the dataflow is run.
 *
 * @example
 * VARIANTS.seasonal.unit; // 'days'
 */
export const VARIANTS = {
  /** By month, in hours, parsed line by line. */
  monthly: { execution: 'base', period: 'month', unit: 'hours', maxHours: 40, longAbsenceHours: 8 },
  /** By season, in working days, with arquero's reader and verbs. */
  seasonal: { execution: 'columnar', period: 'season', unit: 'days', maxHours: 40, longAbsenceHours: 8 },
} as const;

/**
 * A variant's name.
 *
 * @example
 * const v: Variant = 'monthly';
 */
export type Variant = keyof typeof VARIANTS;

/**
 * Per-absence features, the same nodes in both variants.
 *
 * @example
 * await buildDriver('monthly').execute([...ROW_FEATURES]);
 */
export const ROW_FEATURES = [
  'id',
  'ageZeroMeanUnitVariance',
  'isSummer',
  'seasons1',
  'dayOfTheWeek6',
  'hasChildren',
  'lifestyleScore',
  'isLongAbsence',
  'isMedicalConsultation',
  'distanceZ',
  'absenceLoad',
  'absenceRate',
] as const;

/**
 * Summary values, the same nodes in both variants.
 *
 * @example
 * await buildDriver('seasonal').execute([...SUMMARY_FEATURES]);
 */
export const SUMMARY_FEATURES = [
  'ageMean',
  'ageStdDev',
  'transportationExpenseMean',
  'serviceTimeMean',
  'totalLoad',
  'meanLoad',
  'topReason',
  'loadMedian',
  'loadP90',
  'bmiGapMax',
  'smokers',
  'drinkers',
  'parents',
  'longAbsences',
] as const;

/**
 * The outputs the README's picture of the DAG shows: one or more nodes of
 * every modifier, without the dozens of one-hot checks that would hide them.
 *
 * @example
 * await buildDriver('seasonal').display('dag.svg', { outputs: DAG_OUTPUTS });
 */
export const DAG_OUTPUTS = [
  'isMedicalConsultation',
  'topReason',
  'longAbsences',
  'loadP90',
  'absenceRate',
  'winterLoad',
  'loadByWeekday',
  'smokers',
  'lifestyleScore',
  'distanceZ',
  'bmiGapMax',
] as const;

/**
 * A driver of the dataflow under one variant's config.
 *
 * @example
 * const dr = buildDriver('monthly');
 * const { q3Load } = await dr.execute(['q3Load']);
 */
export function buildDriver(variant: Variant, options: { logger?: Logger; hooks?: readonly LifecycleHooks[] } = {}): Driver {
  let builder = new Builder().withModules(...MODULES).withConfig(VARIANTS[variant]);
  if (options.logger) builder = builder.withLogger(options.logger);
  if (options.hooks) builder = builder.withAdapters(...options.hooks);
  return builder.build();
}
