/**
 * The feature-engineering sample: one dataflow of absence features, run under
 * its two config variants. Every function modifier hamilton-ts has is used
 * somewhere in these files; the printout shows what each variant made.
 *
 *   npm run sample:feature-engineering
 *   npm run sample:feature-engineering -- --dag docs/feature-engineering-dag.svg   (also draws the DAG: .svg, .png or .dot)
 */
import pino from 'pino';
import { table } from 'arquero';
import { ValidationReporter } from 'hamilton-ts';
import { DAG_OUTPUTS, ROW_FEATURES, SUMMARY_FEATURES, VARIANTS, buildDriver, type Variant } from './pipeline.js';
import { PERIOD_BUCKETS } from './period_features.js';

/** A number with at most three decimals; other values as JSON. */
const show = (v: unknown): string =>
  typeof v === 'number' ? String(Number(v.toFixed(3))) : Array.isArray(v) ? `[${v.map(show).join(', ')}]` : JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' ? Number(x.toFixed(3)) : x));

for (const variant of Object.keys(VARIANTS) as Variant[]) {
  const reporter = new ValidationReporter();
  const dr = buildDriver(variant, { logger: pino({ level: 'silent' }), hooks: [reporter] });
  const nodes = dr.listAvailableVariables();
  const originOf = (name: string) => nodes.find((n) => n.name === name)?.origin;
  console.log(`=== ${variant}: config ${JSON.stringify(VARIANTS[variant])}`);
  console.log(`${nodes.length} nodes; rawData from ${originOf('rawData')}, seasonsEncoded from ${originOf('seasonsEncoded')}, periodKey from ${originOf('periodKey')}`);
  console.log(`absenceLoad pipe: ${dr.whatIsUpstreamOf('absenceLoad').map((n) => n.name).filter((n) => n.startsWith('absenceLoad.')).join(' → ')} → absenceLoad`);

  const buckets = Object.keys(PERIOD_BUCKETS[VARIANTS[variant].period]!);
  const tables = ['periods', 'loadByPeriod', 'absencesByPeriod', 'weekdays', 'loadByWeekday', 'absencesByWeekday'];
  const out = await dr.execute([...ROW_FEATURES, ...SUMMARY_FEATURES, ...buckets, ...tables]);

  console.log('\nPer-absence features (first 8 of 24 rows):');
  const half = Math.ceil(ROW_FEATURES.length / 2);
  for (const columns of [ROW_FEATURES.slice(0, half), ROW_FEATURES.slice(half)]) {
    table(Object.fromEntries(columns.map((f) => [f, (out[f] as number[]).map((v) => Number(v.toFixed(3)))]))).print(8);
  }

  console.log('Summaries:');
  for (const name of [...SUMMARY_FEATURES, ...buckets]) console.log(`  ${name}: ${show(out[name])}`);
  console.log('Totals by period and by weekday:');
  for (const name of tables) console.log(`  ${name}: ${show(out[name])}`);

  const { totals } = reporter.report();
  const failed = Object.values(reporter.report().nodes).flat().filter((r) => !r.passed);
  console.log(`Checks: ${totals.checks} ran, ${totals.passed} passed, ${totals.warnings} warnings`);
  for (const r of failed) console.log(`  warning: ${r.node}${r.column ? `.${r.column}` : ''} ${r.validator}: ${r.message}`);
  console.log('');
}

const dagAt = process.argv.indexOf('--dag');
if (dagAt > 0) {
  const file = process.argv[dagAt + 1];
  if (!file) throw new Error('--dag needs a file name, e.g. --dag dag.png');
  await buildDriver('seasonal', { logger: pino({ level: 'silent' }) }).display(file, { outputs: DAG_OUTPUTS });
  console.log(`DAG of the seasonal variant (${DAG_OUTPUTS.length} outputs and their upstream) written to ${file}`);
}
