/**
 * The transformer behind @checkOutput and @checkOutputCustom: node injection as
 * Hamilton does it. Node `x` becomes `x_raw` (the method), one validator node
 * per check (`x_<validator>`, or `x_<column>_<validator>` for per-column checks;
 * a repeated name gets `_1`, `_2` in source order), and a final `x` that reads
 * `x_raw` and every validator node. Everything is fixed here, at build time, so
 * a run only calls the prepared functions.
 */
import { FrameworkTags, type Dependency, type NodeDefinition } from '../core/node.js';
import type { NodeTransformer, ResolveContext } from '../core/resolve/modifiers.js';
import { FinalNode, finishChecks } from './final-node.js';
import { CheckRunner, runCheck } from './run-check.js';
import type { Validator } from './validator.js';

/** One check recorded by a decorator: a validator, and the table column it reads (if any). */
export interface CheckEntry {
  readonly validator: Validator;
  readonly column?: string;
}

/** The transformer group shared by every data-quality decorator, so stacked ones apply together. */
export const DATA_QUALITY_GROUP = 'hamilton.data_quality';

/**
 * The modifier a data-quality decorator records. Stacked data-quality
 * decorators on one method share a group: the first receives all of them as
 * peers and injects one `x_raw` for all their checks.
 *
 * @example
 * modifierDecorator('@checkOutput', new DataQualityTransformer([{ validator }]));
 */
export class DataQualityTransformer implements NodeTransformer {
  readonly stage = 'transform';
  readonly group = DATA_QUALITY_GROUP;

  constructor(readonly checks: readonly CheckEntry[]) {}

  transform(finals: readonly NodeDefinition[], ctx: ResolveContext, peers: readonly NodeTransformer[]): NodeDefinition[] {
    if (!ctx.dataQuality.enabled) return [...finals];
    let checks = this.checks;
    if (peers.length > 1) {
      checks = [];
      for (const p of peers) if (p instanceof DataQualityTransformer) checks = checks.concat(p.checks);
    }
    const nodes: NodeDefinition[] = [];
    for (const f of finals) nodes.push(...checkedNodes(f, checks, ctx));
    return nodes;
  }
}

/**
 * The nodes that replace one checked node: `x_raw`, its validator nodes, and the final `x`.
 *
 * @example
 * checkedNodes(node, [{ validator }], ctx).map((n) => n.name); // ['x_raw', 'x_range_validator', 'x']
 */
export function checkedNodes(f: NodeDefinition, checks: readonly CheckEntry[], ctx: ResolveContext): NodeDefinition[] {
  const { name, origin } = f;
  const rawName = `${name}_raw`;
  const plain = isEmpty(f.tags);
  // Listed field by field rather than spread: building thousands of nodes, a literal of
  // known shape is much cheaper than copying an object whose shape varies.
  const raw: NodeDefinition = {
    name: rawName,
    fn: f.fn,
    thisArg: f.thisArg,
    dependencies: f.dependencies,
    tags: plain ? RAW_TAGS : { ...f.tags, ...RAW_TAGS },
    origin,
    doc: f.doc,
    needsContext: f.needsContext,
  };
  const nodes: NodeDefinition[] = [raw];
  const readsRaw: readonly Dependency[] = [{ name: rawName, optional: false }];
  const finalDeps: Dependency[] = [readsRaw[0]!];
  const validatorTags = validatorTagsOf(name, plain ? undefined : f.tags);
  const forced = ctx.dataQuality.importance;
  const seen = checks.length > 1 ? new Map<string, number>() : undefined;
  for (const { validator, column } of checks) {
    const base = column === undefined ? `${name}_${validator.name}` : `${name}_${column}_${validator.name}`;
    const count = seen?.get(base) ?? 0;
    seen?.set(base, count + 1);
    const validatorName = count === 0 ? base : `${base}_${count}`;
    // Plain literals with every property, no conditional spreads: one object shape for all
    // validator and final nodes keeps property reads on large graphs fast.
    nodes.push({
      name: validatorName,
      fn: runCheck,
      thisArg: new CheckRunner(name, origin, validator, forced ?? validator.importance, column),
      dependencies: readsRaw,
      tags: validatorTags,
      origin,
      doc: validator.description,
      needsContext: false,
    });
    finalDeps.push({ name: validatorName, optional: false });
  }
  nodes.push({
    name,
    fn: finishChecks,
    thisArg: new FinalNode(name, origin, checks.length),
    dependencies: finalDeps,
    tags: f.tags,
    origin,
    doc: f.doc,
    needsContext: true,
  });
  return nodes;
}

const RAW_TAGS = Object.freeze({ [FrameworkTags.role]: 'raw' });

function validatorTagsOf(source: string, tags: NodeDefinition['tags'] | undefined): NodeDefinition['tags'] {
  const own = { 'hamilton.data_quality.contains_dq_results': 'true', 'hamilton.data_quality.source_node': source } satisfies Record<
    typeof FrameworkTags.containsDqResults | typeof FrameworkTags.dataQualitySource,
    string
  >;
  return tags ? { ...tags, ...own } : own;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}
