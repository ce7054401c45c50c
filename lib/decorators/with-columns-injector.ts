/**
 * The injector behind `@withColumns` (Hamilton's `with_columns`, recursive.py):
 * the nodes of the given modules, namespaced under the method, fed with the
 * columns of the method's table parameter, and a last node appending the
 * selected ones to that table, which the method then reads instead.
 */
import { DecoratorError } from '../core/errors.js';
import type { Dependency, NodeSpec } from '../core/node.js';
import type { NodeInjector, ResolveContext } from '../core/resolve/modifiers.js';
import { firstParameterDependency } from './first-parameter.js';
import { withColumnsMessages } from './messages.js';
import type { AppendColumnsArgs } from './ops/append-columns.js';
import type { ColumnArgs } from './ops/extract.js';
import { readerNode } from './output-nodes.js';
// Registers the ops the nodes made here run.
import './ops/append-columns.js';
import './ops/extract.js';

/** The checked options of `@withColumns` (exactly one of the first three is set). */
export interface WithColumnsSettings {
  readonly columnsToPass?: readonly string[];
  readonly onInput?: string;
  readonly passDataframeAs?: string;
  readonly select: readonly string[];
  readonly namespace?: string;
}

const NO_TAGS = Object.freeze({});

/**
 * Plain data: the module classes and the options. Modules are added to the
 * build and resolved when the graph is built, with the build's config.
 *
 * @example
 * new WithColumnsInjector([Features], { columnsToPass: ['a'], select: ['aPlusOne'] }).inject(node, ctx);
 */
export class WithColumnsInjector implements NodeInjector {
  readonly stage = 'inject';

  constructor(
    readonly modules: readonly Function[],
    readonly options: WithColumnsSettings,
  ) {}

  inject(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    const o = this.options;
    const ns = o.namespace ?? ctx.method;
    const local = (name: string) => `${ns}.${name}`;
    const table = tableDependency(node, o.onInput, ctx);
    const inner = moduleNodes(this.modules, ctx);
    const passed = o.columnsToPass ?? [];
    const clash = passed.filter((c) => inner.has(c)).concat(o.passDataframeAs !== undefined && inner.has(o.passDataframeAs) ? [o.passDataframeAs] : []);
    if (clash.length) throw new DecoratorError(withColumnsMessages.passedIsNode(ctx.origin, clash));
    const known = new Set([...passed, ...inner.keys()]);
    const unknown = o.select.filter((s) => !known.has(s));
    if (unknown.length) throw new DecoratorError(withColumnsMessages.unknownSelect(ctx.origin, unknown, [...known]));

    const needed = upstreamOf(o.select, inner);
    const nodes: NodeSpec[] = [];
    for (const column of passed) {
      if (!needed.has(column)) continue;
      const args: ColumnArgs = { column, node: table, origin: ctx.origin, decorator: '@withColumns', parameter: true };
      nodes.push(readerNode(local(column), 'column', table, { kind: 'op', op: 'decorators.column', args }, { tags: NO_TAGS, origin: ctx.origin }));
    }
    // Names made inside read each other namespaced; anything else comes from outside, as it is.
    const rename = (d: Dependency): Dependency =>
      known.has(d.name) ? { name: local(d.name), optional: d.optional } : d.name === o.passDataframeAs ? { name: table, optional: d.optional } : d;
    for (const n of inner.values()) {
      if (needed.has(n.name)) nodes.push({ ...n, name: local(n.name), dependencies: n.dependencies.map(rename) });
    }
    const appendName = local('_append');
    const args: AppendColumnsArgs = { node: appendName, origin: ctx.origin, table, columns: o.select };
    nodes.push({
      name: appendName,
      role: 'combine',
      code: { kind: 'op', op: 'decorators.appendColumns', args },
      dependencies: [{ name: table, optional: false }, ...o.select.map((s) => ({ name: local(s), optional: false }))],
      tags: NO_TAGS,
      origin: ctx.origin,
    });
    // Renamed in place: the method's bindings read dependencies by position.
    nodes.push({ ...node, dependencies: node.dependencies.map((d) => (d.name === table ? { name: appendName, optional: false } : d)) });
    return nodes;
  }
}

/** The dependency the table comes from: `onInput`, or the method's first parameter. */
function tableDependency(node: NodeSpec, onInput: string | undefined, ctx: ResolveContext): string {
  const names = node.dependencies.map((d) => d.name);
  if (onInput !== undefined) {
    if (!names.includes(onInput)) throw new DecoratorError(withColumnsMessages.notAParameter(ctx.origin, onInput, names));
    return onInput;
  }
  const first = firstParameterDependency(node);
  if (typeof first === 'string') throw new DecoratorError(withColumnsMessages.noParameter(ctx.origin));
  return first.name;
}

/** The nodes of the modules, added to the build and resolved, by name. */
function moduleNodes(modules: readonly Function[], ctx: ResolveContext): Map<string, NodeSpec> {
  const byName = new Map<string, NodeSpec>();
  for (const m of modules) {
    for (const n of ctx.resolveModule(ctx.addModule(m)).nodes) {
      const previous = byName.get(n.name);
      if (previous) throw new DecoratorError(withColumnsMessages.twice(ctx.origin, n.name, [previous.origin, n.origin]));
      byName.set(n.name, n);
    }
  }
  return byName;
}

/** The selected names and everything inside they need (Hamilton prunes the rest). */
function upstreamOf(select: readonly string[], inner: ReadonlyMap<string, NodeSpec>): Set<string> {
  const seen = new Set(select);
  const stack = [...select];
  while (stack.length) {
    const n = inner.get(stack.pop()!);
    if (!n) continue;
    for (const d of n.dependencies) {
      if (!seen.has(d.name)) {
        seen.add(d.name);
        stack.push(d.name);
      }
    }
  }
  return seen;
}
