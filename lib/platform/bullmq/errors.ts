/**
 * The errors of the BullMQ executor. Node failures reach the caller as
 * NodeExecutionError with one of these (or the node's own error) as `cause`.
 */
import { HamiltonError } from '../../core/errors.js';

/**
 * Redis cannot be reached (at the start of a run), or the connection was lost during one.
 *
 * @example
 * catch (e) { if (e instanceof QueueConnectionError) console.error(e.address); }
 */
export class QueueConnectionError extends HamiltonError {
  constructor(message: string, readonly address: string, readonly queue: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A worker refused a node: its modules do not define the node, or define it with other code.
 *
 * @example
 * catch (e) { if (e instanceof NodeExecutionError && e.cause instanceof WorkerRefusedError) console.error(e.cause.worker); }
 */
export class WorkerRefusedError extends HamiltonError {
  constructor(message: string, readonly node: string, readonly worker: string) {
    super(message);
  }
}

/**
 * BullMQ failed a node's job: it stalled more often than the workers allow (a
 * worker died while running it), or the worker failed outside the node.
 *
 * @example
 * catch (e) { if (e instanceof NodeExecutionError && e.cause instanceof JobFailedError) console.error(e.cause.jobId); }
 */
export class JobFailedError extends HamiltonError {
  constructor(message: string, readonly node: string, readonly jobId: string, readonly reason: string) {
    super(message);
  }
}
