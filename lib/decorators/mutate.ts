/**
 * `@mutate(...targets)` (Hamilton's `mutate`): the decorated method is a step
 * applied to the output of OTHER methods of the same class, as if each of
 * them had it in a `@pipeOutput`. The method makes no node of its own.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeRemote, RemoteSource, RemoteTarget } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { mutateMessages } from './messages.js';
import { PipeOutputTransformer } from './pipe-output.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { checkParams, type ChainLink } from './step-chain.js';
import { applyTo, bindingsOf, Step, type StepBinding } from './step.js';

/**
 * The remote modifier behind `@mutate`: gives each target method a
 * `@pipeOutput` step that runs the decorated method, appended after the
 * target's own pipe steps.
 *
 * @example
 * new MutateRemote([applyTo('spend')], {}).modifierFor(source, { method: 'spend', name: 'spend' }, 0);
 */
export class MutateRemote implements NodeRemote {
  readonly stage = 'remote';
  readonly targets: readonly string[];

  constructor(
    /** One `applyTo` placeholder per target. */
    readonly steps: readonly Step[],
    /** Bindings for targets whose `applyTo` gives none (Hamilton's rule: the placeholder's own win whole). */
    readonly bindings: Readonly<Record<string, StepBinding>>,
  ) {
    this.targets = steps.map((s) => s.applyTo!);
  }

  modifierFor(source: RemoteSource, _target: RemoteTarget, k: number): PipeOutputTransformer {
    const placeholder = this.steps[k]!;
    const step = Object.keys(placeholder.bindings).length ? placeholder : new Step({ ...placeholder, bindings: bindingsOf('@mutate', this.bindings) });
    checkParams('@mutate', source.origin, source.method, source.params, step);
    const link: ChainLink = {
      step,
      decorator: '@mutate',
      fnName: source.method,
      params: source.params,
      method: { method: source.method, isStatic: source.isStatic, origin: source.origin },
    };
    return new PipeOutputTransformer([link]);
  }
}

/**
 * Applies the decorated method to the output of other `@node` methods of the
 * same class (Hamilton's `mutate`): its first parameter receives the target's
 * value, the others come from `bindings` (or from the nodes of their names).
 * A target is a method name or the node name a method makes (then every
 * method making it, such as its config variants); `applyTo(target, bindings)`
 * gives one target its own bindings, `.onOutput()`, `.when*()` or `.named()`.
 * Each target `x` becomes `x.raw` → `x.with_<method>` → `x`; the decorated
 * method itself is no node.
 *
 * @example
 * class Sales {
 *   @node() spend(raw: number[]) { return raw; }
 *   @node() signups(raw: number[]) { return raw; }
 *
 *   @mutate('spend', 'signups', { floor: value(0) })
 *   @node()
 *   _clipped(x: number[], floor: number) { return x.map((v) => Math.max(v, floor)); }
 * }
 */
export function mutate(...items: readonly (string | Step | Readonly<Record<string, StepBinding>>)[]): MethodDecorator {
  const last = items[items.length - 1];
  const hasBindings = last !== undefined && typeof last !== 'string' && !(last instanceof Step);
  const targets = hasBindings ? items.slice(0, -1) : items;
  if (hasBindings && !isPlainObject(last)) throw new DecoratorError(mutateMessages.badBindings(last));
  const bindings = hasBindings ? (last as Readonly<Record<string, StepBinding>>) : {};
  if (targets.length === 0) throw new DecoratorError(mutateMessages.noTargets());
  const steps = targets.map((t, k) => {
    if (typeof t === 'string') return applyTo(t);
    if (t instanceof Step && t.applyTo !== undefined) return t;
    throw new DecoratorError(mutateMessages.badTarget(k, t));
  });
  bindingsOf('@mutate', bindings);
  return modifierDecorator('@mutate', new MutateRemote(steps, bindings));
}
