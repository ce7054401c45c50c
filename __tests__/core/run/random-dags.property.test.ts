// Property: on random acyclic graphs of sync and async nodes (some with a @parallelizable/@collect fan-out),
// random outputs, overrides, maxConcurrency and node hooks (none, sync, async, executeNode), every needed node runs exactly once (a fan-out's nodes once per item),
// only after everything it reads has finished, nodes not needed never run, and the results equal a direct
// recursive evaluation of the same functions.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Builder, collect, LocalExecutor, parallelizable, type LifecycleHooks, type NodeContext } from '../../../lib/index.js';
import { generatedModule, silent, type GeneratedNode } from '../../support.js';

type Mode = 'sync' | 'microtask' | 'macrotask';

interface MainNode { readonly deps: readonly number[]; readonly inputs: readonly number[]; readonly mode: Mode }
interface BlockNode { readonly readsSource: boolean; readonly blockDeps: readonly number[]; readonly outer: readonly number[]; readonly mode: Mode }
interface FanOutCase {
  readonly sourceDeps: readonly number[];
  readonly items: number;
  readonly block: readonly BlockNode[];
  readonly collectOuter: readonly number[];
  readonly after: boolean;
}
/** Which hooks watch the run: none (the fast path), sync node hooks, async node hooks, or an executeNode wrapper. */
type Hooks = 'none' | 'sync' | 'async' | 'wrap';

interface Case {
  readonly hooks: Hooks;
  readonly main: readonly MainNode[];
  readonly fan: FanOutCase | undefined;
  readonly outputs: readonly string[];
  readonly overrides: readonly number[];
  readonly maxConcurrency: number;
}

const INPUTS = ['x0', 'x1', 'x2'];
const INPUT_VALUES: Record<string, number> = { x0: 3, x1: 5, x2: 11 };
const MOD = 9973;

/** Picks distinct earlier indices (below `limit`) from raw numbers. */
const below = (raw: readonly number[], limit: number): number[] => (limit === 0 ? [] : [...new Set(raw.map((r) => r % limit))]);

const modeArb = fc.constantFrom<Mode>('sync', 'sync', 'microtask', 'macrotask');
const rawDeps = fc.array(fc.nat(), { maxLength: 3 });

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    main: fc.array(fc.record({ deps: rawDeps, inputs: fc.array(fc.nat({ max: 2 }), { maxLength: 2 }), mode: modeArb }), { minLength: 1, maxLength: 14 }),
    fan: fc.option(
      fc.record({
        sourceDeps: rawDeps,
        items: fc.nat({ max: 4 }),
        block: fc.array(fc.record({ readsSource: fc.boolean(), blockDeps: rawDeps, outer: fc.array(fc.nat(), { maxLength: 2 }), mode: modeArb }), { minLength: 1, maxLength: 3 }),
        collectOuter: fc.array(fc.nat(), { maxLength: 2 }),
        after: fc.boolean(),
      }),
      { nil: undefined, freq: 2 },
    ),
    outputPicks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    overridePicks: fc.array(fc.nat(), { maxLength: 2 }),
    maxConcurrency: fc.integer({ min: 1, max: 6 }),
    hooks: fc.constantFrom<Hooks>('none', 'none', 'sync', 'async', 'wrap'),
  })
  .map(({ main, fan, outputPicks, overridePicks, maxConcurrency, hooks }) => {
    const nodes = main.map((m, i) => ({ deps: below(m.deps, i), inputs: [...new Set(m.inputs)], mode: m.mode }));
    const n = nodes.length;
    const fanCase: FanOutCase | undefined = fan && {
      sourceDeps: below(fan.sourceDeps, n),
      items: fan.items,
      // Each block node reads the source or an earlier block node, so it belongs to the fan-out.
      block: fan.block.map((b, j) => {
        const blockDeps = below(b.blockDeps, j);
        return { readsSource: b.readsSource || blockDeps.length === 0, blockDeps, outer: below(b.outer, n), mode: b.mode };
      }),
      collectOuter: below(fan.collectOuter, n),
      after: fan.after,
    };
    const requestable = [...nodes.map((_, i) => `m${i}`), ...(fanCase ? ['c', ...(fanCase.after ? ['d'] : [])] : [])];
    const outputs = [...new Set(outputPicks.map((p) => requestable[p % requestable.length]!))];
    const overrides = [...new Set(overridePicks.map((p) => p % n))];
    return { hooks, main: nodes, fan: fanCase, outputs, overrides, maxConcurrency };
  });

/** The node functions, shared by the graph and by the direct evaluation. */
const combine = (seed: number, args: readonly number[]) => args.reduce((acc, v, k) => (acc + (k + 1) * v) % MOD, seed);
const itemsOf = (count: number, args: readonly number[]) => Array.from({ length: count }, (_, k) => combine(100 + k, args));

