/**
 * Turns "parameter ← dependency spec" mappings into a node's dependencies and
 * the bindings that fill its function's parameters (NodeSpec `code.bind`).
 * Shared by every modifier that binds parameters.
 */
import { DecoratorError } from '../core/errors.js';
import type { Binding, Dependency } from '../core/node.js';
import type { ResolveContext } from '../core/resolve/modifiers.js';
import type { DependencySpec, SourceDependency, ValueDependency } from './dependencies.js';
import { bindMessages } from './messages.js';

/** Dependencies and bindings of a function whose parameters are partly bound. */
export interface BoundParameters {
  readonly dependencies: readonly Dependency[];
  /** Absent when every parameter reads the dependency at its own position. */
  readonly bind?: readonly Binding[];
}

/**
 * Binds `params` (the function's parameters, in order) by `mapping`; a
 * parameter not in the mapping stays a dependency on its own name.
 *
 * @example
 * bindParameters([{ name: 'spend', optional: false }, { name: 'weeks', optional: false }], { weeks: value(3) }, ctx, '@parameterize');
 * // { dependencies: [{ name: 'spend', optional: false }], bind: [{ dep: 0 }, { value: 3 }] }
 */
export function bindParameters(
  params: readonly Dependency[],
  mapping: Readonly<Record<string, DependencySpec>>,
  ctx: Pick<ResolveContext, 'origin' | 'config'>,
  decorator: string,
): BoundParameters {
  for (const key in mapping) {
    if (Object.prototype.hasOwnProperty.call(mapping, key) && !hasParameter(params, key)) {
      const names = [...new Set(params.map((p) => p.name))];
      const unknown = Object.keys(mapping).filter((k) => !names.includes(k));
      throw new DecoratorError(bindMessages.unknownParameters(ctx.origin, decorator, unknown, names));
    }
  }
  // A function has a handful of parameters: lists searched in order replace the
  // sets and maps this once used, since it runs for every generated node.
  const dependencies: Dependency[] = [];
  const depOf = (name: string, optional: boolean): Binding => {
    let k = 0;
    while (k < dependencies.length && dependencies[k]!.name !== name) k++;
    if (k === dependencies.length) dependencies.push({ name, optional });
    else if (!optional && dependencies[k]!.optional) dependencies[k] = { name, optional: false };
    return { dep: k };
  };
  const item = (d: ValueDependency | SourceDependency, optional: boolean): Binding =>
    d.kind === 'value' ? { value: d.value } : depOf(d.name, optional);
  const bind: Binding[] = new Array(params.length);
  let identity = true;
  for (let k = 0; k < params.length; k++) {
    const p = params[k]!;
    const d = Object.prototype.hasOwnProperty.call(mapping, p.name) ? mapping[p.name] : undefined;
    let b: Binding;
    if (d === undefined) b = depOf(p.name, p.optional);
    else {
      switch (d.kind) {
        case 'value': b = { value: d.value }; break;
        case 'source': b = depOf(d.name, p.optional); break;
        case 'configuration': {
          if (!Object.prototype.hasOwnProperty.call(ctx.config, d.key)) {
            throw new DecoratorError(bindMessages.missingConfiguration(ctx.origin, decorator, p.name, d.key, Object.keys(ctx.config)));
          }
          b = { value: ctx.config[d.key] };
          break;
        }
        default:
          b = d.items
            ? { group: d.items.map((g) => item(g, p.optional)) }
            : { groupByKey: Object.entries(d.byKey!).map(([key, g]) => [key, item(g, p.optional)] as const) };
      }
    }
    if (!('dep' in b) || b.dep !== k) identity = false;
    bind[k] = b;
  }
  return identity && bind.length === dependencies.length ? { dependencies } : { dependencies, bind };
}

function hasParameter(params: readonly Dependency[], name: string): boolean {
  for (let k = 0; k < params.length; k++) if (params[k]!.name === name) return true;
  return false;
}
