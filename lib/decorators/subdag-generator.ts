/**
 * The generator behind `@subdag` and `@parameterizedSubdag` (Hamilton's
 * `subdag` in recursive.py): resolves other modules into this build under
 * their own config, puts their nodes under a namespace (`ns.node`), adds
 * nodes for the subdag's `inputs` and `config`, and makes the method's node
 * read its parameters from the namespaced nodes.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { Config, NodeGenerator, ResolveContext } from '../core/resolve/modifiers.js';
import type { Module } from '../core/resolve/resolve.js';
import { isPlainObject } from '../core/values.js';
import { isDependency, type DependencySpec, type SourceDependency, type ValueDependency } from './dependencies.js';
import { subdagMessages } from './messages.js';
import { checkName } from './step.js';
import { embedNodes, inputNodes } from './subdag-nodes.js';

/** Where a subdag's external input comes from: an outer node or input (`source`), or a literal (`value`). */
export type SubdagInput = ValueDependency | SourceDependency;

/** The options shared by `@subdag` and each entry of `@parameterizedSubdag`. */
export interface SubdagParts {
  /** Feeds the subdag's external inputs: `{ path: source('salesPath') }` or `{ path: value('sales.csv') }`. */
  readonly inputs?: Readonly<Record<string, SubdagInput>>;
  /** The subdag's own config, merged over the outer config: literals, `value(x)` or `configuration('outerKey')`. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Parameters of the method read from outer nodes, not from the subdag. */
  readonly externalInputs?: readonly string[];
}

/** One embedding: which modules, under which namespace, feeding which node. */
export interface SubdagPart {
  readonly decorator: string;
  readonly modules: readonly Module[];
  readonly inputs: Readonly<Record<string, SubdagInput>>;
  readonly config: Readonly<Record<string, unknown>>;
  readonly externalInputs: readonly string[];
  /** Undefined: the node's name. */
  readonly namespace?: string;
  /** Undefined: the node's name. */
  readonly finalName?: string;
}

/**
 * Makes a method's nodes from one or more embedded module sets.
 *
 * @example
 * new SubdagGenerator([part]).generate(node, ctx).map((n) => n.name); // ['features.a', 'features.b', 'features']
 */
export class SubdagGenerator implements NodeGenerator {
  readonly stage = 'generate';

  constructor(readonly parts: readonly SubdagPart[]) {}

  generate(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    return this.parts.flatMap((p) => embed(p, node, ctx));
  }
}

/**
 * Checks a subdag's modules and options when the class is defined, and makes its part.
 *
 * @example
 * subdagPart('@subdag', 'features', [Features], { inputs: { path: value('a.csv') } }, 'fromA', 'fromA');
 */
export function subdagPart(
  decorator: string,
  method: string,
  modules: unknown,
  parts: SubdagParts,
  namespace: string | undefined,
  finalName: string | undefined,
): SubdagPart {
  if (!Array.isArray(modules) || modules.length === 0) throw new DecoratorError(subdagMessages.noModules(decorator, method, modules));
  modules.forEach((m, k) => {
    if (m === null || (typeof m !== 'function' && typeof m !== 'object')) throw new DecoratorError(subdagMessages.notAModule(decorator, method, k, m));
  });
  if (namespace !== undefined) checkName(`${decorator} on method \`${method}\`: namespace`, namespace);
  const inputs = parts.inputs ?? {};
  const config = parts.config ?? {};
  const externalInputs = parts.externalInputs ?? [];
  if (!isPlainObject(inputs)) throw new DecoratorError(subdagMessages.badInputs(decorator, method, inputs));
  for (const [k, d] of Object.entries(inputs)) {
    if (!isDependency(d) || (d.kind !== 'value' && d.kind !== 'source')) throw new DecoratorError(subdagMessages.badInput(decorator, method, k, d));
  }
  if (!isPlainObject(config)) throw new DecoratorError(subdagMessages.badConfig(decorator, method, config));
  for (const [k, d] of Object.entries(config)) {
    if (isDependency(d) && d.kind !== 'value' && d.kind !== 'configuration') throw new DecoratorError(subdagMessages.badConfigValue(decorator, method, k, d));
  }
  const shared = Object.keys(inputs).filter((k) => Object.prototype.hasOwnProperty.call(config, k));
  if (shared.length) throw new DecoratorError(subdagMessages.inputIsConfig(decorator, method, shared));
  if (!Array.isArray(externalInputs) || externalInputs.some((e) => typeof e !== 'string' || e.length === 0)) {
    throw new DecoratorError(subdagMessages.badExternalInputs(decorator, method, externalInputs));
  }
  return Object.freeze({
    decorator,
    modules: Object.freeze([...modules]),
    inputs: Object.freeze({ ...inputs }),
    config: Object.freeze({ ...config }),
    externalInputs: Object.freeze([...externalInputs]),
    ...(namespace !== undefined ? { namespace } : {}),
    ...(finalName !== undefined ? { finalName } : {}),
  });
}

/** The embedded nodes of one part, its input and config nodes, and the node that reads them. */
function embed(part: SubdagPart, node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
  const namespace = part.namespace ?? node.name;
  checkName(`${part.decorator} on ${ctx.origin}: namespace`, namespace);
  const own = ownConfig(part, ctx);
  const config: Config = { ...ctx.config, ...own };
  const inner: NodeSpec[] = [];
  const madeBy = new Map<string, string>();
  for (const m of part.modules) {
    const { nodes } = ctx.resolveModule(ctx.addModule(m), { config });
    for (const n of nodes) {
      const other = madeBy.get(n.name);
      if (other !== undefined) throw new DecoratorError(subdagMessages.innerDuplicate(part.decorator, ctx.origin, n.name, [other, n.origin ?? '?']));
      madeBy.set(n.name, n.origin ?? '?');
      inner.push(n);
    }
  }
  const local = new Set([...madeBy.keys(), ...Object.keys(part.inputs), ...Object.keys(own)]);
  const embedded = embedNodes(inner, namespace, local);
  const extra = inputNodes(part.inputs, own, namespace, embedded, ctx.origin);
  const made = new Set([...embedded, ...extra].map((n) => n.name));
  const dependencies = node.dependencies.map((d) => {
    if (part.externalInputs.includes(d.name)) return d;
    const name = `${namespace}.${d.name}`;
    if (!made.has(name) && !d.optional) throw new DecoratorError(subdagMessages.unknownParameter(part.decorator, ctx.origin, d.name, namespace, [...madeBy.keys()]));
    return { name, optional: d.optional };
  });
  return [...embedded, ...extra, { ...node, name: part.finalName ?? node.name, dependencies }];
}

/** The subdag's own config values: literals, `value(x)`, or `configuration('key')` read from the outer config. */
function ownConfig(part: SubdagPart, ctx: ResolveContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(part.config)) {
    if (!isDependency(v)) out[k] = v;
    else if (v.kind === 'value') out[k] = v.value;
    else {
      const key = (v as DependencySpec & { key: string }).key;
      if (!Object.prototype.hasOwnProperty.call(ctx.config, key)) throw new DecoratorError(subdagMessages.missingConfiguration(part.decorator, ctx.origin, k, key, Object.keys(ctx.config)));
      out[k] = ctx.config[key];
    }
  }
  return out;
}