interface Event { readonly node: string; readonly item: number | undefined; readonly phase: 'start' | 'end' }

/** Builds the module for a case; every node logs its start and end (with its item) into `events`. */
function moduleOf(c: Case, events: Event[], inFlight: { now: number; max: number }) {
  const method = (name: string, inputs: string[], mode: Mode, compute: (args: number[]) => unknown, decorators?: GeneratedNode['decorators']): GeneratedNode => ({
    name,
    inputs,
    options: { context: true },
    decorators,
    fn: ((...all: unknown[]) => {
      const ctx = all.pop() as NodeContext;
      const args = all as number[];
      events.push({ node: ctx.node, item: ctx.item, phase: 'start' });
      const end = (v: unknown) => { events.push({ node: ctx.node, item: ctx.item, phase: 'end' }); return v; };
      if (mode === 'sync') return end(compute(args));
      inFlight.max = Math.max(inFlight.max, ++inFlight.now);
      const wait = mode === 'microtask' ? Promise.resolve() : new Promise<void>((r) => setImmediate(r));
      return wait.then(() => { inFlight.now--; return end(compute(args)); });
    }) as GeneratedNode['fn'],
  });
  const nodes: GeneratedNode[] = c.main.map((m, i) =>
    method(`m${i}`, [...m.deps.map((d) => `m${d}`), ...m.inputs.map((k) => INPUTS[k]!)], m.mode, (args) => combine(i + 1, args)),
  );
  const f = c.fan;
  if (f) {
    nodes.push(method('p', f.sourceDeps.map((d) => `m${d}`), 'sync', (args) => itemsOf(f.items, args), [parallelizable()]));
    f.block.forEach((b, j) => {
      const inputs = [...(b.readsSource ? ['p'] : []), ...b.blockDeps.map((k) => `b${k}`), ...b.outer.map((d) => `m${d}`)];
      nodes.push(method(`b${j}`, inputs, b.mode, (args) => combine(1000 + j, args)));
    });
    const last = `b${f.block.length - 1}`;
    nodes.push(method('c', [last, ...f.collectOuter.map((d) => `m${d}`)], 'sync', ([gathered, ...rest]) => combine(combine(7, gathered as unknown as number[]), rest), [collect(last)]));
    if (f.after) nodes.push(method('d', ['c', ...c.main.map((_, i) => `m${i}`).slice(0, 1)], 'sync', (args) => combine(2000, args)));
  }
  return generatedModule('RandomDag', nodes);
}

const overrideValue = (i: number) => 500 + i;

/** The oracle: evaluates what each output needs by plain recursion over the case, with no engine. */
function expected(c: Case): { results: Record<string, unknown>; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const count = (name: string, times = 1) => runs.set(name, (runs.get(name) ?? 0) + times);
  const memo = new Map<string, number>();
  const overridden = new Set(c.overrides);
  const main = (i: number): number => {
    if (overridden.has(i)) return overrideValue(i);
    const key = `m${i}`;
    if (!memo.has(key)) {
      const m = c.main[i]!;
      memo.set(key, combine(i + 1, [...m.deps.map(main), ...m.inputs.map((k) => INPUT_VALUES[INPUTS[k]!]!)]));
      count(key);
    }
    return memo.get(key)!;
  };
  const fanOut = (): number => {
    const f = c.fan!;
    if (!memo.has('c')) {
      const items = itemsOf(f.items, f.sourceDeps.map(main));
      count('p');
      // Planned statically: what the needed block nodes read from outside is needed, even with no items.
      const needed = new Set<number>();
      const stack = [f.block.length - 1];
      while (stack.length) {
        const j = stack.pop()!;
        if (needed.has(j)) continue;
        needed.add(j);
        stack.push(...f.block[j]!.blockDeps);
      }
      for (const j of needed) f.block[j]!.outer.forEach(main);
      const perItem = items.map((item) => {
        const local = new Map<number, number>();
        const block = (j: number): number => {
          if (!local.has(j)) {
            const b = f.block[j]!;
            local.set(j, combine(1000 + j, [...(b.readsSource ? [item] : []), ...b.blockDeps.map(block), ...b.outer.map(main)]));
            count(`b${j}`);
          }
          return local.get(j)!;
        };
        return block(f.block.length - 1);
      });
      memo.set('c', combine(combine(7, perItem), f.collectOuter.map(main)));
      count('c');
    }
    return memo.get('c')!;
  };
  const value = (name: string): number => {
    if (name.startsWith('m')) return main(Number(name.slice(1)));
    if (name === 'c') return fanOut();
    if (!memo.has('d')) {
      memo.set('d', combine(2000, [fanOut(), main(0)]));
      count('d');
    }
    return memo.get('d')!;
  };
  const results: Record<string, unknown> = {};
  for (const o of c.outputs) results[o] = value(o);
  return { results, runs };
}

