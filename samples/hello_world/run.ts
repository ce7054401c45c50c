/**
 * The hello-world sample: build a driver from two classes, compute features
 * into one table, query lineage, and draw the DAG.
 *
 *   npm start
 */
import { fileURLToPath } from 'node:url';
import { Builder, TableResult } from 'hamilton-ts';
import { DataLoaders } from './data_loaders.js';
import { Marketing } from './my_functions.js';

const dr = new Builder().withModules(DataLoaders, Marketing).withResultBuilder(new TableResult()).build();

const outputs = [
  'spend',
  'signups',
  'avgThreeWeekSpend',
  'spendPerSignup',
  'spendShift3Weeks',
  'spendShift3WeeksPerSignup',
  'spendZeroMean',
  'spendStdDev',
  'spendZeroMeanUnitVariance',
] as const; // literal names: the compiler checks each against the modules' methods
const features = await dr.execute(outputs);
console.log('Marketing features, week by week:');
features.print({ limit: Infinity });

console.log('spendZeroMeanUnitVariance is computed from:', dr.whatIsUpstreamOf('spendZeroMeanUnitVariance').map((n) => n.name).join(', '));
console.log('Owned by marketing-analytics:', dr.listAvailableVariables({ tags: { owner: 'marketing-analytics' } }).map((n) => n.name).join(', '));

const svg = fileURLToPath(new URL('./dag.svg', import.meta.url));
await dr.display(svg, { outputs });
console.log(`DAG written to ${svg}`);
