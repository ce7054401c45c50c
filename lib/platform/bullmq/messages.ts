/**
 * Every message of the BullMQ executor and its workers: each names the node
 * (with its origin) or the queue, the culprit, and what to do.
 */
import { at, errorText, q, show } from '../../core/message-format.js';

export const bullmqMessages = {
  badOptions: (options: unknown) =>
    `BullMQExecutor takes { queue: 'name', connection?: 'redis://127.0.0.1:6379' or { host, port, ... }, tags?, maxConcurrency?, inlineLimitBytes?, valueTtlMs?, connectTimeoutMs? }; got ${show(options)}.`,
  badOption: (name: string, value: unknown, wanted: string) => `BullMQExecutor: ${name} must be ${wanted}, got ${show(value)}.`,
  badQueueName: (queue: unknown) => `BullMQExecutor: queue must be a non-empty name without \`:\` (a BullMQ rule), got ${show(queue)}.`,
  unreachable: (address: string, queue: string, cause: unknown) =>
    `Cannot reach Redis at ${address} for queue ${q(queue)}: ${errorText(cause)}. ` +
    `Start Redis there (e.g. \`redis-server --port ${address.split(':').pop() ?? '6379'}\`), or point \`connection\` at a running Redis.`,
  lost: (address: string, queue: string, ms: number) =>
    `Lost the connection to Redis at ${address} (queue ${q(queue)}) for more than ${ms} ms while nodes were running on workers. ` +
    'Check that Redis is up and reachable, then run again.',
  noSource: () =>
    'BullMQExecutor needs the graph\'s source (module files and config) to send nodes to workers, and this run has none. ' +
    'Run it through a Driver: new Builder().withModules(...).withExecutor(new BullMQExecutor({ queue })).build().',
  cannotSend: (name: string, origin: string | undefined, what: string, reason: string) =>
    `Node ${at(name, origin)}: ${what} cannot be sent through Redis: ${reason}. ` +
    'Give it plain data (numbers, strings, arrays, typed arrays, plain objects, Dates, Maps, Sets, arquero tables), or run the node in process (the `tags` option of BullMQExecutor).',
  valueGone: (key: string) =>
    `The value stored under Redis key ${q(key)} is gone (its time to live passed, or the run was cleaned up). Raise \`valueTtlMs\` for long runs.`,
  stalled: (name: string, origin: string | undefined, jobId: string, reason: string) =>
    `Node ${at(name, origin)} was lost on the workers (job ${q(jobId)}: ${reason}): the worker running it stopped, and it was retried as often as the workers allow (their --max-stalled). ` +
    'Look for workers that crashed, were killed or blocked their event loop longer than their --lock-duration.',
  jobFailed: (name: string, origin: string | undefined, jobId: string, reason: string) =>
    `Node ${at(name, origin)} failed on a worker (job ${q(jobId)}): ${reason}. Read the worker's logs for this run id.`,
  refusedVersion: (name: string, got: unknown, wanted: number, worker: string) =>
    `Worker ${worker} refuses node ${q(name)}: the driver speaks protocol version ${show(got)}, the worker ${wanted}. Run the same hamilton-ts version on the driver and the workers.`,
  refusedClass: (name: string, className: string, loaded: readonly string[], worker: string) =>
    `Worker ${worker} refuses node ${q(name)}: the driver's module class ${q(className)} is not among the worker's modules (${loaded.map(q).join(', ') || 'none'}). ` +
    'Start the worker with the same module files as the driver.',
  refusedNode: (name: string, worker: string) =>
    `Worker ${worker} refuses node ${q(name)}: its graph has no such node. Start the worker with the same module files as the driver.`,
  refusedCode: (name: string, origin: string | undefined, driver: string, worker: string, where: string) =>
    `Worker ${where} refuses node ${at(name, origin)}: its code differs from the driver's (code hash ${driver.slice(0, 12)} on the driver, ${worker.slice(0, 12)} on the worker). ` +
    'Give every worker the same module files as the driver, and restart the workers after changing them.',
  aborted: (runId: string) => `The run ${q(runId)} was stopped before this node started on a worker.`,
  workerStarted: 'worker started',
  workerDraining: 'worker draining: finishing the jobs in flight',
  workerStopped: 'worker stopped',
  nodeDone: 'node finished',
  nodeFailed: 'node failed',
  nodeRefused: 'node refused',
  runAborted: 'run aborted',
};
