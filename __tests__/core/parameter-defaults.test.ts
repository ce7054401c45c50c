// A parameter default applies when nothing provides the value, and also when the value is `undefined`:
// that is how JavaScript defaults work (the README says so). Pinned so that a change is a decision.
import { describe, expect, it } from '@jest/globals';
import { Builder, node } from '../../lib/index.js';
import { silent } from '../support.js';

class Regions {
  @node()
  region(): string | undefined {
    return undefined;
  }

  @node()
  label(region = 'us') {
    return `region ${region}`;
  }

  @node()
  target(market = 'uk') {
    return `market ${market}`;
  }

  @node()
  noValue(): null {
    return null;
  }

  @node()
  passedOn(noValue: string | null = 'default') {
    return noValue;
  }
}

const dr = new Builder().withModules(Regions).withLogger(silent).build();

describe('parameter defaults', () => {
  it('apply when the upstream node returns undefined', async () => {
    await expect(dr.execute(['label'])).resolves.toEqual({ label: 'region us' });
  });

  it('apply when no node or input provides the value', async () => {
    await expect(dr.execute(['target'])).resolves.toEqual({ target: 'market uk' });
  });

  it('apply when the input is given as undefined', async () => {
    await expect(dr.execute(['target'], { inputs: { market: undefined } })).resolves.toEqual({ target: 'market uk' });
  });

  it('do not apply to null, which passes on as a value', async () => {
    await expect(dr.execute(['passedOn'])).resolves.toEqual({ passedOn: null });
    await expect(dr.execute(['target'], { inputs: { market: null } })).resolves.toEqual({ target: 'market null' });
  });
});
