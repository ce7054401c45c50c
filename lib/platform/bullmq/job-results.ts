/**
 * Waiting for the results of jobs: one BullMQ QueueEvents reader per executor
 * dispatches each `completed` or `failed` event to the job that waits for it.
 * Reading starts at the last event already in the stream, so no event between
 * connecting and the first read is missed.
 */
import type { QueueEvents } from 'bullmq';
import type { NodeJobResult } from './protocol.js';

/** What waits for one job. */
export interface Waiting {
  readonly resolve: (r: NodeJobResult) => void;
  readonly reject: (e: Error) => void;
  /** The error when BullMQ fails the job (stalled too often, or the worker failed outside the node). */
  readonly failed: (reason: string) => Error;
}

/**
 * The jobs waiting for their results.
 *
 * @example
 * const result = await results.wait(jobId, () => queue.add(name, data, { jobId }));
 */
export class JobResults {
  private readonly waiting = new Map<string, Waiting>();
  /** Jobs whose run ended first: their results are dropped when they come (`onLate` cleans up). */
  private readonly late = new Set<string>();

  constructor(
    events: QueueEvents,
    private readonly onLate: (r: NodeJobResult) => void,
  ) {
    events.on('completed', ({ jobId, returnvalue }) => this.settle(jobId, (w) => w.resolve(returnvalue as NodeJobResult), returnvalue as NodeJobResult));
    events.on('failed', ({ jobId, failedReason }) => this.settle(jobId, (w) => w.reject(w.failed(failedReason))));
  }

  /** Registers the job, then submits it; resolves with its result. */
  wait(jobId: string, submit: () => Promise<unknown>, failed: (reason: string) => Error): Promise<NodeJobResult> {
    return new Promise<NodeJobResult>((resolve, reject) => {
      this.waiting.set(jobId, { resolve, reject, failed });
      submit().catch((e: unknown) => {
        this.waiting.delete(jobId);
        reject(e);
      });
    });
  }

  /** How many jobs wait. */
  get size(): number {
    return this.waiting.size;
  }

  /** The run of these jobs ended: stop waiting; a result that still comes is cleaned up. */
  abandon(jobIds: Iterable<string>): void {
    for (const id of jobIds) if (this.waiting.delete(id)) this.late.add(id);
  }

  /** Every waiting job fails with `error` (the connection to Redis is lost). */
  failAll(error: () => Error): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.reject(error());
  }

  private settle(jobId: string, deliver: (w: Waiting) => void, result?: NodeJobResult): void {
    const w = this.waiting.get(jobId);
    if (w) {
      this.waiting.delete(jobId);
      deliver(w);
    } else if (this.late.delete(jobId) && result) this.onLate(result);
  }
}
