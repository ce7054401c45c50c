/**
 * Load-time checks of `@checkOutput` options: unknown keys (with close names),
 * wrong types, reversed ranges, fractions outside [0, 1], invalid JSON Schemas.
 * Each problem is a DecoratorError that names the place and the fix.
 */
import { DecoratorError } from '../../core/errors.js';
import { isPlainObject } from '../../core/values.js';
import { closeNames } from '../../core/graph/suggest.js';
import { optionMessages as m } from '../validator-messages.js';
import { DATA_TYPES } from './data-type.js';
import { schemaProblem } from './json-schema.js';
import type { CheckKey } from './registry.js';

/** Names from Hamilton (snake_case) or other libraries that are not close in spelling. */
const ALIASES: Readonly<Record<string, string>> = lookup({
  allow_none: 'allowNull',
  allownone: 'allowNull',
  notnull: 'allowNull',
  nullable: 'allowNull',
  in: 'valuesIn',
  oneof: 'valuesIn',
  enum: 'valuesIn',
  isin: 'valuesIn',
  between: 'range',
  type: 'dataType',
  dtype: 'dataType',
  max_std: 'maxStandardDev',
  maxstd: 'maxStandardDev',
  equals: 'equalTo',
  eq: 'equalTo',
  jsonschema: 'schema',
});

/** Other names users write for the data types. */
const TYPE_ALIASES: Readonly<Record<string, string>> = lookup({
  float: 'number',
  double: 'number',
  float64: 'number',
  float32: 'number',
  int: 'integer',
  int32: 'integer',
  int64: 'integer',
  str: 'string',
  text: 'string',
  bool: 'boolean',
  datetime: 'date',
  timestamp: 'date',
  dict: 'object',
  map: 'object',
});

/** A table read with user text as the key: without a prototype, `constructor` finds nothing. */
function lookup(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, entries));
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);

type KeyCheck = (value: unknown, where: string, key: string) => void;

const range: KeyCheck = (value, where, key) => {
  if (!Array.isArray(value) || value.length !== 2 || !isNumber(value[0]) || !isNumber(value[1])) throw new DecoratorError(m.badRange(where, key, value));
  if (value[0] > value[1]) throw new DecoratorError(m.reversedRange(where, key, [value[0], value[1]]));
};

const flag: KeyCheck = (value, where, key) => {
  if (typeof value !== 'boolean') throw new DecoratorError(m.badBoolean(where, key, value));
};

const substrings: KeyCheck = (value, where, key) => {
  const ok = typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === 'string' && s.length > 0);
  if (!ok) throw new DecoratorError(m.badSubstrings(where, key, value));
};

// Keyed by every CheckKey (so a new option cannot miss its check), in the order messages list them.
const CHECKS: { readonly [K in CheckKey]-?: KeyCheck } = {
  range,
  dataType: (value, where) => {
    if ((DATA_TYPES as readonly unknown[]).includes(value)) return;
    const text = typeof value === 'string' ? value.toLowerCase() : '';
    const suggestion = TYPE_ALIASES[text] ?? closeNames(text, DATA_TYPES, 1)[0];
    throw new DecoratorError(m.badDataType(where, value, DATA_TYPES, text ? suggestion : undefined));
  },
  allowNaNs: flag,
  maxFractionNaNs: (value, where) => {
    if (!isNumber(value) || value < 0 || value > 1) throw new DecoratorError(m.badFraction(where, value));
  },
  valuesIn: (value, where) => {
    if (!Array.isArray(value) || value.length === 0) throw new DecoratorError(m.badValuesIn(where, value));
  },
  meanInRange: range,
  maxStandardDev: (value, where) => {
    if (!isNumber(value) || value < 0) throw new DecoratorError(m.badStandardDev(where, value));
  },
  allowNull: flag,
  // Any value can be compared with.
  equalTo: () => {},
  contains: substrings,
  doesNotContain: substrings,
  schema: (value, where) => {
    if (!isPlainObject(value)) throw new DecoratorError(m.badSchema(where, value));
    const problem = schemaProblem(value);
    if (problem !== undefined) throw new DecoratorError(m.invalidSchema(where, problem));
  },
};

/**
 * The option keys in the order messages list them.
 *
 * @example
 * OPTION_KEYS[0]; // 'range'
 */
export const OPTION_KEYS = Object.freeze(Object.keys(CHECKS)) as readonly CheckKey[];

/**
 * Throws a DecoratorError for the first problem in a check-options object;
 * keys whose value is undefined count as absent. `where` names the place,
 * e.g. "@checkOutput on method `x`".
 *
 * @example
 * validateCheckOptions({ range: [5, 1] }, '@checkOutput on method `x`'); // throws: min must not exceed max
 */
export function validateCheckOptions(checks: unknown, where: string): void {
  if (!isPlainObject(checks)) throw new DecoratorError(m.notAnObject(where, checks));
  for (const [key, value] of Object.entries(checks)) {
    if (!Object.hasOwn(CHECKS, key)) throw new DecoratorError(m.unknownKey(where, key, suggestKeys(key), OPTION_KEYS));
    if (value !== undefined) CHECKS[key as CheckKey](value, where, key);
  }
}

function suggestKeys(key: string): string[] {
  const lower = key.toLowerCase();
  const alias = ALIASES[lower] ?? ALIASES[lower.replace(/_/g, '')];
  if (alias) return [alias];
  // Hamilton's snake_case names (data_type, allow_nans, values_in ...) read as their camelCase twins.
  const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const exact = OPTION_KEYS.find((k) => k.toLowerCase() === camel.toLowerCase());
  return exact ? [exact] : closeNames(key, OPTION_KEYS);
}
