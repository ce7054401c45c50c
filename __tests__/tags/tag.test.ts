// @tag and @tagOutputs: attaching metadata to nodes, stacking, validation, and which wins.
import { describe, expect, it } from '@jest/globals';
import { Builder, DecoratorError, checkOutput, node, tag, tagOutputs, type Module, type Tags } from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

const tagsOf = (module: Module, name: string): Tags | undefined =>
  new Builder().withModules(module).withLogger(silent).build().listAvailableVariables().find((n) => n.name === name)?.tags;

describe('@tag', () => {
  it("attaches its tags to the method's node", () => {
    class Features {
      @tag({ owner: 'data-science', pii: 'false' })
      @node()
      spend() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'spend')).toEqual({ owner: 'data-science', pii: 'false' });
  });

  it('keeps list values as lists', () => {
    class Features {
      @tag({ regions: ['us', 'uk'] })
      @node()
      spend() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'spend')).toEqual({ regions: ['us', 'uk'] });
  });

  it('copies its values: changing the array later does not change the node', () => {
    const regions = ['us'];
    class Features {
      @tag({ regions })
      @node()
      spend() {
        return 1;
      }
    }
    regions.push('uk');
    expect(tagsOf(Features, 'spend')).toEqual({ regions: ['us'] });
  });

  it('stacks: several @tag decorators merge their keys', () => {
    class Features {
      @tag({ owner: 'data-science' })
      @tag({ pii: 'true' })
      @tag({ regions: ['us'] })
      @node()
      spend() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'spend')).toEqual({ owner: 'data-science', pii: 'true', regions: ['us'] });
  });

  it('lets the decorator written higher win on a repeated key, as Hamilton applies them bottom-up', () => {
    class Features {
      @tag({ owner: 'top' })
      @tag({ owner: 'bottom', pii: 'false' })
      @node()
      spend() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'spend')).toEqual({ owner: 'top', pii: 'false' });
  });

  it('works on static node methods', () => {
    class Features {
      @tag({ owner: 'ops' })
      @node()
      static rate() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'rate')).toEqual({ owner: 'ops' });
  });

  it('gives the same tags whether written above or below @node()', () => {
    class Above {
      @tag({ owner: 'ops' })
      @node()
      x() {
        return 1;
      }
    }
    class Below {
      @node()
      @tag({ owner: 'ops' })
      x() {
        return 1;
      }
    }
    expect(tagsOf(Below, 'x')).toEqual(tagsOf(Above, 'x'));
  });

  it('tags only the final node of a method that makes several', () => {
    class Checked {
      @tag({ owner: 'ds' })
      @checkOutput({ range: [0, 1], importance: 'warn' })
      @node()
      score() {
        return 0.5;
      }
    }
    expect(tagsOf(Checked, 'score')).toEqual({ owner: 'ds' });
    expect(tagsOf(Checked, 'score_raw')).not.toHaveProperty('owner');
  });
});

describe('@tag validation (at class definition)', () => {
  const define = (tags: unknown) => () => {
    class Features {
      @tag(tags as Record<string, string>)
      @node()
      x() {
        return 1;
      }
    }
    return Features;
  };

  it('rejects keys in the reserved `hamilton.` namespace, naming the key', () => {
    const error = thrownBy(define({ 'hamilton.role': 'raw' }));
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('@tag: tag key `hamilton.role` is in the reserved `hamilton.` namespace');
  });

  it.each([
    ['a number', 3],
    ['a boolean', true],
    ['an object', { nested: 'x' }],
    ['null', null],
    ['a list with a non-string', ['a', 1]],
  ])('rejects %s as a value, naming the key', (_, value) => {
    const error = thrownBy(define({ owner: value }));
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('@tag: tag `owner` must be a string or a non-empty list of strings');
  });

  it.each([
    ['null', null],
    ['a string', 'owner'],
    ['a list', ['owner']],
  ])('rejects %s instead of an object of tags', (_, tags) => {
    const error = thrownBy(define(tags));
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('@tag takes an object of tags');
  });

  // Hamilton's tag._value_allowed rejects empty lists: a tag no filter can ever match is a mistake.
  it('rejects an empty list as a value, as Hamilton does', () => {
    expect(thrownBy(define({ regions: [] }))).toBeInstanceOf(DecoratorError);
  });

  // Hamilton's tag._key_allowed rejects empty keys (and empty dot-separated parts).
  it('rejects an empty key, as Hamilton does', () => {
    expect(thrownBy(define({ '': 'x' }))).toBeInstanceOf(DecoratorError);
  });
});

describe('@tagOutputs', () => {
  it('tags the named output', () => {
    class Features {
      @tagOutputs({ spend: { pii: 'false', regions: ['us'] } })
      @node()
      spend() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'spend')).toEqual({ pii: 'false', regions: ['us'] });
  });

  it('tags each named node of a method that makes several', () => {
    class Checked {
      @tagOutputs({ score_raw: { stage: 'raw' }, score: { stage: 'final' } })
      @checkOutput({ range: [0, 1], importance: 'warn' })
      @node()
      score() {
        return 0.5;
      }
    }
    expect(tagsOf(Checked, 'score_raw')).toMatchObject({ stage: 'raw' });
    expect(tagsOf(Checked, 'score')).toEqual({ stage: 'final' });
  });

  it('wins over @tag on the same key when written above it', () => {
    class Features {
      @tagOutputs({ spend: { owner: 'from-tagOutputs' } })
      @tag({ owner: 'from-tag', pii: 'true' })
      @node()
      spend() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'spend')).toEqual({ owner: 'from-tagOutputs', pii: 'true' });
  });

  it('wins over @tag on the same key when written below it', () => {
    class Features {
      @tag({ owner: 'from-tag', pii: 'true' })
      @tagOutputs({ spend: { owner: 'from-tagOutputs' } })
      @node()
      spend() {
        return 1;
      }
    }
    expect(tagsOf(Features, 'spend')).toEqual({ owner: 'from-tagOutputs', pii: 'true' });
  });

  it('rejects output names the method does not produce at build, naming them and the real outputs', () => {
    class Features {
      @tagOutputs({ spnd: { pii: 'false' } })
      @node()
      spend() {
        return 1;
      }
    }
    const error = thrownBy(() => new Builder().withModules(Features).withLogger(silent).build());
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('@tagOutputs on Features.spend names `spnd`, which it does not produce (it produces `spend`)');
  });

  it('validates its tags like @tag, at class definition', () => {
    const error = thrownBy(() => {
      class Features {
        @tagOutputs({ spend: { 'hamilton.x': 'y' } })
        @node()
        spend() {
          return 1;
        }
      }
      return Features;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('@tagOutputs: tag key `hamilton.x`');
  });
});
