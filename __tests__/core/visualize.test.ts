// Visualisation: toDot's content (inputs, config, outputs and tags drawn distinctly) and display() writing SVG or DOT files.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, InvalidInputsError, dotToPng, dotToSvg, node, tag } from '../../lib/index.js';
import { silent } from '../support.js';

class Marketing {
  @tag({ owner: 'marketing', regions: ['us', 'uk'] })
  @node()
  spendPerSignup(spend: number[], signups: number[]) {
    return spend.map((s, i) => s / signups[i]!);
  }

  @node()
  inCurrency(spendPerSignup: number[], rate: number, precision = 2) {
    return spendPerSignup.map((v) => Number((v * rate).toFixed(precision)));
  }

  @node()
  spendMean(spend: number[]) {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }
}

const dr = new Builder().withModules(Marketing).withConfig({ rate: 1.2 }).withLogger(silent).build();

/** The attribute list of a node statement in DOT text, or undefined when the node is not drawn. */
function nodeStatement(dot: string, name: string): string | undefined {
  const line = dot.split('\n').find((l) => l.trimStart().startsWith(`"${name}" [`));
  return line?.trim();
}

/** The attributes that style a node statement (everything after its label). */
const styleOf = (statement: string | undefined) => statement?.replace(/^.*?>,\s*/, '');

const edges = (dot: string) => dot.split('\n').map((l) => l.trim()).filter((l) => l.includes(' -> '));

describe('toDot', () => {
  const dot = dr.toDot();

  it('is a directed graph with one statement per node and one edge per dependency', () => {
    expect(dot.startsWith('digraph')).toBe(true);
    for (const n of ['spend', 'signups', 'rate', 'precision', 'spendPerSignup', 'inCurrency', 'spendMean']) expect(nodeStatement(dot, n)).toBeDefined();
    expect(edges(dot).sort()).toEqual([
      '"precision" -> "inCurrency" [style=dashed];',
      '"rate" -> "inCurrency";',
      '"signups" -> "spendPerSignup";',
      '"spend" -> "spendMean";',
      '"spend" -> "spendPerSignup";',
      '"spendPerSignup" -> "inCurrency";',
    ]);
  });

  it('marks external inputs as inputs, drawn dashed', () => {
    const input = nodeStatement(dot, 'spend')!;
    expect(input).toContain('<I>input</I>');
    expect(input).toMatch(/style="[^"]*dashed/);
  });

  it('marks config inputs as config, drawn as notes', () => {
    const config = nodeStatement(dot, 'rate')!;
    expect(config).toContain('<I>config</I>');
    expect(config).toContain('shape=note');
    expect(config).not.toContain('<I>input</I>');
  });

  it('lists user tags under the node name, list values joined', () => {
    const tagged = nodeStatement(dot, 'spendPerSignup')!;
    expect(tagged).toContain('owner=marketing');
    expect(tagged).toContain('regions=us,uk');
    expect(nodeStatement(dot, 'spendMean')).not.toContain('owner=');
  });

  it('draws inputs, config, functions and outputs each in their own style', () => {
    const withOutput = dr.toDot({ outputs: ['inCurrency'] });
    const styles = [
      styleOf(nodeStatement(withOutput, 'spend')),
      styleOf(nodeStatement(withOutput, 'rate')),
      styleOf(nodeStatement(withOutput, 'spendPerSignup')),
      styleOf(nodeStatement(withOutput, 'inCurrency')),
    ];
    expect(new Set(styles).size).toBe(4);
    expect(nodeStatement(withOutput, 'inCurrency')).toMatch(/bold|penwidth/);
  });

  it('draws no node as an output when no outputs are given', () => {
    expect(styleOf(nodeStatement(dot, 'inCurrency'))).toBe(styleOf(nodeStatement(dot, 'spendMean')));
  });

  it('with outputs, draws only them and their upstream', () => {
    const limited = dr.toDot({ outputs: ['spendMean'] });
    expect(nodeStatement(limited, 'spendMean')).toBeDefined();
    expect(nodeStatement(limited, 'spend')).toBeDefined();
    for (const n of ['signups', 'rate', 'precision', 'spendPerSignup', 'inCurrency']) expect(nodeStatement(limited, n)).toBeUndefined();
    expect(edges(limited)).toEqual(['"spend" -> "spendMean";']);
  });

  it('escapes names and tag values so the DOT stays valid', async () => {
    class Odd {
      @tag({ note: 'a<b & "c"' })
      @node({ name: 'ratio"<1>' })
      ratio() {
        return 1;
      }
    }
    const odd = new Builder().withModules(Odd).withLogger(silent).build().toDot();
    expect(odd).toContain('"ratio\\"<1>" [');
    expect(odd).toContain('ratio&quot;&lt;1&gt;');
    expect(odd).toContain('note=a&lt;b &amp; &quot;c&quot;');
    await expect(dotToSvg(odd)).resolves.toContain('<svg');
  });
});

describe('display', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hamilton-ts-display-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an SVG file when the name ends in .svg', async () => {
    const file = join(dir, 'dag.svg');
    await dr.display(file);
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg');
    expect(svg).toContain('spendPerSignup');
    expect(svg).toContain('owner=marketing');
  });

  it('writes the DOT text when the name ends in .dot', async () => {
    const file = join(dir, 'dag.dot');
    await dr.display(file, { outputs: ['inCurrency'] });
    expect(readFileSync(file, 'utf8')).toBe(dr.toDot({ outputs: ['inCurrency'] }));
  });

  it('lets `format` choose the format whatever the extension', async () => {
    const file = join(dir, 'dag.txt');
    await dr.display(file, { format: 'dot' });
    expect(readFileSync(file, 'utf8')).toBe(dr.toDot());
  });

  it('creates missing folders', async () => {
    const file = join(dir, 'nested', 'deeper', 'dag.dot');
    await dr.display(file);
    expect(existsSync(file)).toBe(true);
  });

  it('writes a PNG image of the graph, with its labels drawn', async () => {
    const file = join(dir, 'dag.png');
    await dr.display(file);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The image is the SVG at twice its size: Graphviz measures in points, 1pt = 4/3 px (IHDR holds width and height).
    const svg = await dotToSvg(dr.toDot());
    const [, w, h] = /width="(\d+)pt" height="(\d+)pt"/.exec(svg)!;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(w), Number(h)].map((pt) => expect.closeTo((pt * 4 / 3) * 2, -1)));
    // Labels are drawn: the same graph without its text is a smaller file (fewer distinct pixels to encode).
    const blank = await dotToPng(dr.toDot().replace(/label=<[^>]*(>[^<]*<[^>]*)*>/g, 'label=""'));
    expect(png.byteLength).toBeGreaterThan(blank.byteLength);
  });

  it('rejects an unknown extension, naming the file and the supported formats, and writes nothing', async () => {
    const file = join(dir, 'dag.jpeg');
    const error = await dr.display(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as Error).message).toContain('dag.jpeg');
    expect((error as Error).message).toContain('`jpeg`');
    expect((error as Error).message).toContain('Supported: .svg, .png, .dot, .gv');
    expect(existsSync(file)).toBe(false);
  });
});
