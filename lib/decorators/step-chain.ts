/**
 * Turns the steps of a pipe into a chain of visible nodes (Hamilton's
 * `chain_transforms`): each step reads the previous one through its first
 * parameter; its other parameters are bound as `bindParameters` binds them.
 * Shared by `@pipeInput`, `@pipeOutput` and `@mutate`.
 */
import { DecoratorError } from '../core/errors.js';
import type { Binding, CodeRef, Dependency, NodeSpec } from '../core/node.js';
import type { ResolveContext } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { bindParameters } from './bind-parameters.js';
import { source } from './dependencies.js';
import { stepMessages } from './messages.js';
import { readParameters } from './read-parameters.js';
import { checkName, Step } from './step.js';

/** A step whose parameters are known, ready to become a node. */
export interface ChainLink {
  readonly step: Step;
  /** The decorator that applies it, for messages ('@pipeInput', '@mutate' ...). */
  readonly decorator: string;
  /** Its function's name, for the default node name `with_<name>`. */
  readonly fnName: string;
  readonly params: readonly Dependency[];
  /** The pipe's own namespace option: undefined (none given), null (no namespace) or a string. */
  readonly pipeNamespace?: string | null;
  /** Set when the step runs a method of the module (`@mutate`) instead of a function handed to `step()`. */
  readonly method?: { readonly method: string; readonly isStatic: boolean; readonly origin: string };
}

const NO_TAGS = Object.freeze({});

/**
 * A pipe decorator's arguments split into the steps and the options object
 * that may follow them (`{}` when none does); a `namespace` option is checked
 * as a namespace part.
 *
 * @example
 * const { steps, options } = pipeArguments('@pipeInput', [step(dropNegative), { namespace: null }]); // options: { namespace: null }
 */
export function pipeArguments<O extends { readonly namespace?: string | null }>(decorator: string, items: readonly (Step | O)[]): { steps: readonly unknown[]; options: O } {
  const last = items[items.length - 1];
  const options = (last !== undefined && !(last instanceof Step) && isPlainObject(last) ? last : {}) as O;
  const steps = options === last ? items.slice(0, -1) : items;
  if (options.namespace !== undefined && options.namespace !== null) checkName(`${decorator} namespace`, options.namespace);
  return { steps, options };
}

/**
 * The steps given to a pipe decorator on `method`, checked when the class is
 * defined: at least one, each a `step(...)` (not an `applyTo` placeholder),
 * no node name given twice.
 *
 * @example
 * linksOf('@pipeInput', 'cleaned', [step(dropNegative), step(scale, { factor: 2 })], undefined);
 */
export function linksOf(decorator: string, method: string, steps: readonly unknown[], pipeNamespace: string | null | undefined): readonly ChainLink[] {
  if (steps.length === 0) throw new DecoratorError(stepMessages.noSteps(decorator, method));
  const links = steps.map((s, k) => {
    if (!(s instanceof Step) || s.fn === undefined) throw new DecoratorError(stepMessages.notAStep(decorator, method, k, s));
    return linkOf(s, method, decorator, pipeNamespace);
  });
  // Only names given with `.named()` can repeat (default names are counted apart: `with_fn_1`), within one namespace.
  const seen = new Set<string>();
  for (const { step } of links) {
    if (step.name === undefined) continue;
    const key = `${step.namespace === undefined ? '' : `${String(step.namespace)}\u0000`}${step.name}`;
    if (seen.has(key)) throw new DecoratorError(stepMessages.nameTwice(decorator, method, step.name));
    seen.add(key);
  }
  return Object.freeze(links);
}

/**
 * A step of a pipe on `method`, checked when the class is defined: a function
 * (or `inputs`) with at least one parameter, the first of which the pipe fills,
 * and bindings that name its other parameters.
 *
 * @example
 * linkOf(step(scale, { factor: value(2) }), 'cleaned', '@pipeInput', undefined);
 */
