/**
 * Type-level only: what `execute` accepts and returns, given the outputs the
 * modules declare (`N`) and the inputs the Builder was told about (`D`).
 * Nothing here exists at run time.
 */
import type { ValidationResult } from '../validation-result.js';
import type { LooseOutputs } from './module-outputs.js';

declare const byName: unique symbol;

/**
 * The result type DictResult stands for: one property per requested output,
 * typed by the node that produces it. A Driver whose result type is this
 * computes the exact object type per `execute` call.
 *
 * @example
 * const dr: Driver<OutputsByName, { a: number }> = new Builder().withNodes<{ a: number }>().build();
 */
export interface OutputsByName {
  readonly [byName]: 'outputs by name';
}

/** No module given yet: any name goes, as before anything was typed. */
type Known<N> = [keyof N] extends [never] ? LooseOutputs : N;

/** The literal (not index-signature) keys of T; without an index signature simply `keyof T` (no per-key work on large modules). */
type LiteralKeys<T> = string extends keyof T
  ? keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown }
  : keyof T;

/** True when the Builder was told the inputs' types with `withInputs<I>()`. */
type Declared<D> = [keyof D] extends [never] ? false : true;

/**
 * The names `execute` accepts: node outputs, declared inputs, and the keys of
 * the inputs and overrides given to this call.
 *
 * @example
 * type Names = OutputName<{ a: number }, {}, { x: number }, {}>; // 'a' | 'x'
 */
export type OutputName<N, D, I, V> = (keyof Known<N> | DataQualityName | keyof D | keyof I | keyof V) & string;

/**
 * The nodes `@checkOutput` and `@checkOutputCustom` add, by pattern (the types
 * cannot see the decorators): `x_raw`, and validators `x_..._validator` and
 * `x_..._validator_<n>`. Any name of these shapes is accepted: patterns built
 * from every node name (`${keyof N}_raw`) were tried and made the compiler
 * several times slower on a 4,000-method class.
 */
type DataQualityName = `${string}_raw` | `${string}_validator` | `${string}_validator_${number}`;

/** The value of a data-quality node: the raw value of `x`, or a validator's result. */
type DataQualityValue<N, K> = K extends `${infer X}_raw`
  ? X extends LiteralKeys<N>
    ? N[X & keyof N]
    : unknown
  : K extends DataQualityName
    ? ValidationResult
    : unknown;

/** The value of output `K`: the node's type, else the declared input's, else what this call gives, else unknown. */
type OutputValue<N, D, I, V, K> = K extends LiteralKeys<N>
  ? N[K & keyof N]
  : K extends LiteralKeys<D>
    ? D[K & keyof D]
    : K extends LiteralKeys<I>
      ? I[K & keyof I]
      : K extends LiteralKeys<V>
        ? V[K & keyof V]
        : DataQualityValue<N, K>;

/**
 * What `execute(outputs)` resolves to: with DictResult one typed property per
 * output, otherwise the result builder's type.
 *
 * @example
 * type T = ExecuteResult<OutputsByName, { a: number }, {}, {}, {}, 'a'>; // { a: number }
 */
export type ExecuteResult<R, N, D, I, V, O extends string> = [R] extends [OutputsByName] ? { [K in O]: OutputValue<N, D, I, V, K> } : R;

/** The message a node name used as an input shows in the editor (one type for all names: cheap on large modules). */
type NodeNotInput = 'computed by a node: pass its value in overrides, not inputs';

/**
 * What `inputs` may hold: with `withInputs<D>()` exactly the declared inputs,
 * each of its declared type; otherwise anything but a node's name.
 *
 * @example
 * type In = InputsArg<{ a: number }, {}>; // { a?: 'computed by a node: ...' } & Record<string, unknown>
 */
export type InputsArg<N, D> = Declared<D> extends true
  ? { readonly [K in keyof D]?: D[K] }
  : { readonly [K in LiteralKeys<N>]?: NodeNotInput } & Readonly<Record<string, unknown>>;

/**
 * What `overrides` may hold: a known node's value must have the node's type;
 * other names (inputs, nodes made by modifiers) take any value.
 *
 * @example
 * type Ov = OverridesArg<{ a: number }>; // { a?: number } & Record<string, unknown>
 */
export type OverridesArg<N> = { readonly [K in LiteralKeys<N>]?: N[K & keyof N] } & Readonly<Record<string, unknown>>;

/**
 * The typed options of `execute`: `I` and `V` are what this call gives.
 *
 * @example
 * const options: TypedExecuteOptions<{ spend: Float64Array }, {}> = { inputs: { spend } };
 */
export interface TypedExecuteOptions<I, V> {
  readonly inputs?: I;
  readonly overrides?: V;
  /** Aborts the run (see ExecuteOptions). */
  readonly signal?: AbortSignal;
  /** The run's time limit in ms (see ExecuteOptions). */
  readonly timeoutMs?: number;
}

/**
 * The inputs parameter type of a call: generic (to learn the names given) when
 * the inputs are not declared, exactly the declaration when they are (so a
 * misspelled input is an excess-property error).
 *
 * @example
 * type P = InputsParam<{ a: number }, { x: number }, {}>; // { readonly x?: number }
 */
export type InputsParam<N, D, I> = Declared<D> extends true ? InputsArg<N, D> : I;

/**
 * A name that is not a literal: `string` or a pattern such as `x_${string}`,
 * the escape hatch for nodes the types do not know (made by modifiers, say).
 * A literal name is `never` here (a record keyed by a literal has a required
 * key, one keyed by `string` or a pattern does not), so a misspelling cannot
 * slip through this way.
 *
 * @example
 * dr.execute(['extracted'] as string[]);
 */
export type WideName<O extends string> = {} extends Record<O, 1> ? O : never;
