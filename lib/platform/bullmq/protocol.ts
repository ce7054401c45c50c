/**
 * What travels between the driver and the workers on one BullMQ queue: the job
 * of one node, its result, the abort channel and the Redis keys of values too
 * large for a job. Plain JSON, versioned, so a worker can refuse a job from a
 * driver that speaks another version.
 */
import type { WireError } from './remote-error.js';

/** The protocol version; a worker refuses jobs of another version. */
export const PROTOCOL_VERSION = 1;

/** A value as it travels: inline (base64 of its bytes), or the Redis key that holds its bytes. */
export type WireValue = { readonly b64: string } | { readonly key: string; readonly bytes: number };

/** How a worker rebuilds the graph a job belongs to. */
export interface WireGraph {
  /** The driver's module classes, by name, in the Builder's order. */
  readonly classes: readonly string[];
  /** The driver's config, encoded by the value codec (base64). */
  readonly config: string;
  /** A hash of the above: the worker builds one graph per hash. */
  readonly hash: string;
}

/** The data of one node's job. */
export interface NodeJobData {
  readonly v: number;
  readonly runId: string;
  readonly node: string;
  /** Inside a fan-out: the item's index. */
  readonly item?: number;
  readonly graph: WireGraph;
  /** The node's code hash on the driver (code-hash.ts). */
  readonly code: string;
  /** The node's dependency values, in order. */
  readonly args: readonly WireValue[];
  /** How long values the worker stores for the driver may live, in ms. */
  readonly valueTtlMs: number;
}

/** What a worker returns for a job (the job's return value). */
export type NodeJobResult =
  | { readonly ok: true; readonly value: WireValue; readonly durationMs: number }
  | { readonly ok: false; readonly error: WireError; readonly durationMs: number };

/**
 * Redis names of one queue.
 *
 * @example
 * const names = queueNames('bull', 'features');
 * names.abortChannel; // 'bull:features:hamilton:abort'
 */
export function queueNames(prefix: string, queue: string) {
  const base = `${prefix}:${queue}:hamilton`;
  return {
    /** Workers subscribe; the driver publishes the run id of a stopped run. */
    abortChannel: `${base}:abort`,
    /** A value of run `runId` too large for a job. */
    valueKey: (runId: string, id: string) => `${base}:value:${runId}:${id}`,
  };
}

/**
 * The job id of one node in one run (BullMQ ids may not contain `:`).
 *
 * @example
 * jobIdOf(runId, 3); // '<runId>-3'
 */
export function jobIdOf(runId: string, seq: number): string {
  return `${runId}-${seq}`;
}
