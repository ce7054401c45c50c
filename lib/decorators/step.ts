/**
 * `step(fn, bindings)`: one function applied inside a pipe (Hamilton's
 * `step`), and `applyTo(target)`, its placeholder for `@mutate`. A step is an
 * immutable record; `.when*`, `.named` and `.onOutput` return changed copies.
 */
import { DecoratorError } from '../core/errors.js';
import type { Config, Target } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { configMatches, type ConfigTest } from './config-match.js';
import { isDependency, value, type DependencySpec } from './dependencies.js';
import { stepMessages } from './messages.js';

/** Where a step parameter's value comes from: `value(x)`, `source('n')`, `configuration('k')`, `group(...)`, or a literal (read as `value(literal)`). */
export type StepBinding = DependencySpec | string | number | boolean | bigint | null | object;

/** How a step's config condition compares each key: as `@config.when` and its siblings do. */
export type StepTest = ConfigTest;

/** One `.when*` condition of a step; its keys are ANDed. */
export interface StepCondition {
  readonly test: StepTest;
  readonly conditions: Readonly<Record<string, unknown>>;
}

/** Options of `step`. */
export interface StepOptions {
  /**
   * The function's parameter names, when its source cannot tell them (a bound
   * or built-in function, destructured parameters); the first is the one the
   * pipe passes the value through.
   */
  readonly inputs?: readonly string[];
}

/** The plain fields of a step, as its constructor takes them. */
export type StepFields = Pick<Step, 'fn' | 'bindings' | 'inputs' | 'conditions' | 'name' | 'namespace' | 'target' | 'applyTo'>;

/**
 * A function applied inside a pipe, with its bindings and options. Made by
 * `step(...)` or `applyTo(...)`; each method returns a changed copy.
 *
 * @example
 * const s = step(scale, { factor: value(2) }).when({ mode: 'prod' }).named('scaled');
 */
export class Step {
  /** The function; absent in an `applyTo` placeholder, whose function is the method `@mutate` decorates. */
  readonly fn?: Function;
  /** Bindings of the function's parameters after the first. */
  readonly bindings: Readonly<Record<string, DependencySpec>>;
  readonly inputs?: readonly string[];
  readonly conditions: readonly StepCondition[];
  /** The node's name within its namespace (`.named`); default `with_<function name>`. */
  readonly name?: string;
  /** `.named(name, { namespace })`: undefined inherits the pipe's, null means none. */
  readonly namespace?: string | null;
  /** `.onOutput(...)`: which of the method's nodes a pipeOutput step applies to. */
  readonly target?: Target;
  /** `applyTo(target)`: the method or node `@mutate` applies the step to. */
  readonly applyTo?: string;

  constructor(fields: StepFields) {
    this.bindings = fields.bindings;
    this.conditions = fields.conditions;
    if (fields.fn !== undefined) this.fn = fields.fn;
    if (fields.inputs !== undefined) this.inputs = fields.inputs;
    if (fields.name !== undefined) this.name = fields.name;
    if (fields.namespace !== undefined) this.namespace = fields.namespace;
    if (fields.target !== undefined) this.target = fields.target;
    if (fields.applyTo !== undefined) this.applyTo = fields.applyTo;
    Object.freeze(this);
  }

  /** Applies the step only when every key equals the config's value (as `@config.when`). */
  when(conditions: Readonly<Record<string, unknown>>): Step {
    return this.withCondition('when', conditions);
  }

  /** Applies the step only when no key equals the config's value. */
  whenNot(conditions: Readonly<Record<string, unknown>>): Step {
    return this.withCondition('whenNot', conditions);
  }

  /** Applies the step only when every key's config value is one of the listed values. */
  whenIn(conditions: Readonly<Record<string, readonly unknown[]>>): Step {
    return this.withCondition('whenIn', conditions);
  }

  /** Applies the step only when no key's config value is one of the listed values. */
  whenNotIn(conditions: Readonly<Record<string, readonly unknown[]>>): Step {
    return this.withCondition('whenNotIn', conditions);
  }

  /**
   * Names the step's node. The namespace defaults to the pipe's (the node's
   * name): `x.name`; `{ namespace: null }` gives plain `name`, a string `ns.name`.
   */
  named(name: string, options: { readonly namespace?: string | null } = {}): Step {
    checkName('.named()', name);
    const namespace = options.namespace;
    if (namespace !== undefined && namespace !== null) checkName('.named() namespace', namespace);
    return new Step({ ...this, name, ...(namespace !== undefined ? { namespace } : {}) });
  }

