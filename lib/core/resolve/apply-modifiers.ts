/**
 * Applies one method's modifiers to its base node, by stage (resolve ▸ generate
 * ▸ expand ▸ inject ▸ transform ▸ decorate), never by the order they are written.
 */
import { DecoratorError } from '../errors.js';
import { decoratorMessages } from '../messages.js';
import { FrameworkTags, type NodeSpec } from '../node.js';
import type { ModifierRecordPayload } from '../record/records.js';
import {
  isAbsent,
  type Absent,
  type NodeDecorator,
  type NodeExpander,
  type NodeGenerator,
  type NodeInjector,
  type NodeModifier,
  type NodeResolver,
  type NodeTransformer,
  type RecordedModifier,
  type ResolveContext,
  type Target,
} from './modifiers.js';

interface Stages {
  resolvers: NodeResolver[];
  generators: RecordedModifier[];
  expanders: RecordedModifier[];
  injectors: NodeInjector[];
  transformers: NodeTransformer[];
  decorators: NodeDecorator[];
  /** Every decorator's name, for error messages. */
  names: string[];
}

// A build applies modifiers to every method that has any: a stage's list is
// made when the first modifier of that stage is sorted in, and until then all
// share this empty one (never pushed to: see add).
const NONE = Object.freeze([]) as unknown as never[];

function add<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/**
 * The nodes one method contributes, or why it contributes none.
 *
 * @example
 * applyModifiers(base, [{ decorator: '@tag', modifier: new TagDecorator({ owner: 'ds' }) }], ctx);
 */
export function applyModifiers(base: NodeSpec, records: readonly ModifierRecordPayload[], ctx: ResolveContext): NodeSpec[] | Absent {
  const stages: Stages = { resolvers: NONE, generators: NONE, expanders: NONE, injectors: NONE, transformers: NONE, decorators: NONE, names: NONE };
  // Records are in evaluation order (bottom-up): reversed, they are in source order.
  for (let k = records.length - 1; k >= 0; k--) sortInto(stages, records[k] as RecordedModifier);
  if (stages.resolvers.length) for (const r of stages.resolvers.slice()) if (r.choose) for (const m of r.choose(ctx)) sortInto(stages, m);

  let node: NodeSpec = base;
  for (const r of stages.resolvers) {
    if (!r.resolve) continue;
    const out = r.resolve(node, ctx);
    if (isAbsent(out)) return withNames(out, node, stages, ctx);
    node = out;
  }
  const nodes = build(node, stages, ctx);
  const twice = firstRepeatedName(nodes);
  if (twice !== undefined) throw new DecoratorError(decoratorMessages.nameTwiceInMethod(ctx.origin, twice, [...new Set(stages.names)]));
  return nodes;
}

/** The first name two of the nodes share, if any (a method's few nodes are compared pairwise, without a Set). */
function firstRepeatedName(nodes: readonly NodeSpec[]): string | undefined {
  if (nodes.length < 2) return undefined;
  if (nodes.length <= 16) {
    for (let i = 1; i < nodes.length; i++) {
      const name = nodes[i]!.name;
      for (let j = 0; j < i; j++) if (nodes[j]!.name === name) return name;
    }
    return undefined;
  }
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.name)) return n.name;
    seen.add(n.name);
  }
  return undefined;
}

/** The stages after resolve, on the node the resolvers kept. */
function build(node: NodeSpec, stages: Stages, ctx: ResolveContext): NodeSpec[] {
  let nodes: NodeSpec[] = [node];
  nodes = single(stages.generators, 'generate', nodes, ctx, (m, n) => (m as NodeGenerator).generate(n, ctx));
  nodes = single(stages.expanders, 'expand', nodes, ctx, (m, n) => (m as NodeExpander).expand(n, ctx));

  for (let k = 0; k < stages.injectors.length; k++) {
    const inj = stages.injectors[k]!;
    const targets = targetNames(nodes, inj.target, ctx, 'body');
    if (inj.injectAll) nodes = inj.injectAll(nodes, targets, ctx);
    else if (inj.inject) nodes = nodes.flatMap((n) => (targets.has(n.name) ? inj.inject!(n, ctx) : [n]));
  }
  const groups = groupTransformers(stages.transformers);
  if (groups.length > 1) groups.sort((a, b) => (a[0]!.order ?? 0) - (b[0]!.order ?? 0));
  for (let k = 0; k < groups.length; k++) {
    const group = groups[k]!;
    const target = group[0]!.target;
    // The common case, one node and no target (a checked @node method), needs no name set.
    if (target === 'all' || (target === undefined && nodes.length === 1)) {
      nodes = group[0]!.transform(nodes, ctx, group);
      continue;
    }
    const targets = targetNames(nodes, target, ctx, 'finals');
    const chosen = nodes.filter((n) => targets.has(n.name));
    const rest = nodes.filter((n) => !targets.has(n.name));
    nodes = rest.concat(group[0]!.transform(chosen, ctx, group));
  }
  if (stages.decorators.length > 1) stages.decorators.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  for (let k = 0; k < stages.decorators.length; k++) {
    const d = stages.decorators[k]!;
    nodes = d.decorate(nodes, targetNames(nodes, d.target, ctx, 'finals'), ctx);
  }
  return nodes;
}

