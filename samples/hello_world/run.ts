/**
 * The hello-world sample: build a driver from two classes, read the data
 * through a loader, compute the features and write them through savers
 * (materialize: the files are replaced only when every node succeeded), read
 * them back, query lineage, and draw the DAG.
 *
 *   npm start      (writes samples/hello_world/out/ and samples/hello_world/dag.svg)
 */
import { fileURLToPath } from 'node:url';
import { Builder, loadData, to } from 'hamilton-ts';
import { DataLoaders } from './data_loaders.js';
import { Marketing } from './my_functions.js';

const dr = new Builder().withModules(DataLoaders, Marketing).build();
const out = (name: string) => fileURLToPath(new URL(`./out/${name}`, import.meta.url));

const features = [
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
const [saved, { 'save.spendPerSignup': kpi }] = await dr.materialize(
  to.csv({ id: 'featuresCsv', dependencies: features, path: out('features.csv') }),
  to.parquet({ id: 'featuresParquet', dependencies: features, path: out('features.parquet') }),
  { additionalVars: ['save.spendPerSignup'], inputs: { kpiPath: out('spend_per_signup.csv') } },
);

console.log('Marketing features, week by week (read back from the Parquet file):');
(await loadData(saved.featuresParquet.path)).print({ limit: Infinity });

console.log('Saved:');
for (const { path, format, rows, bytes, hash } of [saved.featuresCsv, saved.featuresParquet, kpi as typeof saved.featuresCsv]) {
  console.log(`  ${path}: ${format}, ${rows} rows, ${bytes} bytes, sha256 ${hash.slice(0, 12)}…`);
}

console.log('spendZeroMeanUnitVariance is computed from:', dr.whatIsUpstreamOf('spendZeroMeanUnitVariance').map((n) => n.name).join(', '));
console.log('Owned by marketing-analytics:', dr.listAvailableVariables({ tags: { owner: 'marketing-analytics' } }).map((n) => n.name).join(', '));

const svg = fileURLToPath(new URL('./dag.svg', import.meta.url));
await dr.display(svg);
console.log(`DAG written to ${svg}`);
