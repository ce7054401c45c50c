// The published package, as a user gets it: `npm pack` (which builds dist/ through
// prepack), installed into a fresh project, and its `hamilton-ts` executable run on
// TypeScript module files with npx. Slow: it builds and installs a package.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCSV } from 'arquero';
import { ROOT, runProcess } from '../cli/cli.js';

jest.setTimeout(10 * 60_000);

const sh = runProcess;

describe('the packed tarball', () => {
  const work = mkdtempSync(join(tmpdir(), 'hamilton-pack-'));
  const project = join(work, 'project');

  beforeAll(async () => {
    const pack = await sh('npm', ['pack', '--json', '--pack-destination', work], ROOT);
    expect(pack).toMatchObject({ code: 0 });
    const [{ filename }] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string }[];
    // A user's project: no "type": "module", no tsconfig, only the package (and
    // the override arquero 8 needs on this registry, see DEVELOPERS.md).
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true, overrides: { '@uwdata/flechette': '2.6.0' } }, null, 2));
    const install = await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename)], project);
    expect(install).toMatchObject({ code: 0 });
    for (const file of ['data_loaders.ts', 'my_functions.ts', 'marketing.csv']) copyFileSync(join(ROOT, 'samples/hello_world', file), join(project, file));
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('npx hamilton-ts run computes the sample from .ts files and writes a CSV', async () => {
    const run = await sh('npx', ['hamilton-ts', 'run', 'data_loaders.ts', 'my_functions.ts', '--outputs', 'spend,signups,spendPerSignup', '--out', 'result.csv'], project);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, stdout: 'Wrote 10 rows × 3 columns to result.csv.\n' });
    const table = fromCSV(readFileSync(join(project, 'result.csv'), 'utf8'));
    const spend = table.array('spend') as ArrayLike<number>;
    const signups = table.array('signups') as ArrayLike<number>;
    expect(Array.from(table.array('spendPerSignup') as ArrayLike<number>)).toEqual(Array.from(spend, (s, i) => s / signups[i]!));
  });

  it("npx hamilton-ts run of the sample's saver writes the path given in --config", async () => {
    const run = await sh('npx', ['hamilton-ts', 'run', 'data_loaders.ts', 'my_functions.ts', '--outputs', 'save.spendPerSignup', '--config', 'kpiPath=kpi.csv'], project);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(project, 'kpi.csv'), 'utf8').split('\n')[0]).toBe('spendPerSignup');
  });

  it('npx hamilton-ts list --json lists the sample, and the built executable prints its help', async () => {
    const [list, help] = await Promise.all([
      sh('npx', ['hamilton-ts', 'list', 'data_loaders.ts', 'my_functions.ts', '--tag', 'owner=marketing-analytics', '--json'], project),
      sh('npx', ['hamilton-ts', '--help'], project),
    ]);
    expect(list.code).toBe(0);
    const nodes = (JSON.parse(list.stdout) as { nodes: { name: string }[] }).nodes.map((n) => n.name);
    expect(nodes.sort()).toEqual(['spendPerSignup', 'spendShift3WeeksPerSignup']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: hamilton-ts <command>');
  });
});
