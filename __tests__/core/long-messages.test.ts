// Messages stay short on huge graphs, and the error's fields keep every name.
// Regression test for an adversarial pass: a CycleError on a 100,000-node cycle carried a 3 MB message
// (the message builder is checked at that size; the graph is built here with a 2,000-node cycle).
import { describe, expect, it } from '@jest/globals';
import { Builder, CycleError, MissingInputsError, UnknownNodeError, node } from '../../lib/index.js';
import { graphMessages } from '../../lib/core/messages.js';
import { silent, thrownBy } from '../support.js';

/** `count` classes; node n<i> reads n<i+1>, and the last reads the first when `closed`, else input `end`. */
function ring(count: number, closed: boolean) {
  return Array.from({ length: count }, (_, i) => {
    const input = i + 1 < count ? `n${i + 1}` : closed ? 'n0' : 'end';
    class Link {
      @node({ name: `n${i}`, inputs: [input] })
      link(x: number) {
        return x;
      }
    }
    return Link;
  });
}

describe('a CycleError on a long cycle', () => {
  const error = thrownBy(() => new Builder().withModules(...ring(2000, true)).build()) as CycleError;

  it('has a message of a few hundred characters: its ends and the cycle length', () => {
    expect(error).toBeInstanceOf(CycleError);
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain('in a cycle of 2000 nodes');
    expect(error.message).toContain("the whole path is the error's `path`");
    expect(error.message).toContain('... (1981 more) ->');
  });

  it('keeps the whole path, closed on its first node, on the error', () => {
    expect(error.path).toHaveLength(2001);
    expect(error.path[0]).toBe(error.path[2000]);
    expect(new Set(error.path).size).toBe(2000);
  });

  it('still lists a short cycle in full', () => {
    const short = thrownBy(() => new Builder().withModules(...ring(3, true)).build()) as CycleError;
    expect(short.message).toMatch(/^The nodes depend on each other in a cycle: `n\d` \(Link\.link\) -> `n\d` \(Link\.link\) -> `n\d` \(Link\.link\) -> `n\d` \(Link\.link\)\. /);
  });

  it('on 100,000 nodes is still a message of a few hundred characters (the 3 MB message of the adversarial pass)', () => {
    const path = Array.from({ length: 100_001 }, (_, i) => `n${i % 100_000}`);
    const message = graphMessages.cycle(path, path.map(() => 'Link.link'));
    expect(message.length).toBeLessThan(1000);
    expect(message).toContain('in a cycle of 100000 nodes');
  });
});

describe('many missing inputs or unknown names', () => {
  class Wide {
    @node({ inputs: Array.from({ length: 5000 }, (_, i) => `in${i}`) })
    wide(...xs: number[]) {
      return xs.length;
    }
  }
  const dr = new Builder().withModules(Wide).withLogger(silent).build();

  it('a MissingInputsError lists ten inputs and the count of the rest; `missing` has all', () => {
    const error = thrownBy(() => dr.validateExecution(['wide'])) as MissingInputsError;
    expect(Object.keys(error.missing)).toHaveLength(5000);
    expect(error.message.split('\n').filter((l) => l.startsWith('  - `in'))).toHaveLength(10);
    expect(error.message).toContain("and 4990 more (every one is in the error's `missing`)");
  });

  it('an UnknownNodeError lists ten names and the count of the rest; `names` has all', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `wide${i}`);
    const error = thrownBy(() => dr.validateExecution(names)) as UnknownNodeError;
    expect(error.names).toHaveLength(20_000);
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain("and 19990 more (every one is in the error's `names`)");
  });
});
