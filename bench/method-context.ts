/**
 * Decorated classes made without generating and compiling source: the TC39
 * context TypeScript's emit hands a method decorator, and a class whose
 * methods get `@node()` and their other decorators applied as the emit does.
 */
import { node } from 'hamilton-ts';

/**
 * The TC39 context TypeScript's emit hands a method decorator.
 *
 * @example
 * node()(method, methodContext('n0', metadata));
 */
export function methodContext(name: string, metadata: DecoratorMetadataObject): ClassMethodDecoratorContext {
  return {
    kind: 'method',
    name,
    static: false,
    private: false,
    metadata,
    addInitializer() {},
    access: { has: (o: object) => name in o, get: (o: Record<string, unknown>) => o[name] },
  } as unknown as ClassMethodDecoratorContext;
}

/** One method of a generated class. */
export interface GeneratedMethod {
  readonly name: string;
  readonly fn: Function;
  /** The decorators written above `@node()`, top first. */
  readonly decorators: readonly ((value: Function, context: ClassMethodDecoratorContext) => void)[];
}

/**
 * A fresh class with these methods, each decorated as TypeScript's emit does
 * it: `@node()` first, then the decorators above it, bottom-up.
 *
 * @example
 * const Cls = generatedClass([{ name: 'n0', fn: (seed: number) => seed + 1, decorators: [tag({ owner: 'ds' })] }]);
 */
export function generatedClass(methods: readonly GeneratedMethod[]): new () => object {
  class Generated {}
  const metadata = Object.create(null) as DecoratorMetadataObject;
  for (const { name, fn, decorators } of methods) {
    Object.defineProperty(Generated.prototype, name, { value: fn, writable: true, configurable: true });
    const context = methodContext(name, metadata);
    node()(fn, context);
    for (let k = decorators.length - 1; k >= 0; k--) decorators[k]!(fn, context);
  }
  Object.defineProperty(Generated, Symbol.metadata, { value: metadata });
  return Generated;
}

/** One method of a class built by `decoratedClass`. */
export interface MethodPlan {
  readonly name: string;
  readonly fn: Function;
  /** As written above the method, top first (`[tag(...), node()]`). */
  readonly decorators: readonly ((value: Function, context: ClassMethodDecoratorContext) => void)[];
}

/**
 * A class with these methods, decorated as TypeScript's emit does (bottom-up,
 * each with a TC39 method context), so no source has to be generated and compiled.
 *
 * @example
 * const Cls = decoratedClass([{ name: 'a', fn: function (seed: number) { return seed; }, decorators: [node()] }]);
 */
export function decoratedClass(methods: readonly MethodPlan[]): new () => object {
  class Generated {}
  const metadata = Object.create(null) as DecoratorMetadataObject;
  for (const { name, fn, decorators } of methods) {
    Object.defineProperty(Generated.prototype, name, { value: fn, writable: true, configurable: true });
    const context = methodContext(name, metadata);
    for (let k = decorators.length - 1; k >= 0; k--) decorators[k]!(fn, context);
  }
  Object.defineProperty(Generated, Symbol.metadata, { value: metadata });
  return Generated;
}
