/**
 * materialize (Hamilton's `driver.materialize`): one run of the graph with
 * nodes added for that run only: savers that write outputs (`to`), loaders
 * that replace a node or an input (`from`). The nodes come from Materializer
 * objects as plain specs, so this stage knows no data format; lib/io makes them.
 * Savers may stage their writes: each plan's `settle` commits them once every
 * requested node succeeded, or discards them when the run failed.
 */
import { DuplicateNodeError, InvalidInputsError } from '../errors.js';
import type { FunctionGraph } from '../graph/graph.js';
import { materializeMessages } from '../messages.js';
import type { NodeSpec } from '../node.js';
import { isPlainObject } from '../values.js';
import type { ExecuteOptions } from './plan.js';
import { assertKnown } from '../graph/assert-known.js';

/** What a materializer may use while it makes its nodes. */
export interface MaterializeContext {
  /** Registers a live value (a result builder) for this run's nodes; returns the reference an op's args or a FunctionCode carry. */
  ref(value: unknown): string;
}

/** The nodes one materializer adds to one run, and how it ends its writes. */
export interface MaterializerPlan {
  readonly nodes: readonly NodeSpec[];
  /** Called once after the run: 'commit' when every requested node succeeded, 'abort' otherwise. */
  settle?(outcome: 'commit' | 'abort'): Promise<void>;
}

/**
 * A saver (`kind: 'save'`: adds the node `id` and what it needs, and `id` is
 * requested) or a loader (`kind: 'load'`: its node `id` replaces the node or
 * input of that name). `M` is the type of a saver's value, its metadata.
 *
 * @example
 * const m: Materializer<'featuresCsv'> = to.csv({ id: 'featuresCsv', dependencies: ['spend'], path: 'out/f.csv' });
 */
export interface Materializer<Id extends string = string, M = unknown> {
  readonly kind: 'save' | 'load';
  readonly id: Id;
  /** Type only: the metadata a saver returns. */
  readonly metadata?: M;
  prepare(graph: FunctionGraph, ctx: MaterializeContext): MaterializerPlan;
}

/** Options of materialize: those of execute, and more outputs to compute and return. */
export interface MaterializeOptions extends ExecuteOptions {
  /** Nodes to compute and return besides the savers (Hamilton's `additional_vars`). */
  readonly additionalVars?: readonly string[];
}

/** Each saver's metadata, by id. */
export type MaterializedMetadata<Ms extends readonly Materializer[]> = {
  readonly [M in Ms[number] as M extends { readonly kind: 'save' } ? M['id'] : never]: M extends Materializer<string, infer Meta> ? Meta : unknown;
};

/** What materialize returns: the savers' metadata by id, and the additional vars by name. */
export type MaterializeResult<Ms extends readonly Materializer[]> = [MaterializedMetadata<Ms>, Record<string, unknown>];

/** How materialize runs: with the nodes added, computing `outputs` into values by name. */
export type MaterializeRun = (nodes: readonly NodeSpec[], refs: ReadonlyMap<string, unknown>, outputs: readonly string[], options: ExecuteOptions) => Promise<Record<string, unknown>>;

/**
 * Runs `graph` with the materializers' nodes added; returns each saver's
 * metadata by id and the additional vars. Splits a trailing options object
 * off `args`.
 *
 * @example
 * const [metadata, vars] = await materialize(graph, [to.csv({ id: 'f', dependencies: ['spend'], path: 'f.csv' })], run);
 */
