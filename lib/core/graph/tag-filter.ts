import type { Tags } from '../node.js';

/**
 * A tag query: `{ key: value }` matches equal values, `{ key: [a, b] }` any of
 * them, `{ key: null }` any node carrying the key; several keys must all match.
 * A list-valued tag matches when any of its values does.
 */
export type TagFilter = Readonly<Record<string, string | readonly string[] | null>>;

/**
 * True when the tags satisfy the filter.
 *
 * @example
 * matchesTags({ owner: 'ds', pii: 'false' }, { owner: ['ds', 'eng'], pii: null }); // true
 */
export function matchesTags(tags: Tags, filter: TagFilter): boolean {
  for (const key of Object.keys(filter)) {
    if (!Object.prototype.hasOwnProperty.call(tags, key)) return false;
    const wanted = filter[key];
    if (wanted === null || wanted === undefined) continue;
    const have = tags[key]!;
    const haveList = typeof have === 'string' ? [have] : have;
    const wantList = typeof wanted === 'string' ? [wanted] : wanted;
    if (!haveList.some((h) => wantList.includes(h))) return false;
  }
  return true;
}
