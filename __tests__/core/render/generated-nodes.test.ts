// toDot draws generated nodes by their spec's role, options and tags: namespaces as (nested) clusters, pipe steps in
// line with their node, extracted columns and fields, fan-out and collect marks, loaders and savers; each style in the legend.
import { describe, expect, it } from '@jest/globals';
import type { ColumnTable } from 'arquero';
import {
  Builder,
  collect,
  config,
  dotToSvg,
  extractColumns,
  extractFields,
  modifierDecorator,
  node,
  parallelizable,
  pipeInput,
  pipeOutput,
  source,
  step,
  subdag,
  unpackFields,
  value,
  withColumns,
  type NodeDecorator,
  type NodeSpec,
} from '../../../lib/index.js';
import { silent } from '../../support.js';

/** One node statement of DOT text: its id (unquoted), its attributes, and the labels of the clusters around it, outermost first. */
interface DrawnNode {
  readonly name: string;
  readonly attributes: string;
  readonly clusters: readonly string[];
}

const ID = String.raw`"((?:[^"\\]|\\.)*)"`;
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');

/** Reads the node statements, edges and legend of toDot's output, following subgraph nesting. */
function parseDot(dot: string) {
  const nodes = new Map<string, DrawnNode>();
  const edges = new Map<string, string>();
  const legend = new Map<string, string>();
  const stack: { id: string; label?: string }[] = [];
  for (const line of dot.split('\n')) {
    const open = new RegExp(String.raw`^\s*subgraph ${ID} \{$`).exec(line) ?? /^\s*subgraph (\w+) \{$/.exec(line);
    if (open) {
      stack.push({ id: unquote(open[1]!) });
      continue;
    }
    if (/^\s*\}$/.test(line) && stack.length) {
      stack.pop();
      continue;
    }
    const label = /^\s*label=<(.*)>; labeljust/.exec(line);
    if (label && stack.length) {
      stack[stack.length - 1]!.label = label[1]!;
      continue;
    }
    const edge = new RegExp(String.raw`^  ${ID} -> ${ID}(?: \[(.*)\])?;$`).exec(line);
    if (edge) {
      edges.set(`${unquote(edge[1]!)} -> ${unquote(edge[2]!)}`, edge[3] ?? '');
      continue;
    }
    const statement = new RegExp(String.raw`^\s*${ID} \[(.*)\];$`).exec(line);
    if (!statement) continue;
    const name = unquote(statement[1]!);
    if (stack[0]?.id === 'cluster_legend') legend.set(name, statement[2]!);
    else nodes.set(name, { name, attributes: statement[2]!, clusters: stack.map((s) => s.label ?? `(${s.id})`) });
  }
  return { nodes, edges, legend };
}

