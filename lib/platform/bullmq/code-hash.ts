/**
 * A node's code as a short hash, computed the same way by the driver and by
 * every worker, so that a worker whose module files differ from the driver's
 * refuses the node instead of computing something else under its name.
 *
 * A function counts by its shape (function-shape.ts), not its text, because the
 * two sides may have compiled the same source differently.
 */
import { createHash } from 'node:crypto';
import type { GraphNode } from '../../core/graph/graph.js';
import { boundTarget } from '../../core/resolve/link.js';
import { functionShape } from './function-shape.js';

/**
 * The code hash of one function node: its name, dependencies, code reference
 * (module position, method, bound values, op and args) and the shape of its
 * own function (not of helpers it calls).
 *
 * @example
 * codeHashOf(dr.graph.node('spendPerSignup')!); // '3f1c…' (32 hex digits)
 */
export function codeHashOf(node: GraphNode): string {
  const spec = node.spec!;
  const h = createHash('sha256');
  h.update(canonicalText([spec.name, spec.dependencies, spec.needsContext === true, spec.code]));
  if (spec.code.kind !== 'op' && node.fn) h.update(functionShape((boundTarget(node.fn) ?? { fn: node.fn }).fn));
  return h.digest('hex').slice(0, 32);
}

/**
 * Plain data as text with sorted keys and tagged non-JSON values, the same in
 * every process and Node version (unlike v8 serialization, whose format version
 * is part of its bytes).
 */
function canonicalText(v: unknown, depth = 0): string {
  if (depth > 32) return '…';
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : `#${String(v)}`;
  if (typeof v === 'bigint') return `${v}n`;
  if (v === undefined) return '#undefined';
  if (typeof v === 'function') return `#fn:${functionShape(v)}`;
  if (typeof v === 'symbol') return `#${String(v)}`;
  if (Array.isArray(v)) return `[${v.map((x) => canonicalText(x, depth + 1)).join(',')}]`;
  if (ArrayBuffer.isView(v)) return `#${v.constructor.name}:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}`;
  if (v instanceof Date) return `#date:${v.getTime()}`;
  if (v instanceof RegExp) return `#re:${String(v)}`;
  if (v instanceof Map) return `#map${canonicalText([...v], depth + 1)}`;
  if (v instanceof Set) return `#set${canonicalText([...v], depth + 1)}`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalText(o[k], depth + 1)}`).join(',')}}`;
}
