// `hamilton-ts check` on fixture projects: each kind of mistake, reported as file:line Class.method with the fix.
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCommand } from '../../lib/cli/commands/check.js';
import { Builder, InvalidInputsError, type InputKinds } from '../../lib/index.js';
import { Marketing } from './fixtures/missing-input/features.js';

// Each run compiles a TypeScript program; on a busy machine that takes seconds (speed lives in bench/).
jest.setTimeout(120_000);

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, 'fixtures', name);
const root = path.resolve(here, '../..');

interface Run {
  code: number;
  out: string;
  err: string;
  /** stdout lines without the summary. */
  findings: string[];
}

async function check(cwd: string, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await checkCommand.run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd });
  const findings = out.split('\n').filter((l) => l && !l.startsWith('hamilton-ts check:'));
  return { code, out, err, findings };
}

/** The `file:line Class.method` head of each finding line. */
const heads = (r: Run) => r.findings.map((l) => l.slice(0, l.indexOf(': ')));

describe('a clean project', () => {
  let run: Run;
  beforeAll(async () => {
    run = await check(fixture('clean'), 'loaders.ts', 'base.ts', 'features.ts', '--inputs-type', 'inputs.ts#Inputs',
      '--outputs', 'label,scaled,perWeek', '--outputs=spendPerSignup_range_validator');
  });

  it('passes, with exit code 0 and a summary', () => {
    expect(run.findings).toEqual([]);
    expect(run.code).toBe(0);
    // Loaders and Marketing are modules; BaseFeatures is read through Marketing, which extends it.
    expect(run.out).toMatch(/^hamilton-ts check: 0 errors, 0 warnings \(3 files, 2 modules, 9 nodes, 8 edges; \d+ ms\)\.\n$/);
  });

  it('reports the input the inputs type would declare when it is not given', async () => {
    const r = await check(fixture('clean'), 'loaders.ts', 'base.ts', 'features.ts');
    expect(r.code).toBe(1);
    // `describe(where)` reads `region`: @node({ inputs }) names it.
    expect(r.findings).toEqual([expect.stringMatching(/^features\.ts:6 Marketing\.describe: Node `label` needs input `region`, which no node produces/)]);
  });
});

describe('missing inputs', () => {
  it('reports each input no node produces, at the parameter, with the fix', async () => {
    const r = await check(fixture('missing-input'), 'features.ts');
    expect(r.code).toBe(1);
    expect(heads(r)).toEqual(['features.ts:10 Marketing.spendPerSignup', 'features.ts:15 Marketing.share']);
    expect(r.findings[0]).toContain('needs input `signups`, which no node produces and no inputs type declares. Add a @node method named `signups`');
    expect(r.findings[1]).toContain('needs input `region`');
    // `total = 1` has a default: its absence is not a mistake.
    expect(r.out).not.toContain('`total`');
  });

  it('with --outputs, asks only for the inputs those outputs need', async () => {
    const r = await check(fixture('missing-input'), 'features.ts', '--outputs', 'spendPerSignup');
    expect(heads(r)).toEqual(['features.ts:10 Marketing.spendPerSignup']);
  });
});

describe('type mismatches', () => {
  let run: Run;
  beforeAll(async () => {
    run = await check(fixture('type-mismatch'), 'loaders.ts', 'features.ts', '--inputs-type', 'inputs.ts');
  });

  it('reports every edge whose producer type is not assignable to the parameter, Promise unwrapped', () => {
    expect(run.code).toBe(1);
    expect(heads(run)).toEqual(['features.ts:5 Features.spendMean', 'features.ts:10 Features.width', 'features.ts:20 Features.perRegion']);
    expect(run.findings[0]).toContain('reads `spend` as Float64Array<ArrayBufferLike>, but Loaders.spend (loaders.ts:5) returns number[]');
    expect(run.findings[1]).toContain('reads `label` as number, but Loaders.label (loaders.ts:10) returns string');
    expect(run.findings[1]).toContain('Make Loaders.label return number, or change the parameter\'s type.');
  });

  it('checks declared inputs against the parameters that read them', () => {
    expect(run.findings[2]).toContain('reads `regions` as number, but the inputs type declares it as string (inputs.ts:2)');
  });

  it('accepts a producer type assignable to the parameter (number[] to readonly number[])', () => {
    expect(run.out).not.toContain('spendTotal');
  });
});

describe('duplicates', () => {
  it('reports a node defined twice, across files and between static and instance methods', async () => {
    const r = await check(fixture('duplicate'), 'one.ts', 'two.ts');
    expect(r.code).toBe(1);
    expect(heads(r)).toEqual(['one.ts:15 One.rate', 'two.ts:5 Two.spend']);
    expect(r.findings[1]).toContain('Node `spend` is defined twice: here and by One.spend (one.ts:5). Rename one of them');
  });
});

describe('unknown outputs', () => {
  it('reports a requested output that does not exist, suggesting close names', async () => {
    const r = await check(fixture('clean'), 'loaders.ts', 'base.ts', 'features.ts', '--inputs-type', 'inputs.ts#Inputs', '--outputs', 'spendPerSignp,label');
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([
      '--outputs: Requested output `spendPerSignp` is not a node of the checked files (did you mean `spendPerSignup`?). Check the spelling, or also pass the file that defines it.',
    ]);
  });
});

describe('modifiers', () => {
  it('follows config variants, parameterize and extractColumns, and warns about what it cannot read', async () => {
    const r = await check(fixture('modifiers'), 'features.ts');
    // rate__us / rate__other are node `rate` (not duplicates); spendUs, spendEu, clicks, views exist.
    expect(r.code).toBe(0);
    expect(heads(r)).toEqual(['features.ts:38 Modified.audit', 'features.ts:43 Modified.renamed', 'features.ts:49 Modified.nested']);
    expect(r.findings[0]).toContain('warning: @audited is a decorator the check does not know');
    expect(r.findings[1]).toContain('warning: The @node `name` option is not written as a literal');
    expect(r.findings[2]).toContain('warning: @subdag makes nodes whose names the check cannot read');
  });
});

