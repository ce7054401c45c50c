// Names that are also Object.prototype members (`__proto__`, `constructor`, `toString` ...) are names like any
// other: nothing keyed by them is lost or pollutes a prototype. Names with control characters are rejected.
// Regression tests for an adversarial pass: `__proto__` was silently lost by DictResult, missing-input
// detection, tag validation, TableResult and hook events.
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  Builder,
  DecoratorError,
  InvalidInputsError,
  MissingInputsError,
  ResultBuilderError,
  TableResult,
  UnknownNodeError,
  dotToSvg,
  modifierDecorator,
  node,
  tag,
  type BeforeNodeExecuteEvent,
} from '../../lib/index.js';
import { caught, silent, thrownBy } from '../support.js';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

/** An object with an own property `key` (also for `__proto__`, which an object literal would make the prototype). */
const own = <T>(key: string, value: T): Record<string, T> => ({ [key]: value });

/** A module whose node `name` returns an object, and whose node `reader` reads input `input` and node `name`. */
function moduleWith(name: string, input: string) {
  class Hostile {
    @node({ name })
    made() {
      return { made: name };
    }

    @node({ inputs: [input, name] })
    reader(x: number, made: { made: string }) {
      return `${made.made}:${x}`;
    }
  }
  return Hostile;
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  // Nothing any test here does may add to (or replace members of) Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).made).toBeUndefined();
});

describe.each(PROTOTYPE_NAMES)('a node named %s', (name) => {
  const dr = new Builder().withModules(moduleWith(name, 'x')).withLogger(silent).build();

  it('is an own key of the DictResult, whose prototype stays Object.prototype', async () => {
    const result = await dr.execute([name]);
    expect(Object.keys(result)).toEqual([name]);
    expect(Object.getOwnPropertyDescriptor(result, name)?.value).toEqual({ made: name });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('is a column of the TableResult', async () => {
    class Column {
      @node({ name })
      values() {
        return [1, 2, 3];
      }
    }
    const table = await new Builder().withModules(Column).withResultBuilder(new TableResult()).withLogger(silent).build().execute([name]);
    expect(table.columnNames()).toEqual([name]);
    expect(Array.from(table.array(name) as ArrayLike<number>)).toEqual([1, 2, 3]);
  });

  it('has its length checked by TableResult like any column', async () => {
    class Mismatched {
      @node({ name })
      values() {
        return [1, 2, 3];
      }

      @node()
      other() {
        return [1];
      }
    }
    const dr2 = new Builder().withModules(Mismatched).withResultBuilder(new TableResult()).withLogger(silent).build();
    const error = await caught(() => dr2.execute([name, 'other']));
    expect(error).toBeInstanceOf(ResultBuilderError);
    expect((error as Error).message).toContain(`\`${name}\`: 3`);
  });

  it('is found by queries, and reads and is read like any node', async () => {
    expect(dr.whatIsUpstreamOf('reader').map((n) => n.name).sort()).toEqual([name, 'reader', 'x'].sort());
    expect(dr.whatIsDownstreamOf(name).map((n) => n.name)).toEqual([name, 'reader']);
    await expect(dr.execute(['reader'], { inputs: { x: 1 } })).resolves.toEqual({ reader: `${name}:1` });
  });
});

describe.each(PROTOTYPE_NAMES)('an input named %s', (input) => {
  const dr = new Builder().withModules(moduleWith('made', input)).withLogger(silent).build();

  it('is passed to the node that reads it', async () => {
    await expect(dr.execute(['reader'], { inputs: own(input, 7) })).resolves.toEqual({ reader: 'made:7' });
  });

  it('is reported missing when it is not given, in the message and in `missing`', () => {
    const error = thrownBy(() => dr.validateExecution(['reader']));
    expect(error).toBeInstanceOf(MissingInputsError);
    expect(Object.keys((error as MissingInputsError).missing)).toEqual([input]);
    expect((error as MissingInputsError).missing[input]).toEqual(['reader']);
    expect((error as Error).message).toContain(`\`${input}\`, needed by \`reader\``);
  });

  it('is an own key of the inputs of beforeNodeExecute', async () => {
    const seen: Readonly<Record<string, unknown>>[] = [];
    const hook = { beforeNodeExecute: (e: BeforeNodeExecuteEvent) => { if (e.name === 'reader') seen.push(e.inputs); } };
    await new Builder().withModules(moduleWith('made', input)).withAdapters(hook).withLogger(silent).build().execute(['reader'], { inputs: own(input, 7) });
    expect(Object.keys(seen[0]!)).toEqual([input, 'made']);
    expect(Object.getOwnPropertyDescriptor(seen[0], input)?.value).toBe(7);
  });

  it('can come from config', async () => {
    const fromConfig = new Builder().withModules(moduleWith('made', input)).withConfig(own(input, 3)).withLogger(silent).build();
    await expect(fromConfig.execute(['reader'])).resolves.toEqual({ reader: 'made:3' });
  });
});

describe.each(PROTOTYPE_NAMES)('a tag key %s', (key) => {
  class Tagged {
    @tag(JSON.parse(`{${JSON.stringify(key)}: "v"}`) as Record<string, string>)
    @node()
    tagged() {
      return 1;
    }
  }
  const dr = new Builder().withModules(Tagged).withLogger(silent).build();

  it('is kept on the node, as an own key', () => {
    const tags = dr.listAvailableVariables()[0]!.tags;
    expect(Object.keys(tags)).toEqual([key]);
    expect(Object.getOwnPropertyDescriptor(tags, key)?.value).toBe('v');
  });

  it('is matched by a tag filter', () => {
    expect(dr.listAvailableVariables({ tags: own(key, 'v') }).map((n) => n.name)).toEqual(['tagged']);
    expect(dr.listAvailableVariables({ tags: own(key, 'other') })).toEqual([]);
  });
});

describe('unknown names that are Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES)('%s is an UnknownNodeError whose suggestions hold only what was suggested', (name) => {
    const dr = new Builder().withModules(moduleWith('made', 'x')).withLogger(silent).build();
    const error = thrownBy(() => dr.validateExecution([name]));
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect((error as UnknownNodeError).names).toEqual([name]);
    expect(Object.keys((error as UnknownNodeError).suggestions)).toEqual([name]);
  });
});

