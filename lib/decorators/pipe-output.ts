/**
 * `@pipeOutput(step(...), ...)` (Hamilton's `pipe_output`): the method's
 * output is passed through each step after the body runs. Node `x` becomes
 * `x.raw` (the body), the steps `x.with_fn`, and a final `x` that hands on
 * the last step's value, so downstream nodes and checks see the piped value.
 */
import { DecoratorError } from '../core/errors.js';
import { FrameworkTags, type NodeSpec } from '../core/node.js';
import type { NodeTransformer, ResolveContext, Target } from '../core/resolve/modifiers.js';
import { pipeMessages } from './messages.js';
import { IDENTITY_OP } from './ops/passthrough.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { chainSteps, linksOf, pipeArguments, type ChainLink } from './step-chain.js';
import { isTarget, type Step } from './step.js';

/** Options of `@pipeOutput`, given after the steps. */
export interface PipeOutputOptions {
  /** Namespace of the steps' nodes: by default the node's name (`x.with_fn`); null for none; or a string. */
  readonly namespace?: string | null;
  /**
   * Which of the method's nodes the steps apply to, when a modifier makes
   * several: by default its final nodes; a name or a list (Hamilton's
   * `on_output`). Steps then cannot set their own `.onOutput()`.
   */
  readonly onOutput?: Target;
}

/** The transformer group of pipe steps, so that `@pipeOutput`s and `@mutate`s on one method make one chain per node. */
export const PIPE_OUTPUT_GROUP = 'hamilton.pipe_output';

/**
 * The transformer behind `@pipeOutput` and `@mutate`. All of a method's pipe
 * transformers form one group: the first receives them all as peers and
 * chains every step, in source order (`@mutate` steps last), onto each node
 * a step applies to. It runs before other transformers (order -1), so a
 * `@checkOutput` checks the piped value.
 *
 * @example
 * new PipeOutputTransformer(links).transform(nodes, ctx, [t]).map((n) => n.name); // ['x.raw', 'x.with_scale', 'x']
 */
export class PipeOutputTransformer implements NodeTransformer {
  readonly stage = 'transform';
  readonly group = PIPE_OUTPUT_GROUP;
  readonly order = -1;
  // Targets are chosen per step, so every pipe transformer of a method sees all its nodes.
  readonly target = 'all';

  constructor(readonly links: readonly ChainLink[]) {}

  transform(nodes: readonly NodeSpec[], ctx: ResolveContext, peers: readonly NodeTransformer[]): NodeSpec[] {
    const links = peers.length > 1 ? peers.flatMap((p) => (p instanceof PipeOutputTransformer ? p.links : [])) : this.links;
    const names = new Set(nodes.map((n) => n.name));
    for (const l of links) {
      const unknown = namedTargets(l.step.target).filter((t) => !names.has(t));
      if (unknown.length) throw new DecoratorError(pipeMessages.unknownOutput(l.decorator, ctx.origin, unknown, [...names]));
    }
    const finals = finalNames(nodes);
    const out: NodeSpec[] = [];
    for (const n of nodes) {
      const chosen = links.filter((l) => applies(l.step.target, n.name, finals));
      const chain = chosen.length ? chainSteps(chosen, `${n.name}.raw`, n.name, ctx) : undefined;
      if (!chain || chain.nodes.length === 0) {
        out.push(n);
        continue;
      }
      out.push({ ...n, name: `${n.name}.raw`, role: 'raw' }, ...chain.nodes, passOn(n, chain.last));
    }
    return out;
  }
}

/**
 * Runs the method's output through each step after the body (Hamilton's
 * `pipe_output`): `x.raw` → `x.with_fn` ... → `x`. Steps with `.when*` apply
 * only when config matches; `.onOutput()` (or the `onOutput` option) picks
 * among several outputs. Options may follow the steps.
 *
 * @example
 * class Sales {
 *   @pipeOutput(step(clip, { max: value(100) }), step(round))
 *   @node()
 *   forecast(history: number[]) { return history.map((h) => h * 1.1); }
 * }
 */
export function pipeOutput(...items: readonly (Step | PipeOutputOptions)[]): MethodDecorator {
  const { steps, options } = pipeArguments<PipeOutputOptions>('@pipeOutput', items);
  const { namespace, onOutput } = options;
  if (onOutput !== undefined && !isTarget(onOutput)) throw new DecoratorError(pipeMessages.badOnOutput(onOutput));
  return (value, context) => {
    const method = String(context.name);
    let links = linksOf('@pipeOutput', method, steps, namespace);
    if (onOutput !== undefined) {
      if (links.some((l) => l.step.target !== undefined)) throw new DecoratorError(pipeMessages.twoTargets(method));
      links = links.map((l) => ({ ...l, step: l.step.onOutput(onOutput) }));
    }
    modifierDecorator('@pipeOutput', new PipeOutputTransformer(links))(value, context);
  };
}

/** The final node of a pipe: the node's name, tags, doc and options, handing on the last step's value. */
function passOn(n: NodeSpec, last: string): NodeSpec {
  const final: { -readonly [K in keyof NodeSpec]: NodeSpec[K] } = {
    name: n.name,
    role: 'final',
    code: { kind: 'op', op: IDENTITY_OP, args: {} },
    dependencies: [{ name: last, optional: false }],
    tags: n.tags,
  };
  if (n.origin !== undefined) final.origin = n.origin;
  if (n.doc !== undefined) final.doc = n.doc;
  if (n.options !== undefined) final.options = n.options;
  return final;
}

/** The default targets: nodes no other node of the method reads, and not tagged non-final. */
function finalNames(nodes: readonly NodeSpec[]): Set<string> {
  const used = new Set<string>();
  for (const n of nodes) for (const d of n.dependencies) used.add(d.name);
  return new Set(nodes.filter((n) => !used.has(n.name) && n.tags[FrameworkTags.nonFinal] !== 'true').map((n) => n.name));
}

/** Whether a step with `target` applies to node `name`: by default to the final nodes; 'all'; or the named ones. */
function applies(target: Target | undefined, name: string, finals: ReadonlySet<string>): boolean {
  if (target === undefined) return finals.has(name);
  return target === 'all' || namedTargets(target).includes(name);
}

function namedTargets(t: Target | undefined): readonly string[] {
  if (t === undefined || t === 'all') return [];
  return typeof t === 'string' ? [t] : t;
}
