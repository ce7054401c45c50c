/**
 * The graphs a worker has built: one per graph hash (module classes and config
 * of the driver that sent the job), from the worker's own modules, with the
 * code hash of each node computed once.
 */
import type { Logger } from 'pino';
import { Builder } from '../../core/builder.js';
import type { FunctionGraph, GraphNode } from '../../core/graph/graph.js';
import type { Module } from '../../core/resolve/resolve.js';
import { codeHashOf } from './code-hash.js';
import { WorkerRefusedError } from './errors.js';
import { bullmqMessages } from './messages.js';
import type { WireGraph } from './protocol.js';
import { decodeValue } from './value-codec.js';

/** A graph built by a worker. */
export interface WorkerGraph {
  readonly graph: FunctionGraph;
  /** The node's code hash, computed once per node. */
  codeHash(node: GraphNode): string;
}

/** How many graphs (distinct configs) a worker keeps built. */
const KEPT = 16;

/**
 * The graphs of one worker.
 *
 * @example
 * const { graph } = await graphs.get(job.graph, job.node);
 */
export class WorkerGraphs {
  private readonly built = new Map<string, Promise<WorkerGraph>>();
  private readonly byName = new Map<string, Module>();

  constructor(
    modules: readonly Module[],
    private readonly logger: Logger,
    private readonly worker: string,
  ) {
    for (const m of modules) this.byName.set(typeof m === 'function' ? m.name : (m as object).constructor.name, m);
  }

  /** The graph of a job (built on first use); a WorkerRefusedError naming the node when a class is missing. */
  get(wire: WireGraph, node: string): Promise<WorkerGraph> {
    let g = this.built.get(wire.hash);
    if (g) {
      // Most recently used last: the oldest leaves first.
      this.built.delete(wire.hash);
      this.built.set(wire.hash, g);
      return g;
    }
    const missing = wire.classes.find((c) => !this.byName.has(c));
    if (missing !== undefined) return Promise.reject(new WorkerRefusedError(bullmqMessages.refusedClass(node, missing, [...this.byName.keys()], this.worker), node, this.worker));
    g = this.build(wire);
    g.catch(() => this.built.delete(wire.hash));
    this.built.set(wire.hash, g);
    if (this.built.size > KEPT) this.built.delete(this.built.keys().next().value!);
    return g;
  }

  private async build(wire: WireGraph): Promise<WorkerGraph> {
    const config = (await decodeValue(Buffer.from(wire.config, 'base64'))) as Record<string, unknown>;
    const modules = wire.classes.map((c) => this.byName.get(c)!);
    const graph = new Builder().withModules(...modules).withConfig(config).withLogger(this.logger).build().graph;
    const hashes = new Map<GraphNode, string>();
    return {
      graph,
      codeHash: (n) => {
        let h = hashes.get(n);
        if (h === undefined) hashes.set(n, (h = codeHashOf(n)));
        return h;
      },
    };
  }
}
