/**
 * The data-quality sample: the height features run with their checks, each
 * check writes one structured pino record, and the validation report sums
 * them up. Then the same checks run as production would: every check forced
 * to importance 'fail'.
 *
 *   npm run sample:data-quality
 */
import pino from 'pino';
import { Builder, DataValidationError, FrameworkTags, ValidationReporter } from 'hamilton-ts';
import { Survey } from './data_loaders.js';
import { HeightFeatures } from './height_features.js';

// Validation records go to stdout, passes included (the default logger shows only failures, on stderr).
const logger = pino({ level: 'info' }, pino.destination({ dest: 1, sync: true }));
const reporter = new ValidationReporter();
const dr = new Builder().withModules(Survey, HeightFeatures).withLogger(logger).withAdapters(reporter).build();

const checks = dr.listAvailableVariables({ tags: { [FrameworkTags.containsDqResults]: 'true' } });
console.log(`Checks in the graph: ${checks.map((n) => n.name).join(', ')}\n`);

console.log('Structured validation log, one pino record per check:');
const { heightZeroMeanUnitVariance } = await dr.execute(['heightZeroMeanUnitVariance']);
const scaled = heightZeroMeanUnitVariance as Float64Array;
console.log(`\nThe run went on (all failed checks are 'warn'): ${scaled.length} scaled heights, e.g. ${[...scaled.slice(0, 4)].map((v) => v.toFixed(2)).join(', ')} ...\n`);

console.log(reporter.format());

console.log("The same run with every check forced to 'fail', as in production:");
const strict = new Builder().withModules(Survey, HeightFeatures).withLogger(pino({ level: 'silent' })).withDataQuality({ importance: 'fail' }).build();
try {
  await strict.execute(['heightZeroMeanUnitVariance']);
} catch (e) {
  if (!(e instanceof DataValidationError)) throw e;
  console.log(`${e.name} on node ${e.node}:\n${e.message}`);
}
