/**
 * RUN stage, part 1: which nodes an execution needs, and with which seeded values.
 * Pure and synchronous, so `validateExecution` and `execute` share it.
 */
import { InvalidInputsError, MissingInputsError, UnknownNodeError } from '../errors.js';
import type { FunctionGraph } from '../graph/graph.js';
import { planMessages } from '../messages.js';
import { closeNames } from '../graph/suggest.js';
import { planFanOuts, type FanOutPlan } from './plan-fan-outs.js';
import { checkInputName, nameRecord } from '../names.js';
import { isPlainObject } from '../values.js';

/** Unknown names that get "did you mean" suggestions (the message lists as many). */
const MAX_SUGGESTED = 10;

/** Values the caller gives an execution. */
export interface ExecuteOptions {
  /** Values of external inputs, by name. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Values that replace nodes: the node and what only it needs do not run. */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Aborts the run: no new node starts, running async nodes see NodeContext.signal, execute rejects with ExecutionAbortedError. */
  readonly signal?: AbortSignal;
  /** The run's time limit in ms: past it, execute rejects with NodeTimeoutError (scope 'run'). */
  readonly timeoutMs?: number;
}

/**
 * An execution plan: seeded values and the nodes to compute, in topological order.
 *
 * @example
 * const plan = planExecution(graph, ['spendPerSignup'], { inputs: { spend, signups } });
 * plan.compute.length; // nodes that will run
 */
export interface ExecutionPlan {
  readonly graph: FunctionGraph;
  readonly outputs: readonly string[];
  readonly outputIndices: readonly number[];
  /** Indices of the nodes to compute, dependencies first. */
  readonly compute: Int32Array;
  /** 1 for nodes in `compute`. */
  readonly inPlan: Uint8Array;
  /** One slot per graph node: seeded inputs, config and overrides; the executor fills the rest. */
  readonly values: unknown[];
  /** Dynamic fan-outs: their block nodes are not in `compute`; the scheduler runs them per item. */
  readonly fanOuts: readonly FanOutPlan[];
}

/**
 * Plans an execution, or throws what executing would throw before anything runs.
 *
 * @example
 * planExecution(graph, ['a'], {}); // throws MissingInputsError when `a` needs an input
 */
export function planExecution(graph: FunctionGraph, outputs: readonly string[], options: ExecuteOptions = {}): ExecutionPlan {
  if (!isPlainObject(options)) throw new InvalidInputsError(planMessages.badOptions('execute', options));
  const inputs = valuesOf(options, 'inputs');
  const overrides = valuesOf(options, 'overrides');
  checkNames(graph, outputs, overrides, inputs);

  const n = graph.nodes.length;
  const values: unknown[] = new Array(n);
  const inPlan = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const unresolved: number[] = [];
  const outputIndices = outputs.map((o) => graph.indexOf(o)!);
  const stack = [...outputIndices];
  // Asking an empty object about every planned node's name costs a string-table lookup each.
  const anyOverrides = Object.keys(overrides).length > 0;
  while (stack.length) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    const node = graph.nodes[i]!;
    if (anyOverrides && hasOwn(overrides, node.name)) values[i] = overrides[node.name];
    else if (node.spec) {
      inPlan[i] = 1;
      const deps = graph.deps[i]!;
      for (let k = 0; k < deps.length; k++) if (!seen[deps[k]!]) stack.push(deps[k]!);
    } else if (hasOwn(inputs, node.name)) values[i] = inputs[node.name];
    else if (node.fromConfig) values[i] = graph.config[node.name];
    else unresolved.push(i);
  }
  const missing = nameRecord<string[]>();
  for (const i of unresolved) {
    const name = graph.nodes[i]!.name;
    const needers = graph.dependents[i]!.filter((j) => inPlan[j] && requires(graph, j, name)).map((j) => graph.nodes[j]!.name);
    // A requested input that nobody gives is missing too; otherwise only
    // optional parameters read it, and their defaults apply (the slot stays undefined).
    if (needers.length || outputIndices.includes(i)) missing[name] = needers;
  }
  if (Object.keys(missing).length) throw new MissingInputsError(planMessages.missingInputs(graph, missing), missing);

  let compute = computeOrder(graph, inPlan);
  const fanOuts = planFanOuts(graph, compute, inPlan);
  if (fanOuts.length) {
    for (const o of outputIndices) {
      const f = fanOuts.find((x) => x.slot[o]! >= 0);
      if (f) throw new InvalidInputsError(planMessages.outputInFanOut(graph.nodes[o]!.name, graph.nodes[f.source]!.name));
    }
    compute = computeOrder(graph, inPlan);
  }
  return { graph, outputs, outputIndices, compute, inPlan, values, fanOuts };
}

function computeOrder(graph: FunctionGraph, inPlan: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < inPlan.length; i++) count += inPlan[i]!;
  const compute = new Int32Array(count);
  let k = 0;
  const order = graph.topologicalOrder;
  for (let j = 0; j < order.length; j++) if (inPlan[order[j]!]) compute[k++] = order[j]!;
  return compute;
}

function requires(graph: FunctionGraph, consumer: number, input: string): boolean {
  return graph.nodes[consumer]!.spec!.dependencies.some((d) => d.name === input && !d.optional);
}

/** `options.inputs` or `options.overrides`: absent is empty, anything but an object is an error. */
function valuesOf(options: ExecuteOptions, key: 'inputs' | 'overrides'): Readonly<Record<string, unknown>> {
  const values = options[key];
  if (values === undefined) return {};
  if (!isPlainObject(values)) throw new InvalidInputsError(planMessages.badValues('execute', key, values));
  return values;
}

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function checkNames(graph: FunctionGraph, outputs: readonly string[], overrides: object, inputs: object): void {
  if (!Array.isArray(outputs) || outputs.some((o) => typeof o !== 'string')) {
    throw new InvalidInputsError(planMessages.outputsNotStrings(outputs));
  }
  assertKnown(graph, [...outputs, ...Object.keys(overrides)]);
  for (const name of Object.keys(inputs)) {
    checkInputName(name, 'execute', 'input');
    if (hasOwn(graph.config, name)) throw new InvalidInputsError(planMessages.inputIsConfig(name));
    const node = graph.node(name);
    if (node?.spec) throw new InvalidInputsError(planMessages.inputIsNode(name, node.spec.origin));
  }
}

/**
 * Throws UnknownNodeError naming every unknown name, with close names as suggestions.
 *
 * @example
 * assertKnown(graph, ['spendPerSignup']);
 */
export function assertKnown(graph: FunctionGraph, names: readonly string[]): void {
  const unknown = [...new Set(names.filter((n) => graph.indexOf(n) === undefined))];
  if (!unknown.length) return;
  const all = [...graph.names()];
  const suggestions = nameRecord<string[]>();
  const absent = nameRecord<readonly { origin: string; reason: string }[]>();
  // Suggestions only for the names a message shows: each costs a pass over every node.
  for (const u of unknown.slice(0, MAX_SUGGESTED)) suggestions[u] = closeNames(u, all);
  for (const u of unknown) if (graph.absent(u).length) absent[u] = graph.absent(u);
  throw new UnknownNodeError(planMessages.unknownNames(unknown, suggestions, absent), unknown, suggestions);
}
