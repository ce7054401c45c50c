/**
 * The TC39 context TypeScript's emit hands a method decorator, for benchmarks
 * that decorate generated methods without generating and compiling source.
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
