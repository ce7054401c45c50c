/**
 * Type-level only: the output names and value types a module's methods give
 * `execute`. Decorators cannot change a class's type, so every public member
 * counts (a plain helper method too); private, protected and `#private`
 * members do not. Nothing here exists at run time.
 */

/** A method, as far as the types can tell. */
type Method = (...args: never[]) => unknown;

/**
 * What a module whose methods are unknown gives: any name, of unknown type
 * (a module typed as `object` or `Module`, say).
 *
 * @example
 * const anyName: LooseOutputs = { whatever: 1 };
 */
export type LooseOutputs = Record<string, unknown>;

/** `name__variant` gives node `name` (config variants); the part before the last `__`. */
type VariantBase<K extends string> = K extends `${infer Head}__${infer Tail}`
  ? Tail extends `${string}__${string}`
    ? `${Head}__${VariantBase<Tail>}`
    : Head extends ''
      ? never
      : Head
  : never;

/** The value a method produces (`Promise<T>` unwrapped to `T`); `unknown` for a member that is not a method. */
type Produced<F> = F extends (...args: never[]) => infer V ? Awaited<V> : unknown;

/** Config variants `x__a`: one output `x` per base name, the union of the variants' values. */
type VariantOutputs<T> = {
  [K in Extract<keyof T, `${string}__${string}`> as T[K] extends Method ? VariantBase<K> : never]: Produced<T[K]>;
};

/**
 * Public member name → the value it produces (`Promise<T>` unwrapped to `T`).
 * A method `x__a` also gives `x` (the union of its variants' types). Public
 * fields are names too, typed `unknown`: keeping only the methods meant
 * resolving every member's type up front, which made `withModules` of a
 * 4,000-method class ten times slower to type-check.
 *
 * @example
 * class Pricing { price(base: number): Promise<string> { ... } }
 * type P = MethodOutputs<Pricing>; // { price: string }
 */
export type MethodOutputs<T> = { [K in keyof T]: Produced<T[K]> } & VariantOutputs<T>;

/** The static methods of a class (its few static members are filtered: `prototype` is not a name). */
type StaticOutputs<C> = {
  [K in keyof C as K extends 'prototype' ? never : C[K] extends Method ? K : never]: Produced<C[K]>;
} & VariantOutputs<C>;

/** The outputs of a class (its instance methods and its static methods) or of an instance. */
type ClassOutputs<C> = C extends abstract new (...args: never[]) => infer I ? MethodOutputs<I> & StaticOutputs<C> : never;

/** The classes a module namespace (`import * as ns`) exports: withModules takes each of them. */
type ExportedClasses<M> = { [K in keyof M]: M[K] extends abstract new (...args: never[]) => unknown ? M[K] : never }[keyof M];

type NamespaceOutputs<M> = [ExportedClasses<M>] extends [never] ? {} : Intersect<ClassOutputs<ExportedClasses<M>>>;

type OutputsOf<M> = M extends abstract new (...args: never[]) => unknown ? ClassOutputs<M> : MethodOutputs<M> & NamespaceOutputs<M>;

/**
 * The outputs one module gives at the type level; a module without any
 * visible method (typed `object`, say) gives LooseOutputs.
 *
 * @example
 * type M = ModuleOutputs<typeof Marketing>; // { spendPerSignup: Float64Array; ... }
 */
// A module typed only as `Function` (or wider) says nothing about its nodes: loose, not Function's own members.
export type ModuleOutputs<M> = M extends unknown ? ([Function] extends [M] ? LooseOutputs : [keyof OutputsOf<M>] extends [never] ? LooseOutputs : OutputsOf<M>) : never;

/** A union turned into the intersection of its members. */
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The outputs of several modules together.
 *
 * @example
 * type All = ModulesOutputs<[typeof Marketing, typeof Pricing]>;
 */
export type ModulesOutputs<Ms extends readonly unknown[]> = [Ms[number]] extends [never] ? {} : Intersect<ModuleOutputs<Ms[number]>>;

/**
 * Config keys as outputs (config values are nodes); a config whose keys the
 * types do not know (a `Record<string, unknown>` variable) adds nothing.
 *
 * @example
 * type C = ConfigOutputs<{ region: string }>; // { region: string }
 */
export type ConfigOutputs<C> = string extends keyof C ? {} : { -readonly [K in keyof C]: C[K] };
