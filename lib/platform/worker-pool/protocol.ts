/**
 * What the main thread and a pool worker say to each other about one node:
 * plain, structured-cloneable data.
 */
import type { GraphSource } from '../../core/source/graph-source.js';
import type { PackedValue } from '../values/pack.js';
import type { SentError } from './sent-error.js';

/** Run one node of a graph, with its argument values. */
export interface NodeTask {
  /** Which graph (one id per driver graph and executor): the worker rebuilds each graph once. */
  readonly graph: string;
  readonly source: GraphSource;
  readonly node: string;
  /** The node's dependency names as the driver's graph has them: the rebuilt node must read the same. */
  readonly dependencies: readonly string[];
  /** The dependency values, in order, each packed (copies: the main thread keeps its own). */
  readonly args: readonly PackedValue[];
  /** Present when the node receives a NodeContext: the worker makes one with these. */
  readonly context?: { readonly runId: string; readonly item?: number };
  /** The driver logger's level: records at or above it come back with the reply. */
  readonly logLevel: string;
  /** Whether the result's buffers may be transferred instead of copied. */
  readonly transferResults: boolean;
}

/**
 * The outcome of a task. `stage: 'setup'` means the node never ran (the graph
 * could not be rebuilt, or has no such node); `'node'` is the node's own failure.
 * `logs` are the pino lines the node wrote.
 */
export type NodeReply =
  | { readonly ok: true; readonly value: PackedValue; readonly logs: readonly string[] }
  | { readonly ok: false; readonly stage: 'setup' | 'node' | 'result'; readonly error: SentError; readonly logs: readonly string[] };
