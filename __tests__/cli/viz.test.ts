// hamilton-ts viz: SVG, PNG and DOT drawings of the DAG.
import { describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, FIXTURES, json } from './cli.js';

// Each test starts child processes; a loaded 2-core machine can take seconds for each.
jest.setTimeout(30_000);

const FEATURES = `${FIXTURES}/features.ts`;

describe('hamilton-ts viz', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hamilton-viz-'));

  it('-o dag.svg writes a real SVG with a box for every node', async () => {
    const file = join(dir, 'dag.svg');
    const run = await cli(['viz', FEATURES, `${FIXTURES}/more.js`, '-o', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote the DAG (8 nodes) to ${file}.\n`);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<\?xml[^]*<svg [^]*<\/svg>\s*$/);
    for (const name of ['spend', 'spendMean', 'spendZeroMean', 'scaledSpend', 'label', 'spendTotal']) expect(svg).toContain(`<title>${name}</title>`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--outputs draws only them and what they need; --json says what was written', async () => {
    const file = join(dir, 'part.svg');
    const run = await cli(['viz', FEATURES, '--outputs', 'spendZeroMean', '--output', file, '--json']);
    expect(json(run)).toEqual({ ok: true, command: 'viz', format: 'svg', nodes: 3, file });
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain('<title>spendMean</title>');
    expect(svg).not.toContain('<title>label</title>');
  });

  it('-o dag.png writes a PNG image', async () => {
    const file = join(dir, 'dag.png');
    const run = await cli(['viz', FEATURES, '-o', file]);
    expect(run.code).toBe(0);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(200); // width, from the IHDR chunk
  });

  it('without -o prints DOT on stdout; an unknown extension exits 2', async () => {
    const [dot, bad] = await Promise.all([cli(['viz', FEATURES]), cli(['viz', FEATURES, '-o', join(dir, 'dag.pdf')])]);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph hamilton \{[^]*"spend" -> "spendMean";[^]*\}\n$/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format. Name a .svg, .png or .dot file');
  });

  it('an unknown output exits 1 with the close names', async () => {
    const run = await cli(['viz', FEATURES, '--outputs', 'spendMaen']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('UnknownNodeError: Unknown node: `spendMaen` (did you mean `spendMean`?)');
  });
});
