/**
 * `@pipeInput(step(...), ...)` and its alias `@pipe` (Hamilton's `pipe_input`):
 * the method's first parameter (or `onInput`) is passed through each step's
 * function before the body runs; each step is a visible node `x.with_fn`.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeInjector, ResolveContext } from '../core/resolve/modifiers.js';
import { firstParameterDependency } from './first-parameter.js';
import { pipeMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { chainSteps, linksOf, pipeArguments, type ChainLink } from './step-chain.js';
import type { Step } from './step.js';

/** Options of `@pipeInput`, given after the steps. */
export interface PipeInputOptions {
  /**
   * Namespace of every step's node: by default the node's name (`x.with_fn`);
   * null for none (`with_fn`); a string for that one (`ns.with_fn`). When given,
   * the steps cannot set their own with `.named(name, { namespace })`.
   */
  readonly namespace?: string | null;
  /** The parameter (dependency) the steps apply to; default: the first. */
  readonly onInput?: string;
}

/**
 * The injector behind `@pipeInput`: for each body node, chains the steps that
 * apply under the config from the piped dependency, and makes the node read
 * the last step instead.
 *
 * @example
 * new PipeInputInjector('@pipeInput', links, 'raw').inject(node, ctx).map((n) => n.name); // ['cleaned.with_scale', 'cleaned']
 */
export class PipeInputInjector implements NodeInjector {
  readonly stage = 'inject';

  constructor(
    readonly decorator: string,
    readonly links: readonly ChainLink[],
    readonly onInput?: string,
  ) {}

  inject(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    const input = this.inputOf(node, ctx);
    const { nodes, last } = chainSteps(this.links, input, node.name, ctx);
    if (nodes.length === 0) return [node];
    const dependencies = node.dependencies.map((d) => (d.name === input ? { name: last, optional: false } : d));
    return [...nodes, { ...node, dependencies }];
  }

  /** The dependency the steps apply to: `onInput`, or the one the method's first parameter reads. */
  private inputOf(node: NodeSpec, ctx: ResolveContext): string {
    const names = node.dependencies.map((d) => d.name);
    if (this.onInput !== undefined) {
      if (!names.includes(this.onInput)) throw new DecoratorError(pipeMessages.unknownInput(this.decorator, ctx.origin, node.name, this.onInput, names));
      return this.onInput;
    }
    const first = firstParameterDependency(node);
    if (first === 'none') throw new DecoratorError(pipeMessages.noParameters(this.decorator, ctx.origin, node.name));
    if (first === 'bound') throw new DecoratorError(pipeMessages.firstNotADependency(this.decorator, ctx.origin, node.name));
    return first.name;
  }
}

/**
 * Runs the method's first parameter through each step before the body runs
 * (Hamilton's `pipe_input`). The steps become nodes `x.with_fn` (a repeated
 * function gets `_1`, `_2`), or the name `.named()` gives; `.when*` steps
 * apply only when config matches. Options may follow the steps.
 *
 * @example
 * class Sales {
 *   @pipeInput(step(dropNegative), step(scale, { factor: value(2) }).when({ scaled: true }))
 *   @node()
 *   cleaned(raw: number[]) { return raw; }
 * }
 */
export function pipeInput(...items: readonly (Step | PipeInputOptions)[]): MethodDecorator {
  return pipeInputNamed('@pipeInput', items);
}

/**
 * Alias of `@pipeInput` (Hamilton's `pipe`, its older name).
 *
 * @example
 * @pipe(step(dropNegative))
 * @node()
 * cleaned(raw: number[]) { return raw; }
 */
export function pipe(...items: readonly (Step | PipeInputOptions)[]): MethodDecorator {
  return pipeInputNamed('@pipe', items);
}

function pipeInputNamed(decorator: string, items: readonly (Step | PipeInputOptions)[]): MethodDecorator {
  const { steps, options } = pipeArguments<PipeInputOptions>(decorator, items);
  const { namespace, onInput } = options;
  if (onInput !== undefined && (typeof onInput !== 'string' || onInput.length === 0)) throw new DecoratorError(pipeMessages.badOnInput(decorator, onInput));
  return (value, context) => {
    const links = linksOf(decorator, String(context.name), steps, namespace);
    modifierDecorator(decorator, new PipeInputInjector(decorator, links, onInput))(value, context);
  };
}
