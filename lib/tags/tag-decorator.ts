/**
 * The decorate-stage modifiers behind @tag and @tagOutputs: tags as data,
 * merged into node specs.
 */
import { DecoratorError } from '../core/errors.js';
import { tagMessages } from '../core/messages.js';
import type { NodeSpec, Tags } from '../core/node.js';
import type { NodeDecorator, ResolveContext, Target } from '../core/resolve/modifiers.js';

/**
 * Adds tags to the targeted nodes (the method's final nodes by default),
 * without overwriting a key a higher decorator already set.
 *
 * @example
 * new TagDecorator({ owner: 'ds' }).decorate(nodes, new Set(['x']), ctx);
 */
export class TagDecorator implements NodeDecorator {
  readonly stage = 'decorate';
  readonly order = 0;

  constructor(
    readonly tags: Tags,
    readonly target?: Target,
  ) {}

  decorate(nodes: readonly NodeSpec[], targets: ReadonlySet<string>): NodeSpec[] {
    return nodes.map((n) => (targets.has(n.name) ? { ...n, tags: { ...this.tags, ...n.tags } } : n));
  }
}

/**
 * Adds tags per output name; runs after @tag and wins over it on a key.
 *
 * @example
 * new TagOutputsDecorator({ a: { pii: 'false' } }).decorate(nodes, finals, ctx);
 */
export class TagOutputsDecorator implements NodeDecorator {
  readonly stage = 'decorate';
  readonly order = 1;
  readonly target = 'all';

  constructor(readonly byOutput: Readonly<Record<string, Tags>>) {}

  decorate(nodes: readonly NodeSpec[], _targets: ReadonlySet<string>, ctx: ResolveContext): NodeSpec[] {
    const names = new Set(nodes.map((n) => n.name));
    const unknown = Object.keys(this.byOutput).filter((o) => !names.has(o));
    if (unknown.length) throw new DecoratorError(tagMessages.unknownOutputs(ctx.origin, unknown, [...names]));
    const by = this.byOutput;
    return nodes.map((n) => (Object.hasOwn(by, n.name) ? { ...n, tags: { ...n.tags, ...by[n.name] } } : n));
  }
}
