// One rule compares config keys for @config.when and its siblings and for a step's .when*.
import { describe, expect, it } from '@jest/globals';
import { configMatches } from '../../lib/decorators/config-match.js';
import { step } from '../../lib/decorators/step.js';

describe('configMatches', () => {
  const config = { region: 'uk', weeks: 3 };

  it('compares with === (when, whenNot) or by list membership (whenIn, whenNotIn)', () => {
    expect(configMatches('when', 'uk', config, 'region')).toBe(true);
    expect(configMatches('when', '3', config, 'weeks')).toBe(false);
    expect(configMatches('whenNot', 'us', config, 'region')).toBe(true);
    expect(configMatches('whenIn', ['uk', 'ie'], config, 'region')).toBe(true);
    expect(configMatches('whenNotIn', ['uk', 'ie'], config, 'region')).toBe(false);
  });

  it('reads a missing key as undefined: it passes whenNot and whenNotIn only', () => {
    expect(configMatches('when', 'us', config, 'missing')).toBe(false);
    expect(configMatches('whenIn', ['us'], config, 'missing')).toBe(false);
    expect(configMatches('whenNot', 'us', config, 'missing')).toBe(true);
    expect(configMatches('whenNotIn', ['us'], config, 'missing')).toBe(true);
  });

  it('does not read inherited keys: a config is its own fields', () => {
    const inherited = Object.create({ region: 'uk' }) as Record<string, unknown>;
    expect(configMatches('when', 'uk', inherited, 'region')).toBe(false);
  });

  it('is what a step applies under', () => {
    const s = step((x: number) => x).whenIn({ region: ['uk', 'ie'] }).whenNot({ weeks: 4 });
    expect(s.resolves(config)).toBe(true);
    expect(s.resolves({ region: 'us', weeks: 3 })).toBe(false);
    expect(s.resolves({ region: 'ie', weeks: 4 })).toBe(false);
  });
});