/** What node `name` (for `item`) must wait for: the names it reads, with the item for fan-out nodes read per item. */
function waitsFor(c: Case, name: string): { node: string; perItem: boolean; allItems: boolean }[] {
  const main = (ds: readonly number[]) => ds.filter((d) => !c.overrides.includes(d)).map((d) => ({ node: `m${d}`, perItem: false, allItems: false }));
  if (name.startsWith('m')) return main(c.main[Number(name.slice(1))]!.deps);
  const f = c.fan!;
  if (name === 'p') return main(f.sourceDeps);
  if (name.startsWith('b')) {
    const b = f.block[Number(name.slice(1))]!;
    return [{ node: 'p', perItem: false, allItems: false }, ...b.blockDeps.map((k) => ({ node: `b${k}`, perItem: true, allItems: false })), ...main(b.outer)];
  }
  if (name === 'c') return [{ node: `b${f.block.length - 1}`, perItem: false, allItems: true }, ...main(f.collectOuter)];
  return [{ node: 'c', perItem: false, allItems: false }, ...main([0])];
}

/** Hooks of the kind asked for; each counts the afterNodeExecute events per node. */
function hooksOf(kind: Hooks, afterCounts: Map<string, number>): LifecycleHooks[] {
  if (kind === 'none') return [];
  const count = (name: string) => afterCounts.set(name, (afterCounts.get(name) ?? 0) + 1);
  if (kind === 'sync') return [{ beforeNodeExecute: () => undefined, afterNodeExecute: (e) => { count(e.name); } }];
  if (kind === 'async') return [{ beforeNodeExecute: () => Promise.resolve(), afterNodeExecute: async (e) => { count(e.name); } }];
  return [{ executeNode: (_e, run) => run(), afterNodeExecute: (e) => { count(e.name); } }];
}

describe('random DAGs', () => {
  it('run each needed node once, after its dependencies, and give the results of direct evaluation', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const events: Event[] = [];
        const inFlight = { now: 0, max: 0 };
        const afterCounts = new Map<string, number>();
        const dr = new Builder()
          .withModules(moduleOf(c, events, inFlight))
          .withAdapters(...hooksOf(c.hooks, afterCounts))
          .withExecutor(new LocalExecutor({ maxConcurrency: c.maxConcurrency }))
          .withLogger(silent)
          .build();
        const overrides = Object.fromEntries(c.overrides.map((i) => [`m${i}`, overrideValue(i)]));
        const result = await dr.execute(c.outputs, { inputs: INPUT_VALUES, overrides });
        const oracle = expected(c);
        expect(result).toEqual(oracle.results);

        // Exactly the needed nodes ran, each once (a fan-out's nodes once per item), and each ended.
        const started = new Map<string, number>();
        for (const e of events) if (e.phase === 'start') started.set(e.node, (started.get(e.node) ?? 0) + 1);
        expect(Object.fromEntries([...started].sort())).toEqual(Object.fromEntries([...oracle.runs].sort()));
        expect(events.filter((e) => e.phase === 'end').length).toBe(events.length / 2);
        if (c.hooks !== 'none') expect(Object.fromEntries([...afterCounts].sort())).toEqual(Object.fromEntries([...oracle.runs].sort()));

        // Each start comes after the end of everything that node reads (for the same item inside a fan-out).
        const ended = new Map<string, number>(); // `${node}#${item}` -> ends so far
        const key = (node: string, item: number | undefined) => `${node}#${item ?? ''}`;
        const endsOf = (node: string) => [...ended].filter(([k]) => k.startsWith(`${node}#`)).reduce((a, [, v]) => a + v, 0);
        for (const e of events) {
          if (e.phase === 'end') { ended.set(key(e.node, e.item), (ended.get(key(e.node, e.item)) ?? 0) + 1); continue; }
          for (const dep of waitsFor(c, e.node)) {
            if (dep.allItems) expect([e.node, dep.node, endsOf(dep.node)]).toEqual([e.node, dep.node, oracle.runs.get(dep.node) ?? 0]);
            else expect([e.node, e.item, dep.node, ended.get(key(dep.node, dep.perItem ? e.item : undefined))]).toEqual([e.node, e.item, dep.node, 1]);
          }
        }
        // The executor's limit on nodes awaiting a promise at once (a fan-out holds one slot, its items share the limit).
        expect(inFlight.max).toBeLessThanOrEqual(c.fan ? 2 * c.maxConcurrency : c.maxConcurrency);
      }),
      { numRuns: 400 },
    );
  });
});
