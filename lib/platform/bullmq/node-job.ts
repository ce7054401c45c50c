/**
 * A worker running one node's job: check that it may (protocol version, the
 * run not stopped, the same node and code as the driver's), read the input
 * values, call the node's function with a NodeContext whose signal the run's
 * abort reaches, and store the value for the driver.
 */
import type { Logger } from 'pino';
import type { NodeContext } from '../../core/node.js';
import { WorkerRefusedError } from './errors.js';
import { bullmqMessages } from './messages.js';
import { PROTOCOL_VERSION, type NodeJobData, type NodeJobResult } from './protocol.js';
import { toWireError } from './remote-error.js';
import { ValueEncodeError } from './value-codec.js';
import type { ValueStore } from './value-store.js';
import type { WorkerGraphs } from './worker-graphs.js';

/** What a job needs from its worker. */
export interface JobSettings {
  readonly graphs: WorkerGraphs;
  readonly store: ValueStore;
  /** `host:pid`, for messages. */
  readonly worker: string;
  /** The worker's logger; each job logs through a child carrying runId, node and jobId. */
  readonly logger: Logger;
  /** True once the driver stopped the run. */
  readonly isStopped: (runId: string) => boolean;
  /** Aborted when the driver stops the run while the node runs. */
  readonly signalOf: (runId: string) => { signal: AbortSignal; done(): void };
}

/**
 * Runs one job; never throws (failures are results the driver revives).
 *
 * @example
 * const result = await runNodeJob(job.data, job.id!, settings);
 */
export async function runNodeJob(data: NodeJobData, jobId: string, s: JobSettings): Promise<NodeJobResult> {
  const log = s.logger.child({ runId: data.runId, node: data.node, jobId });
  const refuse = (message: string): NodeJobResult => {
    log.error({ reason: message }, bullmqMessages.nodeRefused);
    return { ok: false, error: toWireError(new WorkerRefusedError(message, data.node, s.worker)), durationMs: 0 };
  };
  if (data.v !== PROTOCOL_VERSION) return refuse(bullmqMessages.refusedVersion(data.node, data.v, PROTOCOL_VERSION, s.worker));
  if (s.isStopped(data.runId)) return { ok: false, error: { name: 'ExecutionAbortedError', message: bullmqMessages.aborted(data.runId), fields: {} }, durationMs: 0 };
  let durationMs = 0;
  try {
    const built = await s.graphs.get(data.graph, data.node);
    const node = built.graph.node(data.node);
    if (!node?.spec || !node.fn) return refuse(bullmqMessages.refusedNode(data.node, s.worker));
    const spec = node.spec;
    const code = built.codeHash(node);
    if (code !== data.code) return refuse(bullmqMessages.refusedCode(data.node, spec.origin, data.code, code, s.worker));
    const args = await Promise.all(data.args.map((w) => s.store.get(w)));
    const stop = s.signalOf(data.runId);
    if (spec.needsContext) {
      const context: NodeContext = { runId: data.runId, node: data.node, logger: log, signal: stop.signal, ...(data.item === undefined ? {} : { item: data.item }) };
      args.push(context);
    }
    const start = performance.now();
    let value: unknown;
    try {
      value = await node.fn.apply(node.thisArg, args as never[]);
    } finally {
      durationMs = performance.now() - start;
      stop.done();
    }
    const wire = await s.store.put(data.runId, value, data.valueTtlMs).catch((e: unknown) => {
      throw e instanceof ValueEncodeError ? new TypeError(bullmqMessages.cannotSend(data.node, spec.origin, 'its value', e.reason)) : e;
    });
    log.info({ durationMs }, bullmqMessages.nodeDone);
    return { ok: true, value: wire, durationMs };
  } catch (e) {
    log.warn({ err: e, durationMs }, bullmqMessages.nodeFailed);
    return { ok: false, error: toWireError(e), durationMs };
  }
}
