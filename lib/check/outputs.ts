/**
 * The check on `--outputs`: each requested name is a node, a declared input,
 * an input some node reads, or a name a decorator adds; otherwise close
 * names are suggested.
 */
import { closeNames } from '../core/graph/suggest.js';
import { matchesPattern, producersByName } from './edges.js';
import { checkMessages } from './messages.js';
import type { Finding, StaticDataflow } from './model.js';

/**
 * One finding per requested output that does not exist.
 *
 * @example
 * checkOutputs(flow, ['spendPerSignp'], new Set()); // [{ code: 'unknown-output', ... 'did you mean `spendPerSignup`?' }]
 */
export function checkOutputs(flow: StaticDataflow, outputs: readonly string[], declaredInputs: ReadonlySet<string>): Finding[] {
  const nodes = producersByName(flow.nodes);
  const read = new Set(flow.nodes.flatMap((n) => n.parameters.map((p) => p.name)));
  const candidates = [...nodes.keys(), ...declaredInputs];
  const out: Finding[] = [];
  for (const name of new Set(outputs)) {
    if (nodes.has(name) || declaredInputs.has(name) || read.has(name) || matchesPattern(flow, name)) continue;
    out.push({ code: 'unknown-output', severity: 'error', node: name, message: checkMessages.unknownOutput(name, closeNames(name, candidates)) });
  }
  return out;
}
