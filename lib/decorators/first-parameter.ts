/**
 * Which dependency a node's first parameter reads, for the modifiers that work
 * on that parameter's value (`@pipeInput`, `@withColumns`). A node made by an
 * earlier modifier may bind its parameters, so the first parameter is not
 * always the first dependency.
 */
import type { NodeSpec } from '../core/node.js';

/**
 * The name of the dependency the node's first parameter reads; `'none'` when
 * its code takes no parameter, `'bound'` when a value or group fills it.
 *
 * @example
 * firstParameterDependency(node); // 'raw' for cleaned(raw: number[]), or 'none' / 'bound'
 */
export function firstParameterDependency(node: NodeSpec): { readonly name: string } | 'none' | 'bound' {
  const code = node.code;
  const first = code.kind !== 'op' && code.bind ? code.bind[0] : { dep: 0 };
  if (first === undefined) return 'none';
  if (!('dep' in first)) return 'bound';
  const dependency = node.dependencies[first.dep];
  return dependency === undefined ? 'none' : { name: dependency.name };
}
