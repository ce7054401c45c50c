/**
 * The nodes a subdag adds: its modules' nodes under a namespace, and the nodes
 * that feed its inputs and config values. All carry the namespace tag (for
 * drawing clusters) and the non-final tag (so the method's other modifiers
 * apply to its own node by default, not to embedded ones).
 */
import { FrameworkTags, type Dependency, type NodeSpec, type Tags } from '../core/node.js';
import type { SourceDependency, ValueDependency } from './dependencies.js';
import { IDENTITY_OP, VALUE_OP } from './ops/passthrough.js';

/**
 * Puts nodes under `namespace`: each name becomes `namespace.name`, and a
 * dependency on one of the `local` names (the subdag's nodes, inputs and
 * config keys) is renamed the same way; any other dependency keeps its outer
 * name. Code is untouched: bindings read dependencies by position.
 *
 * @example
 * embedNodes(nodes, 'features', new Set(['a', 'b'])).map((n) => n.name); // ['features.a', 'features.b']
 */
export function embedNodes(nodes: readonly NodeSpec[], namespace: string, local: ReadonlySet<string>): NodeSpec[] {
  const rename = (d: Dependency): Dependency => (local.has(d.name) ? { name: `${namespace}.${d.name}`, optional: d.optional } : d);
  return nodes.map((n) => ({
    ...n,
    name: `${namespace}.${n.name}`,
    dependencies: n.dependencies.map(rename),
    tags: embeddedTags(namespace, n.tags),
  }));
}

/**
 * Nodes `namespace.key` for the subdag's inputs (a literal, or the value of
 * an outer node) and its own config values, as Hamilton makes them. An input
 * from an outer node that no embedded node reads is left out.
 *
 * @example
 * inputNodes({ path: value('a.csv') }, {}, 'features', embedded, 'Pipeline.features').map((n) => n.name); // ['features.path']
 */
export function inputNodes(
  inputs: Readonly<Record<string, ValueDependency | SourceDependency>>,
  config: Readonly<Record<string, unknown>>,
  namespace: string,
  embedded: readonly NodeSpec[],
  origin: string,
): NodeSpec[] {
  const read = new Set<string>();
  for (const n of embedded) for (const d of n.dependencies) read.add(d.name);
  const tags = embeddedTags(namespace, undefined);
  const out: NodeSpec[] = [];
  for (const [key, d] of Object.entries(inputs)) {
    const name = `${namespace}.${key}`;
    if (d.kind === 'value') out.push({ name, role: 'input', code: { kind: 'op', op: VALUE_OP, args: { value: d.value } }, dependencies: [], tags, origin });
    else if (read.has(name)) {
      out.push({ name, role: 'input', code: { kind: 'op', op: IDENTITY_OP, args: {} }, dependencies: [{ name: d.name, optional: false }], tags, origin });
    }
  }
  for (const [key, value] of Object.entries(config)) {
    out.push({ name: `${namespace}.${key}`, role: 'config', code: { kind: 'op', op: VALUE_OP, args: { value } }, dependencies: [], tags, origin });
  }
  return out;
}

/** The tags of an embedded node: its own, the namespace (outermost first when nested) and non-final. */
function embeddedTags(namespace: string, tags: Tags | undefined): Tags {
  const inner = tags?.[FrameworkTags.namespace];
  const ns = typeof inner === 'string' ? `${namespace}.${inner}` : namespace;
  return { ...tags, [FrameworkTags.namespace]: ns, [FrameworkTags.nonFinal]: 'true' };
}
