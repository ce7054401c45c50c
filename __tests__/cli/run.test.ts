// hamilton-ts run: inputs, config, results on stdout and in files, and failures.
import { describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCSV } from 'arquero';
import { cli, FIXTURES, json, ROOT } from './cli.js';

// Each test starts child processes; a loaded 2-core machine can take seconds for each.
jest.setTimeout(30_000);

const FEATURES = `${FIXTURES}/features.ts`;
const INPUTS = `${FIXTURES}/inputs.json`;
const spend = JSON.parse(readFileSync(join(ROOT, INPUTS), 'utf8')).spend as number[];
const mean = spend.reduce((a, b) => a + b, 0) / spend.length;

describe('hamilton-ts run', () => {
  it('--json returns a table of the outputs when they make one (scalars broadcast)', async () => {
    const run = await cli(['run', FEATURES, `${FIXTURES}/more.js`, '--outputs', 'spendZeroMean,spendMean', '--outputs', 'spendTotal', '--inputs', INPUTS, '--json']);
    expect(run.code).toBe(0);
    const doc = json(run);
    expect(doc).toMatchObject({ ok: true, command: 'run', outputs: ['spendZeroMean', 'spendMean', 'spendTotal'], kind: 'table' });
    const total = spend.reduce((a, b) => a + b, 0);
    expect(doc.result).toEqual(spend.map((s) => ({ spendZeroMean: s - mean, spendMean: mean, spendTotal: total })));
  });

  it("runs this repository's hello-world sample, whose files import 'hamilton-ts' as users do", async () => {
    const files = ['samples/hello_world/data_loaders.ts', 'samples/hello_world/my_functions.ts'];
    const run = await cli(['run', ...files, '--outputs', 'spend,signups,spendPerSignup', '--json']);
    expect(run.code).toBe(0);
    const rows = json(run).result as { spend: number; signups: number; spendPerSignup: number }[];
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r.spendPerSignup).toBe(r.spend / r.signups);
  });

  it("requesting the sample's saver writes the file named in --config, and prints its metadata", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hamilton-cli-saver-'));
    const kpi = join(folder, 'kpi.csv');
    const files = ['samples/hello_world/data_loaders.ts', 'samples/hello_world/my_functions.ts'];
    const run = await cli(['run', ...files, '--outputs', 'save.spendPerSignup', '--config', `kpiPath=${kpi}`, '--json']);
    expect(run.code).toBe(0);
    expect(json(run).result).toEqual({ 'save.spendPerSignup': { path: kpi, format: 'csv', rows: 10, bytes: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(readFileSync(kpi, 'utf8').split('\n').slice(0, 3)).toEqual(['spendPerSignup', '10', '1']);
  });

  it('--config values are JSON when they parse, strings otherwise; scalar outputs stay values', async () => {
    const run = await cli(['run', FEATURES, '--outputs', 'label,scaledSpend', '--inputs', INPUTS, '--config', 'region=north-east', '--config', 'factor=3', '--result', 'dict', '--json']);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ kind: 'values', result: { label: 'region north-east', scaledSpend: spend.map((s) => s * 3) } });
    const quoted = await cli(['run', FEATURES, '--outputs', 'label', '--config', 'region=["a",1]', '--json']);
    expect(json(quoted)).toMatchObject({ kind: 'values', result: { label: 'region a,1' } });
  });

  it('--out result.csv writes the table atomically (no temporary file left), readable by arquero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hamilton-cli-'));
    const out = join(dir, 'nested', 'result.csv');
    const run = await cli(['run', FEATURES, '--outputs', 'spend,spendZeroMean', '--inputs', INPUTS, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote ${spend.length} rows × 2 columns to ${out}.\n`);
    const table = fromCSV(readFileSync(out, 'utf8'));
    expect(table.columnNames()).toEqual(['spend', 'spendZeroMean']);
    expect(table.array('spendZeroMean')).toEqual(spend.map((s) => s - mean));
    expect(readdirSync(join(dir, 'nested'))).toEqual(['result.csv']);
  });

  it('--out result.json writes plain results as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hamilton-cli-'));
    const run = await cli(['run', FEATURES, '--outputs', 'spendMean,label', '--inputs', INPUTS, '--config', 'region=eu', '--out', 'r.json'], { cwd: dir });
    // Paths are relative to the cwd, which is now elsewhere.
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does not exist \(looked for .*hamilton-cli-/);
    const ok = await cli(['run', join(ROOT, FEATURES), '--outputs', 'spendMean,label', '--inputs', join(ROOT, INPUTS), '--config', 'region=eu', '--out', 'r.json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toEqual({ spendMean: mean, label: 'region eu' });
  });

  it('missing inputs exit 1 with the MissingInputsError on stderr', async () => {
    const run = await cli(['run', FEATURES, '--outputs', 'spendZeroMean,label']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('MissingInputsError: 2 inputs are missing');
    expect(run.stderr).toContain('`spend`, needed by `spendMean` (Features.spendMean)');
    expect(run.stderr).toContain('`region`, needed by `label` (Features.label)');
  });

  it('--inputs must be a JSON object in an existing file (exit 2 otherwise)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hamilton-cli-'));
    writeFileSync(join(dir, 'list.json'), '[1, 2]');
    writeFileSync(join(dir, 'bad.json'), '{ spend: ');
    const [missing, notObject, notJson] = await Promise.all([
      cli(['run', FEATURES, '--outputs', 'spendMean', '--inputs', join(dir, 'none.json')]),
      cli(['run', FEATURES, '--outputs', 'spendMean', '--inputs', join(dir, 'list.json')]),
      cli(['run', FEATURES, '--outputs', 'spendMean', '--inputs', join(dir, 'bad.json')]),
    ]);
    expect([missing.code, notObject.code, notJson.code]).toEqual([2, 2, 2]);
    expect(missing.stderr).toContain('the file does not exist');
    expect(notObject.stderr).toContain('must hold a JSON object of input values');
    expect(notJson.stderr).toContain('is not valid JSON');
  });

  it('a node that throws exits 1 naming the node, its origin and the original error', async () => {
    const run = await cli(['run', `${FIXTURES}/same-library.ts`, '--outputs', 'failing', '--json']);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ ok: false, error: { name: 'NodeExecutionError', node: 'failing', origin: 'Failing.failing' } });
    expect(run.stderr).toContain('NodeExecutionError: Node `failing` (Failing.failing) failed: RangeError: no data for this week');
    expect(run.stderr).toMatch(/caused by: RangeError: no data for this week[\s\S]*\bat _?Failing\.failing \(.*same-library\.ts:19:\d+\)/);
  });

  it("the module's own import of 'hamilton-ts' is the library instance the command line runs", async () => {
    // Only the executor's own DataValidationError class passes through unwrapped.
    const run = await cli(['run', `${FIXTURES}/same-library.ts`, '--outputs', 'checked', '--json']);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ error: { name: 'DataValidationError', node: 'checked' } });
  });

  it("uses an exported instance instead of its class", async () => {
    const run = await cli(['run', `${FIXTURES}/instances.ts`, '--outputs', 'scaled', '--inputs', INPUTS, '--result', 'dict', '--json']);
    expect(json(run)).toMatchObject({ ok: true, result: { scaled: spend.map((s) => s * 3) } });
  });

  it("finds 'hamilton-ts' for a module file outside any project, and ignores a tsconfig there", async () => {
    // No node_modules, no "type": "module", and a tsconfig asking for legacy decorators.
    const dir = mkdtempSync(join(tmpdir(), 'hamilton-cli-'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { experimentalDecorators: true } }));
    writeFileSync(join(dir, 'alone.ts'), readFileSync(join(ROOT, FEATURES), 'utf8'));
    const run = await cli(['run', 'alone.ts', '--outputs', 'spendMean', '--inputs', join(ROOT, INPUTS), '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(json(run)).toMatchObject({ ok: true, result: { spendMean: mean } });
  });

  it('a bad --out extension or --result kind exits 2 before anything runs', async () => {
    const [format, kind] = await Promise.all([
      cli(['run', FEATURES, '--outputs', 'spendMean', '--out', 'result.xlsx']),
      cli(['run', FEATURES, '--outputs', 'spendMean', '--result', 'rows']),
    ]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--out `result.xlsx`: unknown format. Name a .csv or .json file.');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--result "rows": expected table, dict or auto.');
  });
});
