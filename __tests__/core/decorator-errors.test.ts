// Misused decorators: DecoratorError at class definition (load time) or at build(), naming the method.
import { describe, expect, it } from '@jest/globals';
import { Builder, DecoratorError, HamiltonError, node, tag, type NodeOptions } from '../../lib/index.js';
import { silent, thrownBy } from '../support.js';

describe('load-time DecoratorError', () => {
  it('rejects destructured parameters, quoting them and pointing to @node({ inputs })', () => {
    const error = thrownBy(() => {
      class Features {
        @node()
        norm({ x, y }: { x: number; y: number }) {
          return Math.hypot(x, y);
        }
      }
      return Features;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    const message = (error as Error).message;
    expect(message).toContain('`norm`');
    expect(message).toContain('{ x, y }');
    expect(message).toContain('destructured');
    expect(message).toContain('@node({ inputs:');
  });

  it('rejects rest parameters, quoting them', () => {
    const error = thrownBy(() => {
      class Features {
        @node()
        total(...parts: number[]) {
          return parts.length;
        }
      }
      return Features;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('`total`(...parts)');
    expect((error as Error).message).toContain('@node({ inputs:');
  });

  it('rejects an empty node name', () => {
    const error = thrownBy(() => {
      class Features {
        @node({ name: '' })
        x() {
          return 1;
        }
      }
      return Features;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('`x`');
  });

  it('rejects `inputs` that are not a list of non-empty strings', () => {
    const badInputs = { inputs: ['a', 3] } as unknown as NodeOptions;
    const error = thrownBy(() => {
      class Features {
        @node(badInputs)
        x(a: number, b: number) {
          return a + b;
        }
      }
      return Features;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toMatch(/`x`.*inputs must be a list of non-empty strings/);
  });

  it('rejects @node on something that is not a method', () => {
    const onGetter = node() as unknown as (value: unknown, context: ClassGetterDecoratorContext) => void;
    const error = thrownBy(() => {
      class Features {
        @onGetter
        get x() {
          return 1;
        }
      }
      return Features;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('`x` is a getter');
  });

  it('is a HamiltonError', () => {
    expect(
      thrownBy(() => {
        class Features {
          @node()
          x(...a: number[]) {
            return a;
          }
        }
        return Features;
      }),
    ).toBeInstanceOf(HamiltonError);
  });
});

describe('build-time DecoratorError', () => {
  it('rejects a modifier on a method without @node, naming Class.method and the decorator', () => {
    class Features {
      @tag({ owner: 'ds' })
      helper(a: number) {
        return a;
      }
    }
    const error = thrownBy(() => new Builder().withModules(Features).withLogger(silent).build());
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('Features.helper has @tag but no @node()');
    expect((error as Error).message).toContain('Add @node() to Features.helper');
  });

  it('rejects @node twice on one method', () => {
    class Features {
      @node({ name: 'a' })
      @node({ name: 'b' })
      x() {
        return 1;
      }
    }
    const error = thrownBy(() => new Builder().withModules(Features).withLogger(silent).build());
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('Features.x has @node twice');
  });

  it('rejects a module class that cannot be built without arguments, suggesting an instance', () => {
    class Loader {
      constructor(readonly path: string) {
        if (typeof path !== 'string') throw new TypeError('path is required');
      }

      @node()
      data() {
        return this.path;
      }
    }
    const error = thrownBy(() => new Builder().withModules(Loader).withLogger(silent).build());
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('Module class Loader could not be instantiated');
    expect((error as Error).message).toContain('withModules(new Loader(...))');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});

describe('@node({ inputs }) that does not match the parameters', () => {
  it('is a DecoratorError when there are more inputs than parameters', () => {
    const error = thrownBy(() => {
      class C {
        @node({ inputs: ['a', 'b'] })
        f(x: number) { return x; }
      }
      return C;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toContain('`f`(x)');
    expect((error as Error).message).toContain('one input name per parameter');
  });

  it('is a DecoratorError when a required parameter gets no input', () => {
    expect(() => {
      class C {
        @node({ inputs: ['a'] })
        f(x: number, y: number) { return x + y; }
      }
      return C;
    }).toThrow(DecoratorError);
  });

  it('may leave out trailing parameters with defaults, which then apply', async () => {
    class C {
      @node({ inputs: ['a'] })
      f(x: number, y = 5) { return x + y; }
    }
    const dr = new Builder().withModules(C).withLogger(silent).build();
    expect(await dr.execute(['f'], { inputs: { a: 1 } })).toEqual({ f: 6 });
  });
});
