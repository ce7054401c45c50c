/**
 * The pool worker: rebuilds each graph once from its source (module file URLs
 * and config) and runs nodes by name with the argument values it is sent,
 * calling the node's linked function directly. Piscina loads this file in each
 * worker thread and calls the default export once per task.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { builderFromSource, LinkError, type FunctionGraph, type GraphSource, type NodeContext } from '../../index.js';
import { isThenable } from '../../core/run/call-node.js';
import { unpackValue } from '../values/pack.js';
import { poolMessages } from './messages.js';
import type { NodeReply, NodeTask } from './protocol.js';
import { sendError } from './sent-error.js';
import { outgoing } from './transfer.js';
import { collectingLogger } from './worker-logs.js';
import { isTypeScriptUrl, typeScriptReady } from './worker-launch.js';

/** Graphs rebuilt in this worker, by id; the oldest goes first past this many. */
const MAX_GRAPHS = 8;
const graphs = new Map<string, Promise<FunctionGraph>>();

/**
 * Never aborted: when a run stops, the pool ends the thread of each of its
 * running nodes, so a node in a worker never needs to watch its signal.
 */
const NEVER = new AbortController().signal;
const NO_LOGGER = { logger: undefined, lines: Object.freeze([]) as readonly string[] };

/**
 * Runs one node task; never throws (failures are replies).
 *
 * @example
 * // piscina calls it: await pool.run(task)
 */
export default async function runNodeTask(task: NodeTask): Promise<unknown> {
  // Only a node that receives a NodeContext can log.
  const { logger, lines } = task.context ? collectingLogger(task.logLevel) : NO_LOGGER;
  let graph: FunctionGraph;
  try {
    graph = await graphOf(task);
  } catch (e) {
    return failed('setup', e, lines);
  }
  const node = graph.node(task.node);
  if (!node?.spec || !node.fn) return failed('setup', new LinkError(poolMessages.notInWorkerGraph(task.node)), lines);
  const deps = node.spec.dependencies.map((d) => d.name);
  if (deps.length !== task.dependencies.length || deps.some((d, k) => d !== task.dependencies[k])) {
    return failed('setup', new LinkError(poolMessages.rebuiltDifferently(task.node, node.spec.origin, task.dependencies, deps)), lines);
  }
  let value: unknown;
  try {
    const args = await Promise.all(task.args.map(unpackValue));
    if (task.context) {
      const context: NodeContext =
        task.context.item === undefined
          ? { runId: task.context.runId, node: task.node, logger: logger!, signal: NEVER }
          : { runId: task.context.runId, node: task.node, logger: logger!, signal: NEVER, item: task.context.item };
      args.push(context);
    }
    value = node.fn.apply(node.thisArg, args as never[]);
    if (isThenable(value)) value = await value;
  } catch (e) {
    return failed('node', e, lines);
  }
  const out = outgoing(value, task.transferResults);
  if (!out.ok) return failed('result', new Error(out.reason), lines);
  return move({ [transferableSymbol]: out.value.transfer, [valueSymbol]: { ok: true, value: out.value.packed, logs: lines } satisfies NodeReply } as never);
}

function failed(stage: 'setup' | 'node' | 'result', error: unknown, logs: readonly string[]): NodeReply {
  return { ok: false, stage, error: sendError(error), logs };
}

function graphOf(task: NodeTask): Promise<FunctionGraph> {
  let graph = graphs.get(task.graph);
  if (!graph) {
    graph = rebuild(task.source);
    graphs.set(task.graph, graph);
    if (graphs.size > MAX_GRAPHS) graphs.delete(graphs.keys().next().value!);
  }
  return graph;
}

async function rebuild(source: GraphSource): Promise<FunctionGraph> {
  await loadTypeScriptIfNeeded(source);
  return (await builderFromSource(source)).build().graph;
}

let typeScript: Promise<void> | undefined;

/**
 * User modules written in TypeScript need an ESM loader. Unless the thread
 * started with one (a `--loader` flag, or the preload of worker-launch.ts), tsx
 * is registered, once, before the first module is imported.
 */
function loadTypeScriptIfNeeded(source: GraphSource): Promise<void> {
  if (!source.modules.some((m) => isTypeScriptUrl(m.url)) || typeScriptReady()) return Promise.resolve();
  return (typeScript ??= import('tsx/esm/api').then((tsx) => void tsx.register()));
}
