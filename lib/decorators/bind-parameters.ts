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
  const names = new Set(params.map((p) => p.name));
  const unknown = Object.keys(mapping).filter((k) => !names.has(k));
  if (unknown.length) throw new DecoratorError(bindMessages.unknownParameters(ctx.origin, decorator, unknown, [...names]));
  const dependencies: Dependency[] = [];
  const index = new Map<string, number>();
  const depOf = (name: string, optional: boolean): Binding => {
    let k = index.get(name);
    if (k === undefined) {
      k = dependencies.length;
      index.set(name, k);
      dependencies.push({ name, optional });
    } else if (!optional && dependencies[k]!.optional) {
      dependencies[k] = { name, optional: false };
    }
    return { dep: k };
  };
  const item = (d: ValueDependency | SourceDependency, optional: boolean): Binding =>
    d.kind === 'value' ? { value: d.value } : depOf(d.name, optional);
  const bind: Binding[] = params.map((p) => {
    const d = Object.prototype.hasOwnProperty.call(mapping, p.name) ? mapping[p.name] : undefined;
    if (d === undefined) return depOf(p.name, p.optional);
    switch (d.kind) {
      case 'value': return { value: d.value };
      case 'source': return depOf(d.name, p.optional);
      case 'configuration': {
        if (!Object.prototype.hasOwnProperty.call(ctx.config, d.key)) {
          throw new DecoratorError(bindMessages.missingConfiguration(ctx.origin, decorator, p.name, d.key, Object.keys(ctx.config)));
        }
        return { value: ctx.config[d.key] };
      }
      default:
        return d.items
          ? { group: d.items.map((g) => item(g, p.optional)) }
          : { groupByKey: Object.entries(d.byKey!).map(([key, g]) => [key, item(g, p.optional)] as const) };
    }
  });
  const identity = bind.every((b, k) => 'dep' in b && b.dep === k) && bind.length === dependencies.length;
  return identity ? { dependencies } : { dependencies, bind };
}
