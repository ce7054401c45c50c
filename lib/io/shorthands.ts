/**
 * The built-in formats' shorthands: `loadFrom.csv(...)`, `saveTo.parquet(...)`,
 * `to.json(...)`, `from.arrow(...)` are the general form with that format's name.
 */

/** The formats registered from the start, each with a shorthand. */
export const BUILT_IN_FORMATS = ['csv', 'json', 'jsonl', 'arrow', 'parquet'] as const;

/** A built-in format's name. */
export type BuiltInFormat = (typeof BUILT_IN_FORMATS)[number];

/** A shorthand per built-in format. */
export type Shorthands<S> = { readonly [K in BuiltInFormat]: S };

/**
 * `general` with a shorthand per built-in format, made by `shorthand(format)`.
 *
 * @example
 * export const to: To = withShorthands(toFormat, (format) => (options) => toFormat(format, options));
 */
export function withShorthands<F extends Function, S>(general: F, shorthand: (format: BuiltInFormat) => S): F & Shorthands<S> {
  for (const format of BUILT_IN_FORMATS) Object.defineProperty(general, format, { value: shorthand(format), enumerable: true });
  return general as F & Shorthands<S>;
}