describe('a node named `then`', () => {
  it('whose value is a function is a ResultBuilderError, since `await` would take the result for a promise', async () => {
    class Then {
      @node()
      then() {
        return () => undefined;
      }
    }
    const error = await caught(() => new Builder().withModules(Then).withLogger(silent).build().execute(['then']));
    expect(error).toBeInstanceOf(ResultBuilderError);
    expect((error as Error).message).toContain('`then`');
  });

  it('whose value is not a function is returned like any output', async () => {
    class Then {
      @node()
      then() {
        return 5;
      }
    }
    await expect(new Builder().withModules(Then).withLogger(silent).build().execute(['then'])).resolves.toEqual({ then: 5 });
  });
});

describe('names with control characters', () => {
  const controls = ['\u0000', '\t', '\n', '\r', '\u001b', '\u001f'];

  it.each(controls.map((c) => [JSON.stringify(c), c]))('%s in @node({ name }) is a DecoratorError naming the character', (_, c) => {
    const error = thrownBy(() => {
      class Bad {
        @node({ name: `spend${c}` })
        spend() {
          return 1;
        }
      }
      return Bad;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    expect((error as Error).message).toContain(`@node on method \`spend\`: name \`spend\\u${code.toLowerCase()}\` contains the control character U+${code}`);
  });

  it('in a method name is a DecoratorError', () => {
    const error = thrownBy(() => {
      class Bad {
        @node()
        ['line\nbreak']() {
          return 1;
        }
      }
      return Bad;
    });
    expect(error).toBeInstanceOf(DecoratorError);
  });

  it('in @node({ inputs }) is a DecoratorError naming the input', () => {
    const error = thrownBy(() => {
      class Bad {
        @node({ inputs: ['a\u0007'] })
        f(a: number) {
          return a;
        }
      }
      return Bad;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('input `a\\u0007`');
  });

  it('in a tag key is a DecoratorError', () => {
    expect(() => tag({ 'own\ner': 'x' })).toThrow(DecoratorError);
  });

  it('in a name made by a modifier is a DecoratorError at build time, naming the node and its origin', () => {
    const rename = modifierDecorator('@rename', { stage: 'decorate', decorate: (nodes) => nodes.map((n) => ({ ...n, name: `${n.name}\u0001` })) });
    class Renamed {
      @rename
      @node()
      value() {
        return 1;
      }
    }
    const error = thrownBy(() => new Builder().withModules(Renamed).build());
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('Node `value\\u0001` (Renamed.value): name `value\\u0001` contains the control character U+0001');
  });

  it('in a config key is an InvalidInputsError', () => {
    expect(() => new Builder().withConfig({ 'region\u0000': 'us' })).toThrow(InvalidInputsError);
    expect(() => new Builder().withConfig({ 'region\u0000': 'us' })).toThrow('withConfig: config key `region\\u0000` contains the control character U+0000');
  });

  it('in an execute input is an InvalidInputsError', async () => {
    const dr = new Builder().withModules(moduleWith('made', 'x')).withLogger(silent).build();
    const error = await caught(() => dr.execute(['reader'], { inputs: { x: 1, 'x\r': 2 } }));
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as Error).message).toContain('execute: input `x\\u000d`');
  });
});

describe('drawing hostile names', () => {
  it('keeps a node named like a legend entry a node, apart from the legend', () => {
    class LegendLike {
      @node({ name: 'legend:function' })
      f(x: number) {
        return x;
      }
    }
    const dot = new Builder().withModules(LegendLike).withLogger(silent).build().toDot();
    const statements = dot.split('\n').filter((l) => /^\s*"[^"]*" \[label=/.test(l));
    const ids = statements.map((l) => /^\s*("[^"]*")/.exec(l)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dot).toMatch(/^ {2}"legend:function" \[label=<legend:function>/m);
  });

  it('makes an SVG without characters XML forbids, from tag values holding control characters', async () => {
    class Tagged {
      @tag({ note: 'line\nbreak\u0000and\u001bescape' })
      @node({ name: '<&"\'>' })
      f(x: number) {
        return x;
      }
    }
    const svg = await dotToSvg(new Builder().withModules(Tagged).withLogger(silent).build().toDot());
    expect(svg).toContain('<svg');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    // Drawn as the Unicode control pictures, so the tag still reads as written.
    expect(svg).toContain('note=line\u240abreak\u2400and\u241bescape');
    expect(svg).toContain('<title>&lt;&amp;&quot;&#39;&gt;</title>');
  });
});