/**
 * An absent method, with every name it would have made (the outputs of
 * `@parameterize` ...), so that asking for any of them says why it is absent.
 * Found by running the other stages with a context that registers nothing; if
 * they fail (they may need config that this config lacks), the one name stays.
 */
function withNames(out: Absent, node: NodeSpec, stages: Stages, ctx: ResolveContext): Absent {
  if (!stages.generators.length && !stages.expanders.length && !stages.transformers.length) return out;
  let names: string[];
  try {
    // A context that registers nothing: everything else, prototype methods included, is the method's own.
    const dry = Object.create(ctx, { ref: { value: () => '' } }) as ResolveContext;
    names = build({ ...node, name: out.name }, stages, dry).map((n) => n.name);
  } catch {
    return out;
  }
  return names.length === 1 && names[0] === out.name ? out : { ...out, names };
}

function sortInto(stages: Stages, r: RecordedModifier): void {
  const m = r.modifier as NodeModifier;
  stages.names = add(stages.names, r.decorator);
  switch (m.stage) {
    case 'resolve': stages.resolvers = add(stages.resolvers, m); break;
    case 'generate': stages.generators = add(stages.generators, r); break;
    case 'expand': stages.expanders = add(stages.expanders, r); break;
    case 'inject': stages.injectors = add(stages.injectors, m); break;
    case 'transform': stages.transformers = add(stages.transformers, m); break;
    case 'decorate': stages.decorators = add(stages.decorators, m); break;
    default: // 'remote': already applied to the other methods (resolve.ts)
  }
}

/** Generate and expand take one node and at most one modifier each. */
function single(
  mods: readonly RecordedModifier[],
  stage: string,
  nodes: NodeSpec[],
  ctx: ResolveContext,
  apply: (m: NodeModifier, n: NodeSpec) => NodeSpec[],
): NodeSpec[] {
  if (mods.length === 0) return nodes;
  if (mods.length > 1) throw new DecoratorError(decoratorMessages.twoOfStage(ctx.origin, stage, mods.map((e) => e.decorator)));
  if (nodes.length !== 1) throw new DecoratorError(decoratorMessages.stageNeedsOneNode(ctx.origin, mods[0]!.decorator, nodes.map((n) => n.name)));
  return apply(mods[0]!.modifier as NodeModifier, nodes[0]!);
}

function groupTransformers(ts: readonly NodeTransformer[]): (readonly NodeTransformer[])[] {
  if (ts.length < 2) return ts.length ? [ts] : NONE;
  const groups: NodeTransformer[][] = [];
  const byKey = new Map<string, NodeTransformer[]>();
  for (const t of ts) {
    if (t.group === undefined) { groups.push([t]); continue; }
    const key = `${t.group}\u0000${targetKey(t.target)}`;
    let g = byKey.get(key);
    if (!g) { g = []; byKey.set(key, g); groups.push(g); }
    g.push(t);
  }
  return groups;
}

function targetKey(t: Target | undefined): string {
  return t === undefined ? '' : typeof t === 'string' ? `=${t}` : `[${t.join('\u0000')}]`;
}

/**
 * The names a targeted modifier applies to: by default the final nodes (no
 * other node of the method reads them) or the body nodes (role 'user', of this
 * method), never a node tagged non-final (the embedded nodes of a subdag);
 * `'all'`; or the named nodes, each of which must exist. A saver (role
 * 'saver', `@saveTo`) is a side branch: it is not a final node, and the node
 * it saves stays final.
 */
function targetNames(nodes: readonly NodeSpec[], target: Target | undefined, ctx: ResolveContext, fallback: 'finals' | 'body'): Set<string> {
  if (target === undefined) {
    if (nodes.length === 1) return new Set([nodes[0]!.name]);
    const eligible = nodes.filter((n) => n.tags[FrameworkTags.nonFinal] !== 'true');
    // Nodes embedded from other modules (`withColumns`, `subdag`) are user nodes too, but of their own methods.
    if (fallback === 'body') return new Set(eligible.filter((n) => n.role === 'user' && n.origin === ctx.origin).map((n) => n.name));
    const used = new Set<string>();
    for (const n of nodes) if (n.role !== 'saver') for (const d of n.dependencies) used.add(d.name);
    return new Set(eligible.filter((n) => !used.has(n.name) && n.role !== 'saver').map((n) => n.name));
  }
  if (target === 'all') return new Set(nodes.map((n) => n.name));
  const wanted = typeof target === 'string' ? [target] : target;
  const names = new Set(nodes.map((n) => n.name));
  const unknown = wanted.filter((t) => !names.has(t));
  if (unknown.length) throw new DecoratorError(decoratorMessages.unknownTarget(ctx.origin, unknown, [...names]));
  return new Set(wanted);
}