  /** For `@pipeOutput` and `@mutate`: the method's node(s) the step applies to (default: its final nodes). */
  onOutput(target: Target): Step {
    if (!isTarget(target)) throw new DecoratorError(stepMessages.badTarget(target));
    return new Step({ ...this, target });
  }

  /** True when every condition holds under `config`. */
  resolves(config: Config): boolean {
    return this.conditions.every((c) => Object.keys(c.conditions).every((key) => configMatches(c.test, c.conditions[key], config, key)));
  }

  private withCondition(test: StepTest, conditions: Readonly<Record<string, unknown>>): Step {
    if (!isPlainObject(conditions) || Object.keys(conditions).length === 0) throw new DecoratorError(stepMessages.badCondition(test, conditions));
    if (test === 'whenIn' || test === 'whenNotIn') {
      for (const [key, values] of Object.entries(conditions)) if (!Array.isArray(values)) throw new DecoratorError(stepMessages.notAList(test, key, values));
    }
    return new Step({ ...this, conditions: [...this.conditions, Object.freeze({ test, conditions: Object.freeze({ ...conditions }) })] });
  }
}

/**
 * A function applied inside `@pipeInput`, `@pipeOutput`: its first parameter
 * receives the value flowing through the pipe; `bindings` fill the others
 * (`value(x)`, `source('node')`, or a literal); unbound ones are read from the
 * nodes of their names. Each step becomes a visible node.
 *
 * @example
 * class Sales {
 *   @pipeInput(step(dropNegative), step(scale, { factor: value(2) }))
 *   @node()
 *   cleaned(raw: number[]) { return raw; }
 * }
 */
export function step(fn: Function, bindings: Readonly<Record<string, StepBinding>> = {}, options: StepOptions = {}): Step {
  if (typeof fn !== 'function') throw new DecoratorError(stepMessages.notAFunction(fn));
  return new Step({ fn, bindings: bindingsOf('step()', bindings), conditions: [], ...inputsOf(options) });
}

/**
 * A placeholder step for `@mutate`: the method `target` (or the node it makes)
 * with its own bindings; `.onOutput`, `.when*` and `.named` work as on a step.
 *
 * @example
 * @mutate(applyTo('spend', { factor: value(2) }), applyTo('signups').onOutput('signupsUs'))
 * @node()
 * _scaled(x: number[], factor = 1) { return x.map((v) => v * factor); }
 */
export function applyTo(target: string, bindings: Readonly<Record<string, StepBinding>> = {}): Step {
  if (typeof target !== 'string' || target.length === 0) throw new DecoratorError(stepMessages.badApplyTo(target));
  return new Step({ bindings: bindingsOf('applyTo()', bindings), conditions: [], applyTo: target });
}

/**
 * Bindings as dependency specs: a literal becomes `value(literal)`, as in Hamilton.
 *
 * @example
 * bindingsOf('step()', { factor: 2, base: source('b') }); // { factor: value(2), base: source('b') }
 */
export function bindingsOf(where: string, bindings: unknown): Readonly<Record<string, DependencySpec>> {
  if (!isPlainObject(bindings)) throw new DecoratorError(stepMessages.badBindings(where, bindings));
  const out: Record<string, DependencySpec> = {};
  for (const [k, b] of Object.entries(bindings)) out[k] = isDependency(b) ? b : value(b);
  return Object.freeze(out);
}

/**
 * Checks a node name or namespace part: a non-empty string without dots (dots separate namespaces).
 *
 * @example
 * checkName('.named()', 'scaled'); // ok; 'a.b' throws DecoratorError
 */
export function checkName(where: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('.')) throw new DecoratorError(stepMessages.badName(where, name));
}

function inputsOf(options: StepOptions): { inputs?: readonly string[] } {
  if (!isPlainObject(options as unknown)) throw new DecoratorError(stepMessages.badOptions(options));
  return options.inputs === undefined ? {} : { inputs: options.inputs };
}

/**
 * True for a target: a non-empty name, 'all', or a non-empty list of names.
 *
 * @example
 * isTarget(['a', 'b']); // true
 */
export function isTarget(t: unknown): t is Target {
  return (typeof t === 'string' && t.length > 0) || (Array.isArray(t) && t.length > 0 && t.every((x) => typeof x === 'string' && x.length > 0));
}
