// Helpers shared by the pipe and subdag suites.
import { Builder, modifierDecorator, type Driver, type Module, type NodeExpander, type NodeInfo, type NodeSpec } from '../../lib/index.js';
import { silent } from '../support.js';

/** A driver over the modules (with this config), logging nothing. */
export const build = (modules: readonly Module[], config: Record<string, unknown> = {}): Driver =>
  new Builder().withModules(...modules).withConfig(config).withLogger(silent).build();

/** The driver's nodes by name. */
export const byName = (dr: Driver): Map<string, NodeInfo> => new Map(dr.listAvailableVariables().map((n) => [n.name, n]));

/** A node's dependency names, in order. */
export const deps = (info: NodeInfo | undefined): string[] | undefined => info?.dependencies.map((d) => d.name);

/** A test expander: the method's node under two names (`<name>A`, `<name>B`), as extractColumns makes several outputs. */
export const twice = () =>
  modifierDecorator('@twice', {
    stage: 'expand',
    expand: (n: NodeSpec): NodeSpec[] => [{ ...n, name: `${n.name}A` }, { ...n, name: `${n.name}B` }],
  } satisfies NodeExpander);
