/**
 * The "direct" baseline: the same methods, called in a precomputed topological
 * order with the same argument passing as the executor (an argument array built
 * from a values array, then `fn.apply(instance, args)`), with no engine around them.
 */
import type { GraphSpec } from './shapes.js';

/**
 * Prepares a direct run of every node of `spec` on an instance of `cls`; the
 * returned function computes all nodes and returns the values of the outputs.
 *
 * @example
 * const direct = directRunner(spec, Wide4000);
 * direct(spec.inputs);
 */
export function directRunner(spec: GraphSpec, cls: new () => object): (inputs: Readonly<Record<string, number>>) => unknown[] {
  const instance = new cls();
  const proto = cls.prototype as Record<string, (...args: unknown[]) => unknown>;
  const n = spec.names.length;
  const inputNames = Object.keys(spec.inputs);
  // Slots 0..n-1 hold nodes (in spec order, already topological), then the inputs.
  const slot = new Map<string, number>();
  spec.names.forEach((name, i) => slot.set(name, i));
  inputNames.forEach((name, k) => slot.set(name, n + k));
  const fns = spec.names.map((name) => proto[name]!);
  const deps = spec.deps.map((ds) => Int32Array.from(ds, (d) => slot.get(d)!));
  const outputSlots = spec.outputs.map((o) => slot.get(o)!);

  return (inputs) => {
    const values: unknown[] = new Array(n + inputNames.length);
    for (let k = 0; k < inputNames.length; k++) values[n + k] = inputs[inputNames[k]!];
    for (let i = 0; i < n; i++) {
      const d = deps[i]!;
      const args: unknown[] = new Array(d.length);
      for (let k = 0; k < d.length; k++) args[k] = values[d[k]!];
      values[i] = fns[i]!.apply(instance, args);
    }
    return outputSlots.map((s) => values[s]);
  };
}
