/**
 * `--tag` flags of `hamilton-ts list`, as a tag filter.
 */
import type { TagFilter } from '../core/graph/tag-filter.js';
import { splitPair } from './arguments.js';
import { UsageError } from './errors.js';
import { cliMessages } from './messages.js';

/**
 * `--tag k=v` keeps nodes whose tag `k` is `v`; the same key repeated keeps any
 * of the values; `--tag k` keeps nodes that carry `k`. Several keys must all match.
 *
 * @example
 * parseTagFilter(['owner=ds', 'owner=ml', 'kpi']); // { owner: ['ds', 'ml'], kpi: null }
 */
export function parseTagFilter(pairs: readonly string[] | undefined): TagFilter | undefined {
  if (!pairs?.length) return undefined;
  const values = new Map<string, string[] | null>();
  for (const pair of pairs) {
    const kv = splitPair(pair);
    const key = (kv ? kv[0] : pair).trim();
    if (key === '') throw new UsageError(cliMessages.badTagPair(pair));
    if (!kv) {
      values.set(key, null);
      continue;
    }
    const known = values.get(key);
    if (known === null) continue; // "carries the key" already matches every value
    values.set(key, [...(known ?? []), kv[1]]);
  }
  const filter: Record<string, string | string[] | null> = {};
  for (const [key, list] of values) filter[key] = list === null ? null : list.length === 1 ? list[0]! : list;
  return filter;
}
