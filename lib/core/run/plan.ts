/**
 * RUN stage, part 1: which nodes an execution needs, and with which seeded values.
 * Pure and synchronous, so `validateExecution` and `execute` share it.
 */
import { InvalidInputsError, MissingInputsError } from '../errors.js';
import type { FunctionGraph } from '../graph/graph.js';
import { planMessages } from '../messages.js';
import { assertKnown } from '../graph/assert-known.js';
import { planFanOuts, type FanOutPlan } from './plan-fan-outs.js';
import { checkInputName, nameRecord } from '../names.js';
import { isPlainObject } from '../values.js';
import { checkInputKinds, type InputKinds } from './input-kinds.js';
import { IS_FUNCTION, runIndexOf } from './run-index.js';

const NO_FAN_OUTS: readonly FanOutPlan[] = Object.freeze([]);

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
 * With `inputKinds` (Builder.withInputChecks), inputs of the wrong kind are an InvalidInputsError.
 *
 * @example
 * planExecution(graph, ['a'], {}); // throws MissingInputsError when `a` needs an input
 */
export function planExecution(graph: FunctionGraph, outputs: readonly string[], options: ExecuteOptions = {}, inputKinds?: InputKinds): ExecutionPlan {
  if (!isPlainObject(options)) throw new InvalidInputsError(planMessages.badOptions('execute', options));
  const inputs = valuesOf(options, 'inputs');
  const overrides = valuesOf(options, 'overrides');
  const outputIndices = checkNames(graph, outputs, overrides, inputs);
  const hasOverrides = Object.keys(overrides).length > 0;
  const index = runIndexOf(graph);
  const { size: n, depStart, depList, flags } = index;
  const values: unknown[] = new Array(n);
  const inPlan = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const unresolved: number[] = [];
  const stack = [...outputIndices];
  while (stack.length) {
    const i = stack.pop()!;
    if (seen[i]) continue;
    seen[i] = 1;
    if (hasOverrides && hasOwn(overrides, graph.nodes[i]!.name)) values[i] = overrides[graph.nodes[i]!.name];
    else if (flags[i]! & IS_FUNCTION) {
      inPlan[i] = 1;
      for (let k = depStart[i]!, end = depStart[i + 1]!; k < end; k++) if (!seen[depList[k]!]) stack.push(depList[k]!);
    } else {
      const node = graph.nodes[i]!;
      if (hasOwn(inputs, node.name)) values[i] = inputs[node.name];
      else if (node.fromConfig) values[i] = graph.config[node.name];
      else unresolved.push(i);
    }
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
  checkInputKinds(graph, inputs, inputKinds, inPlan);

  let compute = computeOrder(graph, inPlan);
  const fanOuts = index.anyParallelizable ? planFanOuts(graph, compute, inPlan) : NO_FAN_OUTS;
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
  for (const i of graph.topologicalOrder) if (inPlan[i]) compute[k++] = i;
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

/**
 * The outputs' node indices, -1 for a name the graph lacks (or a hole in a
 * sparse array); throws when an output is not a string. One lookup per name.
 */
function indicesOf(graph: FunctionGraph, outputs: readonly string[]): number[] {
  const indices: number[] = new Array(outputs.length);
  for (let k = 0; k < outputs.length; k++) {
    const o = outputs[k];
    if (typeof o !== 'string' && outputs.some((x) => typeof x !== 'string')) throw new InvalidInputsError(planMessages.outputsNotStrings(outputs));
    indices[k] = typeof o === 'string' ? graph.indexOf(o) ?? -1 : -1;
  }
  return indices;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Checks every name the caller gave; returns the outputs' node indices. */
function checkNames(graph: FunctionGraph, outputs: readonly string[], overrides: object, inputs: object): number[] {
  if (!Array.isArray(outputs)) throw new InvalidInputsError(planMessages.outputsNotStrings(outputs));
  const index = runIndexOf(graph);
  const last = index.lastOutputs;
  let indices: number[];
  if (last && sameNames(last.names, outputs)) indices = last.indices.slice();
  else {
    indices = indicesOf(graph, outputs);
    index.lastOutputs = { names: outputs.slice(), indices: indices.slice() };
  }
  const overrideNames = Object.keys(overrides);
  let allKnown = !indices.includes(-1);
  for (const name of overrideNames) if (graph.indexOf(name) === undefined) allKnown = false;
  if (!allKnown) assertKnown(graph, [...outputs, ...overrideNames]);
  for (const name of Object.keys(inputs)) {
    checkInputName(name, 'execute', 'input');
    if (hasOwn(graph.config, name)) throw new InvalidInputsError(planMessages.inputIsConfig(name));
    const node = graph.node(name);
    if (node?.spec) throw new InvalidInputsError(planMessages.inputIsNode(name, node.spec.origin));
  }
  return indices;
}
