/**
 * A node's code as text, for its cache key (Hamilton's code version): the
 * source of the node's own method or function, or for a framework op its name,
 * its arguments and the framework function it runs. As in Hamilton, only the
 * node itself counts: a helper it calls, or a method of its class that it
 * reads through `this`, can change without the node being recomputed.
 */
import type { GraphNode } from '../../core/graph/graph.js';
import type { LinkContext } from '../../core/resolve/ops.js';
import { Fingerprinter } from './fingerprint.js';

/** The code text of a node, or why it has none that can be trusted. */
export type CodeText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * The code text of one function node.
 *
 * @example
 * const code = codeTextOf(graph.node('spendPerSignup')!, link);
 */
export function codeTextOf(node: GraphNode, link: LinkContext): CodeText {
  const code = node.spec!.code;
  const parts: string[] = [code.kind];
  if (code.kind === 'method') {
    const holder = link.holder(code.module, code.static) as Record<string, unknown>;
    parts.push(code.method, String(code.static), sourceOf(holder[code.method]));
  } else if (code.kind === 'function') {
    parts.push(sourceOf(link.ref(code.ref)));
  } else {
    parts.push(code.op);
    const args = new Fingerprinter();
    const reason = args.add(code.args);
    if (reason) return { ok: false, reason: `the arguments of framework op ${code.op}: ${reason}` };
    parts.push(args.digest());
    // Values a decorator handed over (a custom validator) are named in the args by reference.
    for (const ref of stringsIn(code.args)) {
      const value = refValue(link, ref);
      if (value !== undefined) parts.push(ref, sourceOf(value));
    }
    parts.push(sourceOf(node.fn));
  }
  if ('bind' in code && code.bind) {
    const bind = new Fingerprinter();
    const reason = bind.add(code.bind);
    if (reason) return { ok: false, reason: `a value bound to a parameter: ${reason}` };
    parts.push(bind.digest());
  }
  return { ok: true, text: parts.join('\u0000') };
}

/** The source of a function, or of an object's functions (own and inherited), by name. */
function sourceOf(value: unknown): string {
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(String(value));
  const parts: string[] = [];
  const seen = new Set<string>();
  for (let o: object | null = value; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const key of Object.getOwnPropertyNames(o).sort()) {
      if (seen.has(key) || key === 'constructor') continue;
      seen.add(key);
      const d = Object.getOwnPropertyDescriptor(o, key)!;
      const v: unknown = d.value ?? d.get;
      parts.push(`${key}=${typeof v === 'function' ? Function.prototype.toString.call(v) : safeJson(v)}`);
    }
  }
  return parts.join('\n');
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function stringsIn(v: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v !== null && typeof v === 'object' && depth < 4) for (const x of Object.values(v)) stringsIn(x, out, depth + 1);
  return out;
}

function refValue(link: LinkContext, id: string): unknown {
  try {
    return link.ref(id);
  } catch {
    return undefined; // not a reference: an ordinary string argument
  }
}
