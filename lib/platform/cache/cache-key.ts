/**
 * A node's cache key: sha256 of its name, its code (code-text.ts), the driver's
 * whole config, and the fingerprint of each input value. The whole config
 * counts, not only the keys the node reads: config also chooses, while the graph
 * is built, which function a node runs and which values its decorators bind,
 * and none of that is recorded per node; so any config change recomputes
 * everything, but a stored value is never returned for another config.
 */
import { createHash } from 'node:crypto';
import type { FunctionGraph, GraphNode } from '../../core/graph/graph.js';
import type { LinkContext } from '../../core/resolve/ops.js';
import { codeTextOf, type CodeText } from './code-text.js';
import { fingerprint, type Fingerprint } from './fingerprint.js';

/** Bumped when the key's recipe changes, so old entries are never read as new ones. */
const RECIPE = 'hamilton-ts cache key 1';

/** A key, or why a node has none. */
export type CacheKey = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly reason: string };

/**
 * Makes the keys of one graph's nodes; code texts and the config's fingerprint are computed once.
 *
 * @example
 * const keys = new CacheKeys(graph, link);
 * const k = keys.keyOf(graph.node('spendMean')!, [spend], memo);
 */
export class CacheKeys {
  private readonly codes = new Map<string, CodeText>();
  private configPrint: Fingerprint | undefined;

  constructor(
    private readonly graph: FunctionGraph,
    private readonly link: LinkContext,
  ) {}

  /** The config's fingerprint (every key includes it). */
  config(): Fingerprint {
    return (this.configPrint ??= fingerprint(this.graph.config));
  }

  /**
   * The key of `node` called with `args` (its dependency values, in order).
   * `memo` holds the fingerprints of object values already seen in this run.
   */
  keyOf(node: GraphNode, args: readonly unknown[], memo: WeakMap<object, string>): CacheKey {
    const config = this.config();
    if (!config.ok) return { ok: false, reason: `the config: ${config.reason}` };
    let code = this.codes.get(node.name);
    if (!code) this.codes.set(node.name, (code = codeTextOf(node, this.link)));
    if (!code.ok) return code;
    const hash = createHash('sha256');
    hash.update(`${RECIPE}\u0000${node.name}\u0000${code.text}\u0000${config.digest}`);
    const deps = node.spec!.dependencies;
    for (let k = 0; k < deps.length; k++) {
      const print = valuePrint(args[k], memo);
      if (!print.ok) return { ok: false, reason: `input ${deps[k]!.name}: ${print.reason}` };
      hash.update(`\u0000${deps[k]!.name}\u0000${print.digest}`);
    }
    return { ok: true, key: hash.digest('hex') };
  }
}

/**
 * A value's fingerprint, remembered for objects so a value read by many nodes is hashed once a run.
 *
 * @example
 * const p = valuePrint(spend, memo);
 */
export function valuePrint(v: unknown, memo: WeakMap<object, string>): Fingerprint {
  const isObject = v !== null && typeof v === 'object';
  if (isObject) {
    const known = memo.get(v);
    if (known !== undefined) return { ok: true, digest: known };
  }
  const print = fingerprint(v);
  if (print.ok && isObject) memo.set(v, print.digest);
  return print;
}
