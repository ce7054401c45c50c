/**
 * The same graphs on @observablehq/runtime, the reactive dataflow runtime we
 * compare against: every node becomes a variable defined with the same method
 * and the same dependency names; outputs are observed, so the runtime computes
 * them and everything they read, and we wait until every output has a value.
 */
import { Runtime, type Module, type Observer } from '@observablehq/runtime';
import type { GraphSpec } from './shapes.js';

/**
 * One graph defined on a fresh Observable runtime.
 *
 * @example
 * const g = await ObservableGraph.compute(spec, Wide4000, spec.inputs); // cold: define + compute
 * await g.recompute({ ...spec.inputs, x0: 2 });                        // warm: redefine inputs
 * g.dispose();
 */
export class ObservableGraph {
  private remaining = 0;
  private settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  private readonly runtime = new Runtime();
  private readonly main: Module = this.runtime.module();

  private constructor(private readonly spec: GraphSpec) {}

  /** Defines inputs and nodes on a new runtime and resolves once every output is computed. */
  static async compute(spec: GraphSpec, cls: new () => object, inputs: Readonly<Record<string, number>>): Promise<ObservableGraph> {
    const graph = new ObservableGraph(spec);
    const done = graph.expectOutputs();
    const proto = cls.prototype as Record<string, (...args: never[]) => unknown>;
    const outputs = new Set(spec.outputs);
    const observer: Observer = {
      fulfilled: () => graph.fulfilled(),
      rejected: (e: unknown) => graph.settle?.reject(e),
    };
    for (const [name, value] of Object.entries(inputs)) graph.main.define(name, [], () => value);
    spec.names.forEach((name, i) => {
      // The same function objects our driver calls; they do not use `this`.
      const fn = proto[name]!;
      if (outputs.has(name)) graph.main.variable(observer).define(name, spec.deps[i]!, fn);
      else graph.main.define(name, spec.deps[i]!, fn);
    });
    await done;
    return graph;
  }

  /** Redefines the inputs and resolves once every output is recomputed. */
  async recompute(inputs: Readonly<Record<string, number>>): Promise<void> {
    const done = this.expectOutputs();
    for (const [name, value] of Object.entries(inputs)) this.main.redefine(name, [], () => value);
    await done;
  }

  /** An output's current value (for checking both engines agree; not timed). */
  value(name: string): Promise<unknown> {
    return this.main.value(name);
  }

  /** Stops the runtime and releases its variables. */
  dispose(): void {
    this.runtime.dispose();
  }

  private expectOutputs(): Promise<void> {
    this.remaining = this.spec.outputs.length;
    return new Promise<void>((resolve, reject) => { this.settle = { resolve, reject }; });
  }

  private fulfilled(): void {
    if (--this.remaining === 0) this.settle?.resolve();
  }
}
