/**
 * The decorate-stage modifier that sets run-stage options on a method's nodes
 * (`parallelizable`, `collect`, cache behaviour ...): plain data the scheduler reads.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeDecorator, ResolveContext, Target } from '../core/resolve/modifiers.js';
import { optionMessages } from './messages.js';

/**
 * Merges `options` into the targeted nodes' `options` (the final nodes by default).
 * `requiresDependency` names a dependency each targeted node must have.
 *
 * @example
 * new NodeOptionsDecorator('@parallelizable', { parallelizable: true });
 */
export class NodeOptionsDecorator implements NodeDecorator {
  readonly stage = 'decorate';

  constructor(
    readonly decorator: string,
    readonly options: Readonly<Record<string, unknown>>,
    readonly requiresDependency?: string,
    readonly target?: Target,
  ) {}

  decorate(nodes: readonly NodeSpec[], targets: ReadonlySet<string>, ctx: ResolveContext): NodeSpec[] {
    return nodes.map((n) => {
      if (!targets.has(n.name)) return n;
      const dep = this.requiresDependency;
      if (dep !== undefined && !n.dependencies.some((d) => d.name === dep)) {
        throw new DecoratorError(optionMessages.missingDependency(ctx.origin, this.decorator, dep, n.dependencies.map((d) => d.name)));
      }
      return { ...n, options: { ...n.options, ...this.options } };
    });
  }
}