export function linkOf(step: Step, method: string, decorator: string, pipeNamespace: string | null | undefined): ChainLink {
  const fn = step.fn!;
  const fnName = step.name ?? functionName(fn);
  if (fnName === undefined) throw new DecoratorError(stepMessages.anonymous(decorator, method));
  const params = readParameters(fn, method, step.inputs, decorator, "step(fn, bindings, { inputs: ['x', 'factor'] })");
  checkParams(decorator, `method \`${method}\``, fnName, params, step);
  if (pipeNamespace !== undefined && step.namespace !== undefined) throw new DecoratorError(stepMessages.twoNamespaces(decorator, method, fnName));
  return Object.freeze({ step, decorator, fnName, params, ...(pipeNamespace !== undefined ? { pipeNamespace } : {}) });
}

/**
 * Checks that a step function has a parameter for the piped value and that its
 * bindings name its other parameters.
 *
 * @example
 * checkParams('@mutate', 'C._scaled', '_scaled', [{ name: 'x', optional: false }], step);
 */
export function checkParams(decorator: string, where: string, fnName: string, params: readonly Dependency[], step: Step): void {
  if (params.length === 0) throw new DecoratorError(stepMessages.noParameters(decorator, where, fnName));
  const names = params.map((p) => p.name);
  const bound = Object.keys(step.bindings);
  if (bound.includes(names[0]!)) throw new DecoratorError(stepMessages.bindsPiped(decorator, where, fnName, names[0]!));
  const unknown = bound.filter((b) => !names.includes(b));
  if (unknown.length) throw new DecoratorError(stepMessages.unknownBindings(decorator, where, fnName, unknown, names));
}

/**
 * The nodes of the steps that apply under the config, chained from `input`;
 * `last` is the name the consumer reads instead of `input` (`input` itself when
 * no step applies). `node` names the default namespace: `node.with_fn`.
 *
 * @example
 * const { nodes, last } = chainSteps(links, 'raw', 'cleaned', ctx); // ['cleaned.with_dropNegative', ...], 'cleaned.with_scale'
 */
export function chainSteps(links: readonly ChainLink[], input: string, node: string, ctx: ResolveContext): { nodes: NodeSpec[]; last: string } {
  const nodes: NodeSpec[] = [];
  const count = new Map<string, number>();
  let last = input;
  for (const link of links) {
    const { step, params } = link;
    if (step.conditions.length && !step.resolves(ctx.config)) continue;
    const k = count.get(link.fnName) ?? 0;
    count.set(link.fnName, k + 1);
    const base = `with${link.fnName.startsWith('_') ? '' : '_'}${link.fnName}`;
    const local = step.name ?? (k === 0 ? base : `${base}_${k}`);
    const namespace = link.pipeNamespace !== undefined ? link.pipeNamespace : step.namespace === undefined ? node : step.namespace;
    const name = namespace === null ? local : `${namespace}.${local}`;
    // A step reading only the piped value (the common case) needs no binding: one dependency, read in place.
    let dependencies: readonly Dependency[];
    let bind: readonly Binding[] | undefined;
    if (params.length === 1) dependencies = [{ name: last, optional: params[0]!.optional }];
    else ({ dependencies, bind } = bindParameters(params, { ...step.bindings, [params[0]!.name]: source(last) }, ctx, link.decorator));
    const m = link.method;
    let code: CodeRef;
    if (m) code = bind ? { kind: 'method', module: ctx.module, method: m.method, static: m.isStatic, bind } : { kind: 'method', module: ctx.module, method: m.method, static: m.isStatic };
    else code = bind ? { kind: 'function', ref: ctx.ref(step.fn), bind } : { kind: 'function', ref: ctx.ref(step.fn) };
    nodes.push({ name, role: 'step', code, dependencies, tags: NO_TAGS, origin: m ? m.origin : ctx.origin });
    last = name;
  }
  return { nodes, last };
}

/** A function's name for node names: a bound function's target name; undefined for anonymous functions. */
function functionName(fn: Function): string | undefined {
  const name = fn.name.replace(/^(bound )+/, '');
  return name.length > 0 && !name.includes('.') ? name : undefined;
}
