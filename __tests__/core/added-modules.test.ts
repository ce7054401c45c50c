// ResolveContext.addModule / resolveModule: modules a modifier adds while resolving, numbered after the Builder's own and linked like them.
import { describe, expect, it } from '@jest/globals';
import {
  AddedModules,
  Builder,
  DecoratorError,
  modifierDecorator,
  node,
  type NodeGenerator,
  type NodeSpec,
  type ResolveContext,
} from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

/** A generator embedding a module's nodes, prefixed, as `subdag` or `withColumns` do; the module is looked up when resolving. */
class Embed implements NodeGenerator {
  readonly stage = 'generate';
  static seen: { index: number; module: number }[] = [];
  constructor(
    readonly module: () => Function,
    readonly config?: Record<string, unknown>,
  ) {}
  generate(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    const index = ctx.addModule(this.module());
    Embed.seen.push({ index, module: ctx.module });
    const inner = ctx.resolveModule(index, this.config ? { config: this.config } : undefined).nodes;
    return [...inner.map((n) => ({ ...n, name: `${node.name}.${n.name}` })), node];
  }
}

let made = 0;
class Inner {
  base = 40;
  constructor() {
    made++;
  }
  @node()
  answer(plus: number) {
    return this.base + plus;
  }
  @node()
  static label(region: string) {
    return `${this.name}:${region}`;
  }
}

class Host {
  @modifierDecorator('@embed', new Embed(() => Inner))
  @node()
  first() {
    return 1;
  }

  @modifierDecorator('@embed', new Embed(() => Inner))
  @node()
  second() {
    return 2;
  }
}

class Other {
  @node()
  plus() {
    return 2;
  }
}

describe('ResolveContext.addModule', () => {
  it("numbers added modules after the Builder's own, once per build for the same class", () => {
    Embed.seen = [];
    const before = made;
    const dr = new Builder().withModules(Host, Other).withLogger(silent).build();
    expect(Embed.seen).toEqual([
      { index: 2, module: 0 },
      { index: 2, module: 0 },
    ]);
    expect(made - before).toBe(1);
    expect(dr.listAvailableVariables().map((n) => n.name)).toEqual(expect.arrayContaining(['first.answer', 'second.answer', 'first.label']));
    new Builder().withModules(Host).withLogger(silent).build();
    expect(made - before).toBe(2);
  });

  it("links the added module's methods to its own instance and class, with their own origin", async () => {
    const dr = new Builder().withModules(Host, Other).withLogger(silent).build();
    expect(dr.listAvailableVariables().find((n) => n.name === 'first.answer')!.origin).toBe('Inner.answer');
    await expect(dr.execute(['first.answer', 'second.label'] as string[], { inputs: { region: 'us' } })).resolves.toEqual({
      'first.answer': 42,
      'second.label': 'Inner:us',
    });
  });

  it('resolves the module under another config when asked', () => {
    class Variant {
      @node()
      chosen(mode: string) {
        return mode;
      }
    }
    const seen: unknown[] = [];
    class Probe implements NodeGenerator {
      readonly stage = 'generate';
      generate(n: NodeSpec, ctx: ResolveContext): NodeSpec[] {
        const i = ctx.addModule(Variant);
        seen.push(ctx.config, ctx.resolveModule(i, { config: { mode: 'inner' } }).nodes.map((s) => s.name));
        return [n];
      }
    }
    class Host2 {
      @modifierDecorator('@probe', new Probe())
      @node()
      h() {
        return 0;
      }
    }
    new Builder().withModules(Host2).withConfig({ mode: 'outer' }).withLogger(silent).build();
    expect(seen).toEqual([{ mode: 'outer' }, ['chosen']]);
  });

  it('refuses to resolve an index no modifier added', () => {
    class Bad implements NodeGenerator {
      readonly stage = 'generate';
      generate(n: NodeSpec, ctx: ResolveContext): NodeSpec[] {
        ctx.resolveModule(0);
        return [n];
      }
    }
    class Host3 {
      @modifierDecorator('@bad', new Bad())
      @node()
      h() {
        return 0;
      }
    }
    const e = thrownBy(() => new Builder().withModules(Host3).withLogger(silent).build());
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toBe('Host3.h: a modifier asked to resolve module #0, which it did not add to the build. Add it with ctx.addModule(module) first, and use the index that returns.');
  });

  it('refuses a module that embeds itself, naming the method and the module', () => {
    const holder: { cls?: Function } = {};
    class Loop {
      @modifierDecorator('@embed', new Embed(() => holder.cls!))
      @node()
      loop() {
        return 0;
      }
    }
    holder.cls = Loop;
    const e = thrownBy(() => new Builder().withModules(Loop).withLogger(silent).build());
    expect(e).toBeInstanceOf(DecoratorError);
    expect((e as Error).message).toBe(
      'Loop.loop embeds module Loop, which is already being resolved: a module cannot embed itself, directly or through another module. Move the embedding method to a module that Loop does not embed.',
    );
  });
});

describe('AddedModules', () => {
  it('gives entries only for the indices it added', () => {
    const added = new AddedModules(3);
    expect(added.add(Other)).toBe(3);
    expect(added.add(Inner)).toBe(4);
    expect(added.add(Other)).toBe(3);
    expect(added.entry(3)!.name).toBe('Other');
    expect(added.entry(2)).toBeUndefined();
    expect(added.entries.map((e) => e.name)).toEqual(['Other', 'Inner']);
  });
});
