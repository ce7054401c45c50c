// Subclasses inherit their parent's nodes; a subclass @node method with the same name replaces the parent's node.
import { describe, expect, it } from '@jest/globals';
import { Builder, node, tag, type Module } from '../../lib/index.js';
import { silent } from '../support.js';

const build = (...modules: Module[]) => new Builder().withModules(...modules).withLogger(silent).build();
const names = (...modules: Module[]) => build(...modules).listAvailableVariables().map((n) => n.name).sort();

class BaseFeatures {
  @tag({ owner: 'base-team' })
  @node()
  spendMean(spend: number[]) {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }

  @node()
  label() {
    return this.prefix() + 'features';
  }

  prefix() {
    return 'base-';
  }
}

class RegionalFeatures extends BaseFeatures {
  @node()
  spendMeanByRegion(spendMean: number, regions: number) {
    return spendMean / regions;
  }

  override prefix() {
    return 'regional-';
  }
}

class RobustFeatures extends BaseFeatures {
  @node()
  override spendMean(spend: number[]) {
    const sorted = [...spend].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  }
}

describe('class inheritance', () => {
  it("gives a subclass its parent's nodes plus its own", () => {
    expect(names(RegionalFeatures)).toEqual(['label', 'regions', 'spend', 'spendMean', 'spendMeanByRegion']);
  });

  it('keeps the origin of an inherited node at the class that declares it', () => {
    const info = build(RegionalFeatures).listAvailableVariables().find((n) => n.name === 'spendMean');
    expect(info?.origin).toBe('BaseFeatures.spendMean');
    expect(info?.tags).toEqual({ owner: 'base-team' });
  });

  it('runs inherited nodes with `this` = the subclass instance', async () => {
    await expect(build(RegionalFeatures).execute(['label'])).resolves.toEqual({ label: 'regional-features' });
  });

  it("replaces the parent's node with a subclass @node method of the same name", async () => {
    const dr = build(RobustFeatures);
    expect(dr.listAvailableVariables().filter((n) => n.name === 'spendMean').map((n) => n.origin)).toEqual(['RobustFeatures.spendMean']);
    await expect(dr.execute(['spendMean'], { inputs: { spend: [1, 2, 100] } })).resolves.toEqual({ spendMean: 2 });
  });

  it("drops the parent's modifiers of a replaced node", () => {
    const info = build(RobustFeatures).listAvailableVariables().find((n) => n.name === 'spendMean');
    expect(info?.tags).toEqual({});
  });

  it('leaves the parent class graph unchanged by its subclasses', async () => {
    expect(names(BaseFeatures)).toEqual(['label', 'spend', 'spendMean']);
    await expect(build(BaseFeatures).execute(['spendMean', 'label'], { inputs: { spend: [1, 2, 100] } })).resolves.toEqual({
      spendMean: 103 / 3,
      label: 'base-features',
    });
  });

  it('keeps sibling subclasses independent of each other', () => {
    expect(names(RobustFeatures)).toEqual(['label', 'spend', 'spendMean']);
    expect(names(RegionalFeatures)).toContain('spendMeanByRegion');
  });

  it('inherits through several levels', () => {
    class CountryFeatures extends RegionalFeatures {
      @node()
      countries(regions: number) {
        return regions * 10;
      }
    }
    expect(names(CountryFeatures)).toEqual(['countries', 'label', 'regions', 'spend', 'spendMean', 'spendMeanByRegion']);
  });

  it('runs an inherited static node with `this` = the subclass', async () => {
    class Defaults {
      static region = 'global';

      @node()
      static defaultRegion(): string {
        return this.region;
      }
    }
    class UkDefaults extends Defaults {
      static override region = 'uk';
    }
    await expect(build(UkDefaults).execute(['defaultRegion'])).resolves.toEqual({ defaultRegion: 'uk' });
    await expect(build(Defaults).execute(['defaultRegion'])).resolves.toEqual({ defaultRegion: 'global' });
  });
});

// Regression: an undecorated override used to be ignored (the parent's body ran with `this` = the subclass).
describe('an override without @node', () => {
  class Parent {
    @tag({ owner: 'parent-team' })
    @node()
    value(base: number) {
      return base + 1;
    }
  }
  class Child extends Parent {
    override value(base: number, bonus = 10) {
      return base * 2 + bonus;
    }
  }

  it('runs the override, keeping the node, its tags and reading the override\'s parameters', async () => {
    const dr = build(Child);
    expect(await dr.execute(['value'], { inputs: { base: 3 } })).toEqual({ value: 16 });
    expect(await dr.execute(['value'], { inputs: { base: 3, bonus: 0 } })).toEqual({ value: 6 });
    const info = dr.listAvailableVariables().find((n) => n.name === 'value')!;
    expect(info.tags).toEqual({ owner: 'parent-team' });
    expect(info.origin).toBe('Child.value');
    expect(info.dependencies).toEqual([{ name: 'base', optional: false }, { name: 'bonus', optional: true }]);
  });

  it('leaves the parent class untouched', async () => {
    expect(await build(Parent).execute(['value'], { inputs: { base: 3 } })).toEqual({ value: 4 });
  });
});
