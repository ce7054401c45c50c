/**
 * The transformer behind @checkOutput and @checkOutputCustom: node injection as
 * Hamilton does it. Node `x` becomes `x_raw` (the method), one validator node
 * per check (`x_<validator>`, or `x_<column>_<validator>` for per-column checks;
 * a repeated name gets `_1`, `_2` in source order), and a final `x` that reads
 * `x_raw` and every validator node. The nodes are data: validator and final
 * nodes run the framework ops `quality.check` and `quality.final` (quality-ops.ts).
 */
import { FrameworkTags, type Dependency, type NodeSpec, type Tags } from '../core/node.js';
import type { DataQualitySettings, NodeTransformer, ResolveContext, Target } from '../core/resolve/modifiers.js';
import type { CheckKey } from './validators/registry.js';
import type { Validator } from './validator.js';
import type { CheckArgs, FinalArgs } from './quality-ops.js';
// Registers the ops the nodes made here run.
import './quality-ops.js';

/**
 * One check recorded by a decorator: its validator (made when the class is
 * defined, for its name and to check the options), the table column it reads
 * (if any), and for a built-in check the option that made it.
 */
export interface CheckEntry {
  readonly validator: Validator;
  readonly column?: string;
  /** Built-in checks: the `@checkOutput` option and its value, from which any process can make the validator again. */
  readonly builtin?: { readonly key: CheckKey; readonly value: unknown };
}

/** The transformer group shared by every data-quality decorator, so stacked ones apply together. */
export const DATA_QUALITY_GROUP = 'hamilton.data_quality';

const DEFAULT_SETTINGS: DataQualitySettings = { enabled: true };

/**
 * The modifier a data-quality decorator records. Stacked data-quality
 * decorators on one method (with the same target) share a group: the first
 * receives all of them as peers and injects one `x_raw` for all their checks.
 *
 * @example
 * modifierDecorator('@checkOutput', new DataQualityTransformer([{ validator, builtin: { key: 'range', value: [0, 1] } }]));
 */
export class DataQualityTransformer implements NodeTransformer {
  readonly stage = 'transform';
  readonly group = DATA_QUALITY_GROUP;

  constructor(
    readonly checks: readonly CheckEntry[],
    readonly target?: Target,
  ) {}

  transform(targets: readonly NodeSpec[], ctx: ResolveContext, peers: readonly NodeTransformer[]): NodeSpec[] {
    const settings = (ctx.settings.dataQuality as DataQualitySettings | undefined) ?? DEFAULT_SETTINGS;
    if (!settings.enabled) return [...targets];
    let checks = this.checks;
    if (peers.length > 1) {
      checks = [];
      for (const p of peers) if (p instanceof DataQualityTransformer) checks = checks.concat(p.checks);
    }
    if (targets.length === 1) return checkedNodes(targets[0]!, checks, ctx, settings.importance);
    const nodes: NodeSpec[] = [];
    for (let k = 0; k < targets.length; k++) {
      const made = checkedNodes(targets[k]!, checks, ctx, settings.importance);
      for (let j = 0; j < made.length; j++) nodes.push(made[j]!);
    }
    return nodes;
  }
}

/**
 * The nodes that replace one checked node: `x_raw`, its validator nodes, and the final `x`.
 *
 * @example
 * checkedNodes(node, [{ validator, builtin }], ctx).map((n) => n.name); // ['x_raw', 'x_range_validator', 'x']
 */
export function checkedNodes(f: NodeSpec, checks: readonly CheckEntry[], ctx: ResolveContext, forced?: 'warn' | 'fail'): NodeSpec[] {
  const { name, origin } = f;
  const rawName = `${name}_raw`;
  const plain = isEmpty(f.tags);
  const raw: NodeSpec = { ...f, name: rawName, role: 'raw', tags: plain ? RAW_TAGS : { ...f.tags, ...RAW_TAGS } };
  // Lists made at their final length: the driver keeps them, and a list grown
  // by push keeps room for 16 more entries.
  const nodes: NodeSpec[] = new Array(checks.length + 2);
  nodes[0] = raw;
  const readsRaw: readonly Dependency[] = [{ name: rawName, optional: false }];
  const finalDeps: Dependency[] = new Array(checks.length + 1);
  finalDeps[0] = readsRaw[0]!;
  const validatorTags = validatorTagsOf(name, plain ? undefined : f.tags);
  const seen = checks.length > 1 ? new Map<string, number>() : undefined;
  for (let k = 0; k < checks.length; k++) {
    const entry = checks[k]!;
    const { validator, column } = entry;
    const base = column === undefined ? `${name}_${validator.name}` : `${name}_${column}_${validator.name}`;
    const count = seen?.get(base) ?? 0;
    seen?.set(base, count + 1);
    const validatorName = count === 0 ? base : `${base}_${count}`;
    const importance = forced ?? validator.importance;
    const args: CheckArgs = entry.builtin
      ? { node: name, origin, importance, column, validator: validator.name, builtin: builtinArgsOf(entry) }
      : { node: name, origin, importance, column, validator: validator.name, custom: ctx.ref(validator) };
    // Plain literals with every property: one object shape for all validator and
    // final nodes keeps property reads on large graphs fast.
    nodes[k + 1] = {
      name: validatorName,
      role: 'validator',
      code: { kind: 'op', op: 'quality.check', args },
      dependencies: readsRaw,
      tags: validatorTags,
      origin,
      doc: validator.description,
      needsContext: false,
    };
    finalDeps[k + 1] = { name: validatorName, optional: false };
  }
  const finalArgs: FinalArgs = { node: name, origin, checks: checks.length };
  const final: { -readonly [K in keyof NodeSpec]: NodeSpec[K] } = {
    name,
    role: 'final',
    code: { kind: 'op', op: 'quality.final', args: finalArgs },
    dependencies: finalDeps,
    tags: f.tags,
    origin,
    doc: f.doc,
    needsContext: true,
  };
  if (f.options !== undefined) final.options = f.options;
  nodes[checks.length + 1] = final;
  return nodes;
}

const RAW_TAGS = Object.freeze({ [FrameworkTags.role]: 'raw' });

const builtinArgs = new WeakMap<CheckEntry, NonNullable<CheckArgs['builtin']>>();

/**
 * A built-in check's `builtin` args: one frozen object per check entry, shared
 * by its node in every build, so that linking makes its validator once (quality-ops.ts).
 */
function builtinArgsOf(entry: CheckEntry): NonNullable<CheckArgs['builtin']> {
  let args = builtinArgs.get(entry);
  if (args === undefined) {
    const { key, value } = entry.builtin!;
    args = Object.freeze({ key, value, importance: entry.validator.importance });
    builtinArgs.set(entry, args);
  }
  return args;
}

function validatorTagsOf(source: string, tags: Tags | undefined): Tags {
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
