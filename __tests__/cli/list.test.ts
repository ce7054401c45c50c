// hamilton-ts list, and how module files are loaded: TypeScript and JavaScript,
// code that does not compile, files without nodes.
import { describe, expect, it, jest } from '@jest/globals';
import { cli, FIXTURES, json } from './cli.js';

// Each test starts child processes; a loaded 2-core machine can take seconds for each.
jest.setTimeout(30_000);

interface ListedNode {
  name: string;
  tags: Record<string, string | string[]>;
  dependencies: { name: string; optional: boolean }[];
  isExternalInput: boolean;
  origin?: string;
  doc?: string;
}

const nodesOf = (run: Awaited<ReturnType<typeof cli>>) => json(run).nodes as ListedNode[];

describe('hamilton-ts list', () => {
  it('--json lists every node and input with tags, origin, doc and dependencies', async () => {
    const run = await cli(['list', `${FIXTURES}/features.ts`, `${FIXTURES}/more.js`, '--json']);
    expect(run.code).toBe(0);
    const nodes = nodesOf(run);
    expect(nodes.map((n) => n.name).sort()).toEqual(['factor', 'label', 'region', 'scaledSpend', 'spend', 'spendMean', 'spendTotal', 'spendZeroMean']);
    expect(nodes.find((n) => n.name === 'spendZeroMean')).toEqual({
      name: 'spendZeroMean',
      tags: { owner: 'data-science' },
      dependencies: [{ name: 'spend', optional: false }, { name: 'spendMean', optional: false }],
      isExternalInput: false,
      origin: 'Features.spendZeroMean',
      doc: 'Spend minus its mean.',
    });
    expect(nodes.find((n) => n.name === 'scaledSpend')?.dependencies).toEqual([{ name: 'spend', optional: false }, { name: 'factor', optional: true }]);
    expect(nodes.find((n) => n.name === 'spendTotal')).toMatchObject({ origin: 'More.spendTotal', doc: 'Total spend.' });
    expect(nodes.find((n) => n.name === 'spend')).toMatchObject({ isExternalInput: true });
  });

  it('prints a table of name, tags, origin and doc', async () => {
    const run = await cli(['list', `${FIXTURES}/features.ts`]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name +tags +origin +doc$/);
    expect(lines.find((l) => l.startsWith('scaledSpend '))).toMatch(/^scaledSpend +owner=marketing kpi=true +Features\.scaledSpend$/);
    expect(lines.find((l) => l.startsWith('spendMean '))).toMatch(/Features\.spendMean +Mean weekly spend\.$/);
    expect(lines.find((l) => l.startsWith('spend '))).toMatch(/^spend +\(input\)$/);
  });

  it('--tag keeps the nodes whose tags match; a repeated key matches any of its values', async () => {
    const [one, either, has] = await Promise.all([
      cli(['list', `${FIXTURES}/features.ts`, '--tag', 'owner=marketing', '--json']),
      cli(['list', `${FIXTURES}/features.ts`, '--tag', 'owner=marketing', '--tag', 'owner=data-science', '--json']),
      cli(['list', `${FIXTURES}/features.ts`, '--tag', 'kpi', '--json']),
    ]);
    expect(nodesOf(one).map((n) => n.name)).toEqual(['scaledSpend']);
    expect(nodesOf(either).map((n) => n.name).sort()).toEqual(['scaledSpend', 'spendZeroMean']);
    expect(nodesOf(has).map((n) => n.name)).toEqual(['scaledSpend']);
  });

  it('a module that does not compile exits 1, naming the file and the line', async () => {
    const run = await cli(['list', `${FIXTURES}/broken.ts`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ModuleLoadError: Module file `__tests__/cli/fixtures/broken.ts` does not compile');
    expect(run.stderr).toMatch(/__tests__\/cli\/fixtures\/broken\.ts:6:\d+: Expected "\)"/);
  });

  it('a module that throws while it loads exits 1, naming the file and the line', async () => {
    const run = await cli(['list', `${FIXTURES}/throws-on-load.ts`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Module file `__tests__/cli/fixtures/throws-on-load.ts` threw while it was loaded (at __tests__/cli/fixtures/throws-on-load.ts:10:7): Error: SETTINGS_FILE is not set.',
    );
  });

  it('a module with no @node class exits 1, naming the file and what it exports', async () => {
    const run = await cli(['list', `${FIXTURES}/no-nodes.ts`, '--json']);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ ok: false, exitCode: 1, error: { name: 'ModuleLoadError', file: `${FIXTURES}/no-nodes.ts` } });
    expect(run.stderr).toContain('Module file `__tests__/cli/fixtures/no-nodes.ts` exports no class with @node methods (it exports `Helper`, `answer`)');
  });
});