describe('imports', () => {
  it('reads decorators imported under another name or through a namespace', async () => {
    const r = await check(fixture('imports'), 'features.ts');
    // `a` (from @h.node) is a string; `b` (from @defineNode) reads it as a number.
    expect(heads(r)).toEqual(['features.ts:12 Renamed.b']);
    expect(r.findings[0]).toContain('reads `a` as number, but Renamed.a (features.ts:7) returns string');
  });
});

describe('--json', () => {
  it('prints the findings as records with code, place and origin', async () => {
    const r = await check(fixture('missing-input'), 'features.ts', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; errors: Record<string, unknown>[]; warnings: unknown[]; summary: Record<string, number> };
    expect(report.ok).toBe(false);
    expect(report.errors.map(({ code, file, line, column, origin, node }) => ({ code, file, line, column, origin, node }))).toEqual([
      { code: 'missing-input', file: 'features.ts', line: 10, column: 35, origin: 'Marketing.spendPerSignup', node: 'spendPerSignup' },
      { code: 'missing-input', file: 'features.ts', line: 15, column: 35, origin: 'Marketing.share', node: 'share' },
    ]);
    expect(report.summary).toMatchObject({ files: 1, modules: 1, nodes: 3, edges: 5 });
  });
});

describe('--emit-kinds', () => {
  it('writes the run-time kind of every input the types pin down', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hamilton-kinds-'));
    try {
      const file = path.join(dir, 'kinds.json');
      const r = await check(fixture('kinds'), 'features.ts', '--emit-kinds', file);
      expect(r.err).toContain('Wrote the kinds of 11 inputs');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        big: 'bigint',
        flag: 'boolean',
        id: 'scalar', // number | string
        maybe: 'number', // null is not checked
        names: 'column',
        options: 'object',
        pair: 'column',
        rate: 'number', // read as number and as number | undefined
        region: 'string',
        spend: 'column',
        survey: 'table',
        // `anything: unknown` and `either: number[] | number` pin no kind down.
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--emit-kinds and withInputChecks together', () => {
  it('turns the parameter types into run-time checks', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hamilton-kinds-'));
    try {
      const file = path.join(dir, 'kinds.json');
      await check(fixture('missing-input'), 'features.ts', '--emit-kinds', file);
      const kinds = JSON.parse(readFileSync(file, 'utf8')) as InputKinds;
      expect(kinds).toEqual({ region: 'string', signups: 'column', total: 'number' });
      const dr = new Builder().withModules(Marketing).withInputChecks(kinds).build();
      await expect(dr.execute(['share'], { inputs: { signups: 4, region: 'us' } })).rejects.toThrow(InvalidInputsError);
      await expect(dr.execute(['share'], { inputs: { signups: [1, 2, 4], region: 'us' } })).resolves.toEqual({ share: 5 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the samples', () => {
  it('hello_world passes', async () => {
    const r = await check(root, 'samples/hello_world/data_loaders.ts', 'samples/hello_world/my_functions.ts');
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('feature_engineering passes with the names its modifiers make declared (check-names.ts), warning about those it cannot read', async () => {
    const files = readdirSync(path.join(root, 'samples/feature_engineering')).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && f !== 'check-names.ts');
    const r = await check(root, ...files.map((f) => `samples/feature_engineering/${f}`), '--inputs-type', 'samples/feature_engineering/check-names.ts#CheckedNames');
    expect(r.findings.filter((f) => !f.includes('warning:'))).toEqual([]);
    expect(r.findings.some((f) => f.includes('warning: @subdag makes nodes whose names the check cannot read'))).toBe(true);
    expect(r.code).toBe(0);
  });

  it('data_quality passes, validator outputs included', async () => {
    const r = await check(root, 'samples/data_quality/data_loaders.ts', 'samples/data_quality/height_features.ts',
      '--outputs', 'heightZeroMeanUnitVariance,heightZeroMeanUnitVariance_range_validator,survey_age_range_validator');
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('usage', () => {
  it.each([
    [[], 'needs at least one module file'],
    [['features.ts', '--outputs'], '--outputs needs a value'],
    [['features.ts', '--strict'], 'Unknown option --strict'],
    [['nope.ts'], 'Cannot read nope.ts: no such file'],
    [['features.js'], 'Cannot check features.js: only TypeScript files'],
    [['features.ts', '--inputs-type', 'nope.ts#Inputs'], 'Cannot read nope.ts: no such file'],
  ])('%j is a usage error: exit code 2 and the message on stderr', async (argv, message) => {
    const r = await check(fixture('missing-input'), ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('reports an inputs type name that the file does not declare', async () => {
    const r = await check(fixture('clean'), 'features.ts', 'base.ts', 'loaders.ts', '--inputs-type', 'inputs.ts#Inptus');
    expect(r.code).toBe(1);
    // Findings without a place come last; without the declaration, `region` is missing too.
    expect(heads(r)).toEqual(['features.ts:6 Marketing.describe', '--inputs-type']);
    expect(r.findings[1]).toBe(
      '--inputs-type: inputs.ts has no interface or type named `Inptus`. Declare it (e.g. `export interface Inptus { spend: Float64Array }`), or fix the name after #.',
    );
  });

  it('--help prints the usage', async () => {
    const r = await check(root, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: hamilton-ts check <module files...>');
    expect(checkCommand.name).toBe('check');
  });
});