export async function materialize(graph: FunctionGraph, args: readonly unknown[], run: MaterializeRun): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const { materializers, options } = splitArguments(args);
  const { additionalVars = [], ...execute } = options;
  if (!Array.isArray(additionalVars) || additionalVars.some((v) => typeof v !== 'string')) throw new InvalidInputsError(materializeMessages.badAdditionalVars(additionalVars));
  checkIds(graph, materializers);
  const saves = materializers.filter((m) => m.kind === 'save').map((m) => m.id);
  if (saves.length === 0 && additionalVars.length === 0) throw new InvalidInputsError(materializeMessages.nothingRequested());
  const refs = new Map<string, unknown>();
  const ctx: MaterializeContext = {
    ref(value) {
      const id = `materialize#${refs.size}`;
      refs.set(id, value);
      return id;
    },
  };
  const plans: MaterializerPlan[] = [];
  const nodes: NodeSpec[] = [];
  try {
    for (const m of materializers) {
      const plan = m.prepare(graph, ctx);
      plans.push(plan);
      checkNodes(graph, m, plan.nodes);
      for (const n of plan.nodes) nodes.push(n);
    }
    const outputs = [...new Set([...saves, ...additionalVars])];
    const values = await run(nodes, refs, outputs, execute);
    await settleAll(plans, 'commit');
    const metadata: Record<string, unknown> = {};
    for (const id of saves) metadata[id] = values[id];
    const vars: Record<string, unknown> = {};
    for (const name of additionalVars) vars[name] = values[name];
    return [metadata, vars];
  } catch (error) {
    await Promise.allSettled(plans.map((p) => p.settle?.('abort')));
    throw error;
  }
}

/** Commits each plan in turn; when one fails, the rest are aborted and its error is thrown. */
async function settleAll(plans: readonly MaterializerPlan[], outcome: 'commit'): Promise<void> {
  for (let k = 0; k < plans.length; k++) {
    try {
      await plans[k]!.settle?.(outcome);
    } catch (error) {
      await Promise.allSettled(plans.slice(k + 1).map((p) => p.settle?.('abort')));
      throw error;
    }
  }
}

function isMaterializer(m: unknown): m is Materializer {
  const x = m as Partial<Materializer> | null;
  return x !== null && typeof x === 'object' && (x.kind === 'save' || x.kind === 'load') && typeof x.id === 'string' && typeof x.prepare === 'function';
}

function splitArguments(args: readonly unknown[]): { materializers: Materializer[]; options: MaterializeOptions } {
  const last = args[args.length - 1];
  const hasOptions = args.length > 0 && !isMaterializer(last) && isPlainObject(last);
  const materializers = hasOptions ? args.slice(0, -1) : args;
  materializers.forEach((m, k) => {
    if (!isMaterializer(m)) throw new InvalidInputsError(materializeMessages.notAMaterializer(k, m));
  });
  return { materializers: materializers as Materializer[], options: hasOptions ? (last as MaterializeOptions) : {} };
}

/** Saver ids are new names, loader targets are names of the graph, and no name is used twice. */
function checkIds(graph: FunctionGraph, materializers: readonly Materializer[]): void {
  const seen = new Set<string>();
  for (const m of materializers) {
    if (seen.has(m.id)) throw new InvalidInputsError(materializeMessages.idTwice(m.id));
    seen.add(m.id);
    if (m.kind === 'save') {
      const existing = graph.node(m.id);
      if (existing) throw new DuplicateNodeError(materializeMessages.idTaken(m.id, existing.spec?.origin, existing.fromConfig), m.id, [existing.spec?.origin ?? m.id, 'materialize']);
    } else if (Object.prototype.hasOwnProperty.call(graph.config, m.id)) {
      throw new InvalidInputsError(materializeMessages.loadsConfig(m.id));
    }
  }
  assertKnown(graph, materializers.filter((m) => m.kind === 'load').map((m) => m.id));
}

/** A materializer's nodes are new names, but for a loader's node `id`, which replaces the graph's. */
function checkNodes(graph: FunctionGraph, m: Materializer, nodes: readonly NodeSpec[]): void {
  for (const n of nodes) {
    if (m.kind === 'load' && n.name === m.id) continue;
    const existing = graph.node(n.name);
    if (existing) throw new DuplicateNodeError(materializeMessages.nodeTaken(m.id, n.name, existing.spec?.origin), n.name, [existing.spec?.origin ?? n.name, 'materialize']);
  }
}
