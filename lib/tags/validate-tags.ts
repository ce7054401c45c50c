import { DecoratorError } from '../core/errors.js';
import { tagMessages } from '../core/messages.js';
import type { TagValue, Tags } from '../core/node.js';
import { checkDecoratorName, setOwn } from '../core/names.js';
import { isPlainObject } from '../core/values.js';

/**
 * Checks and freezes user tags: string keys (not in the reserved `hamilton.`
 * namespace, no control characters; `__proto__` is a key like any other) with
 * string or string-list values.
 *
 * @example
 * validateTags('@tag', { owner: 'ds', regions: ['us', 'uk'] });
 */
export function validateTags(decorator: string, tags: unknown): Tags {
  if (!isPlainObject(tags)) throw new DecoratorError(tagMessages.notAnObject(decorator, tags));
  const out: Record<string, TagValue> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (key.trim() === '') throw new DecoratorError(tagMessages.emptyKey(decorator));
    if (key === 'hamilton' || key.startsWith('hamilton.')) throw new DecoratorError(tagMessages.reservedKey(decorator, key));
    checkDecoratorName(key, decorator, 'tag key');
    // An empty list could never match a tag filter, so it is surely a mistake.
    const ok = typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
    if (!ok) throw new DecoratorError(tagMessages.badValue(decorator, key, value));
    setOwn(out, key, Array.isArray(value) ? Object.freeze([...value]) : value);
  }
  return Object.freeze(out);
}
