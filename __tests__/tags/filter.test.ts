// matchesTags: the tag-filter semantics queries use, on plain tag objects (Hamilton's matches_query).
import { describe, expect, it } from '@jest/globals';
import { matchesTags } from '../../lib/index.js';

const tags = { owner: 'data-science', regions: ['us', 'uk'], pii: 'false' };

describe('matchesTags', () => {
  it('matches an equal value with { key: value }', () => {
    expect(matchesTags(tags, { owner: 'data-science' })).toBe(true);
    expect(matchesTags(tags, { owner: 'ops' })).toBe(false);
  });

  it('matches any of several values with { key: [a, b] }', () => {
    expect(matchesTags(tags, { owner: ['ops', 'data-science'] })).toBe(true);
    expect(matchesTags(tags, { owner: ['ops', 'marketing'] })).toBe(false);
  });

  it('matches any value of the key with { key: null }', () => {
    expect(matchesTags(tags, { pii: null })).toBe(true);
    expect(matchesTags(tags, { kpi: null })).toBe(false);
  });

  it('matches a list-valued tag when one of its values matches', () => {
    expect(matchesTags(tags, { regions: 'uk' })).toBe(true);
    expect(matchesTags(tags, { regions: ['de', 'us'] })).toBe(true);
    expect(matchesTags(tags, { regions: 'de' })).toBe(false);
  });

  it('requires every key to match', () => {
    expect(matchesTags(tags, { owner: 'data-science', pii: 'false', regions: null })).toBe(true);
    expect(matchesTags(tags, { owner: 'data-science', pii: 'true' })).toBe(false);
  });

  it('never matches on a key the tags lack, whatever the value', () => {
    expect(matchesTags({}, { owner: 'x' })).toBe(false);
    expect(matchesTags({}, { owner: [] })).toBe(false);
  });

  it('matches everything with an empty filter', () => {
    expect(matchesTags({}, {})).toBe(true);
    expect(matchesTags(tags, {})).toBe(true);
  });

  it('does not read inherited properties as tags', () => {
    expect(matchesTags({}, { toString: null })).toBe(false);
  });
});