/** The attributes that style a node: everything after its label. */
const styleOf = (n: DrawnNode | undefined) => n?.attributes.replace(/^label=(<.*?>|"[^"]*"), /, '');

const draw = (...modules: object[]) => parseDot(new Builder().withModules(...(modules as never[])).withLogger(silent).build().toDot());

class Inner {
  @node()
  inc(x: number) {
    return x + 1;
  }
}

class Middle {
  @subdag([Inner], { inputs: { x: source('start') } })
  @node()
  step1(inc: number) {
    return inc * 10;
  }
}

class Top {
  @subdag([Middle], { inputs: { start: value(4) } })
  @node()
  top(step1: number) {
    return step1;
  }
}

class Ratios {
  @node()
  perSignup(spend: number[], signups: number[]) {
    return spend.map((s, i) => s / signups[i]!);
  }
}

class Report {
  @withColumns(Ratios, { columnsToPass: ['spend', 'signups'], select: ['perSignup'] })
  @node()
  report(raw: ColumnTable) {
    return raw;
  }
}

const addOne = (x: number) => x + 1;
const times = (x: number, factor: number) => x * factor;
const clip = (x: number, max: number) => Math.min(x, max);

class Prices {
  @pipeInput(step(addOne), step(times, { factor: source('factor') }))
  @node()
  price(raw: number) {
    return raw;
  }

  @pipeOutput(step(clip, { max: value(100) }))
  @node()
  forecast(price: number) {
    return price * 2;
  }
}

class Extracted {
  @extractColumns('a', 'b')
  @node()
  frame(): ColumnTable {
    throw new Error('not run');
  }

  @extractFields({ mean: 'number' })
  @node()
  stats() {
    return { mean: 1 };
  }

  @unpackFields('low', 'high')
  @node()
  bounds(): [number, number] {
    return [0, 1];
  }

  @config.when({ mode: 'fast' })
  @node()
  speed__fast(a: number[]) {
    return a;
  }
}

class FanOut {
  @parallelizable()
  @node()
  urls(pages: string[]) {
    return pages;
  }

  @node()
  size(urls: string) {
    return urls.length;
  }

  @collect('size')
  @node()
  sizes(size: number[]) {
    return size;
  }
}

/** Gives the method's nodes a role, as a loading or saving modifier would. */
class WithRole implements NodeDecorator {
  readonly stage = 'decorate';
  constructor(readonly role: string) {}
  decorate(nodes: readonly NodeSpec[], targets: ReadonlySet<string>): NodeSpec[] {
    return nodes.map((n) => (targets.has(n.name) ? { ...n, role: this.role } : n));
  }
}
const withRole = (role: string) => modifierDecorator('@withRole', new WithRole(role));

class Io {
  @withRole('loader')
  @node()
  sales(path: string) {
    return path.length;
  }

  @withRole('saver')
  @node()
  savedSales(sales: number) {
    return sales;
  }
}

describe('toDot: namespaces', () => {
  it('draws a subdag’s nodes in a cluster labelled with its namespace, nested subdags nested', () => {
    const { nodes } = draw(Top);
    expect(nodes.get('top')!.clusters).toEqual([]);
    expect(nodes.get('top.start')!.clusters).toEqual(['top']);
    expect(nodes.get('top.step1')!.clusters).toEqual(['top']);
    expect(nodes.get('top.step1.inc')!.clusters).toEqual(['top', 'top.step1']);
    expect(nodes.get('top.step1.x')!.clusters).toEqual(['top', 'top.step1']);
  });

  it('draws withColumns nodes (named `ns.node`) in a cluster, and the method’s node outside it', () => {
    const { nodes } = draw(Report);
    for (const n of ['report.spend', 'report.signups', 'report.perSignup', 'report._append']) expect(nodes.get(n)!.clusters).toEqual(['report']);
    expect(nodes.get('report')!.clusters).toEqual([]);
    expect(nodes.get('raw')!.clusters).toEqual([]);
  });

  it('keeps names with an empty namespace part, and external inputs, at the top level', () => {
    class Odd {
      @node({ name: '.x' })
      a() {
        return 1;
      }

      @node({ name: 'a..b' })
      b(x: number) {
        return x;
      }

      @node({ inputs: ['ns.input'] })
      c(v: number) {
        return v;
      }
    }
    const { nodes } = draw(Odd);
    expect(nodes.get('.x')!.clusters).toEqual([]);
    expect(nodes.get('a..b')!.clusters).toEqual([]);
    expect(nodes.get('ns.input')!.clusters).toEqual([]);
  });

  it('escapes namespace labels, and nests thousands of levels without a stack overflow', async () => {
    class Hostile {
      @node({ name: '<b>&"x".y' })
      a() {
        return 1;
      }

      @node({ name: `${'n.'.repeat(5000)}leaf` })
      deep() {
        return 1;
      }
    }
    const dr = new Builder().withModules(Hostile).withLogger(silent).build();
    const dot = dr.toDot();
    const { nodes } = parseDot(dot);
    expect(nodes.get('<b>&"x".y')!.clusters).toEqual(['&lt;b&gt;&amp;&quot;x&quot;']);
    expect(nodes.get(`${'n.'.repeat(5000)}leaf`)!.clusters).toHaveLength(5000);
    const shallow = new Builder().withModules(class { @node({ name: '<b>&"x".y' }) a() { return 1; } }).withLogger(silent).build();
    await expect(dotToSvg(shallow.toDot())).resolves.toContain('&lt;b&gt;&amp;&quot;x&quot;</text>');
  });

  it('keeps nodes named like cluster ids nodes, apart from the clusters', async () => {
    class ClusterLike {
      @node({ name: 'cluster_ns_0' })
      a() {
        return 1;
      }

      @node({ name: 'ns.b' })
      b(cluster_ns_0: number) {
        return cluster_ns_0;
      }

      @node({ name: 'cluster_legend' })
      c() {
        return 1;
      }
    }
    const dot = new Builder().withModules(ClusterLike).withLogger(silent).build().toDot();
    const { nodes } = parseDot(dot);
    expect(nodes.get('cluster_ns_0')!.clusters).toEqual([]);
    expect(nodes.get('ns.b')!.clusters).toEqual(['ns']);
    const svg = await dotToSvg(dot);
    expect(svg.match(/class="node"/g)).toHaveLength(5); // three nodes, two legend entries
    expect(svg.match(/class="cluster"/g)).toHaveLength(2); // ns and the legend
  });

  it('gives each cluster its own id, and the legend a namespace entry', () => {
    const dot = new Builder().withModules(Top, Report).withLogger(silent).build().toDot();
    const ids = [...dot.matchAll(/subgraph ("cluster_[^"]*"|cluster_\w+) \{/g)].map((m) => m[1]);
    expect(ids).toHaveLength(4); // top, top.step1, report and the legend
    expect(new Set(ids).size).toBe(4);
    expect(parseDot(dot).legend.get('legend:namespace')).toContain('namespace');
  });
});

describe('toDot: pipes', () => {
  const dr = new Builder().withModules(Prices).withLogger(silent).build();
  const { nodes, edges, legend } = parseDot(dr.toDot());

  it('draws pipe steps small and in their own style, beside their node rather than in a cluster of its name', () => {
    for (const n of ['price.with_addOne', 'price.with_times', 'forecast.with_clip']) {
      expect(styleOf(nodes.get(n))).toContain('fontsize=9');
      expect(styleOf(nodes.get(n))).not.toBe(styleOf(nodes.get('forecast')));
      expect(nodes.get(n)!.clusters).toEqual([]);
    }
    expect(nodes.get('forecast.raw')!.clusters).toEqual([]);
    expect(legend.get('legend:step')).toBe(`label="pipe step", fontsize=9, ${styleOf(nodes.get('price.with_addOne'))}`);
  });

  it('weighs the edges the piped value flows along, and no others', () => {
    expect(edges.get('raw -> price.with_addOne')).toBe('weight=8');
    expect(edges.get('price.with_addOne -> price.with_times')).toBe('weight=8');
    expect(edges.get('price.with_times -> price')).toBe('weight=8');
    expect(edges.get('forecast.raw -> forecast.with_clip')).toBe('weight=8');
    expect(edges.get('forecast.with_clip -> forecast')).toBe('weight=8');
    expect(edges.get('factor -> price.with_times')).toBe('');
    expect(edges.get('price -> forecast.raw')).toBe('');
  });
});

describe('toDot: extracted values, fan-out, loaders and savers', () => {
  it('draws extracted columns and fields in one style of their own, config variants as functions', () => {
    const { nodes, legend } = draw(Extracted);
    const extracted = styleOf(nodes.get('a'));
    for (const n of ['b', 'mean', 'low', 'high']) expect(styleOf(nodes.get(n))).toBe(extracted);
    expect(extracted).not.toBe(styleOf(nodes.get('frame')));
    expect(styleOf(nodes.get('frame'))).toBe(styleOf(nodes.get('stats')));
    expect(legend.get('legend:extracted')).toContain('extracted column or field');
    const fast = parseDot(new Builder().withModules(Extracted).withConfig({ mode: 'fast' }).withLogger(silent).build().toDot());
    expect(styleOf(fast.nodes.get('speed'))).toBe(styleOf(fast.nodes.get('frame')));
  });

  it('marks fan-out and collect nodes under their names, with legend entries', () => {
    const { nodes, legend } = draw(FanOut);
    expect(nodes.get('urls')!.attributes).toContain('⇉ fan-out');
    expect(nodes.get('sizes')!.attributes).toContain('⇇ collect');
    expect(nodes.get('size')!.attributes).not.toMatch(/fan-out|collect/);
    expect(legend.get('legend:fanOut')).toContain('⇉ fan-out');
    expect(legend.get('legend:collect')).toContain('⇇ collect');
  });

  it('draws loaders as cylinders and savers as folders', () => {
    const { nodes, legend } = draw(Io);
    expect(styleOf(nodes.get('sales'))).toMatch(/^shape=cylinder/);
    expect(styleOf(nodes.get('savedSales'))).toMatch(/^shape=folder/);
    expect([...legend.keys()].sort()).toEqual(['legend:input', 'legend:loader', 'legend:saver']);
  });

  it('renders every new style to SVG, clusters included', async () => {
    const dot = new Builder().withModules(Top, Report, Prices, Extracted, FanOut, Io).withLogger(silent).build().toDot();
    const svg = await dotToSvg(dot);
    expect(svg.match(/class="cluster"/g)).toHaveLength(4); // top, top.step1, report and the legend
    expect(svg).toContain('>top.step1</text>');
    expect(svg).toContain('⇉ fan&#45;out'); // Graphviz writes the hyphen as a character reference
  });
});
