/**
 * Every message of the built-in validators (in their results) and of their
 * option checks (DecoratorError at load time). Result messages are short and
 * human: how many values failed, of how many, and the first failure. The
 * framework adds the node and validator names around them.
 */
import { q } from '../core/message-format.js';
import { showValue } from './validators/describe.js';

/**
 * An element of a column, raw, for a message: where it is and what it holds.
 *
 * @example
 * const spot: Spot = { index: 17, value: 7.2 };
 */
export interface Spot {
  readonly index: number;
  readonly value: unknown;
}

const show = showValue;
const bounds = (r: readonly [number, number]) => `[${r[0]}, ${r[1]}]`;
/** A computed statistic, to six significant digits. */
const num = (x: number) => (Number.isFinite(x) && !Number.isInteger(x) ? String(Number(x.toPrecision(6))) : String(x));
const percent = (f: number) => `${(f * 100).toFixed(2)}%`;
/** "1 of 10 values is", "3 of 10 values are". */
const ofValues = (k: number, n: number, noun = 'values') => `${k} of ${n} ${noun} ${k === 1 ? 'is' : 'are'}`;
const all = (n: number, noun = 'values') => (n === 1 ? `The only ${noun.replace(/s$/, '')}` : `All ${n} ${noun}`);
/** "The only value is", "All 3 values are". */
const allAre = (n: number, noun = 'values') => `${all(n, noun)} ${n === 1 ? 'is' : 'are'}`;
const at = (s: Spot) => `first at index ${s.index}: ${show(s.value)}`;
const list = (xs: readonly unknown[], max = 10) => xs.slice(0, max).map(show).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '');
const quoteAll = (xs: readonly string[], conj: string) => {
  const shown = xs.map((x) => show(x));
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} ${conj} ${shown[shown.length - 1]}`;
};
const emptyNote = 'The column is empty';

const NOUNS: Readonly<Record<string, string>> = {
  number: 'number',
  integer: 'integer',
  string: 'string',
  boolean: 'boolean',
  bigint: 'bigint',
  date: 'Date',
  object: 'object (not null, not a Date)',
};
const noun = (type: string, n: number) => {
  const word = NOUNS[type] ?? type;
  if (n !== 1) return word.replace(/^(\w+)/, '$1s');
  return `${/^[aeiouAEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
};
const statName = (stat: string) => `the ${stat}`;

/**
 * Messages in validator results.
 *
 * @example
 * validatorMessages.range.someOut(3, 1000, [-5, 5], 0, { index: 17, value: 7.2 });
 * // '3 of 1000 values are outside [-5, 5] (first at index 17: 7.2).'
 */
export const validatorMessages = {
  show,
  percent,

  unreadable: (validator: string, error: string) =>
    `${validator} could not read the value (${error}); it is treated as failing. Return plain data (numbers, strings, columns, tables) from the node.`,
  table: (option: string, example: string, columns: readonly string[]) =>
    `This check applies to a value or a column, not to a whole table. Check a column instead: ` +
    `columns: { ${columns[0] ?? 'name'}: { ${option}: ${example} } } (the table has columns ${columns.length ? columns.slice(0, 10).join(', ') : 'none'}).`,

  range: {
    notNumber: (kind: string, r: readonly [number, number]) => `The value is ${kind}, not a number, so it cannot be within ${bounds(r)}.`,
    scalarIn: (v: unknown, r: readonly [number, number]) => `${show(v)} is within ${bounds(r)}.`,
    scalarOut: (v: unknown, r: readonly [number, number]) => `${show(v)} is outside ${bounds(r)}.`,
    allIn: (n: number, r: readonly [number, number]) =>
      n === 0 ? `${emptyNote}: no value is outside ${bounds(r)}.` : `${allAre(n)} within ${bounds(r)}.`,
    someOut: (k: number, n: number, r: readonly [number, number], notNumbers: number, first: Spot) =>
      notNumbers === k
        ? `${ofValues(k, n)} not ${k === 1 ? 'a number' : 'numbers'}, so not within ${bounds(r)} (${at(first)}).`
        : `${ofValues(k, n)} outside ${bounds(r)}${notNumbers ? `, ${notNumbers} of them not numbers` : ''} (${at(first)}).`,
  },

  nans: {
    scalarFine: () => 'The value is not NaN.',
    scalarNaN: (v: unknown) => `The value is ${show(v)}; NaN, null and undefined are not allowed.`,
    noneIn: (n: number) => (n === 0 ? `${emptyNote}: it has no NaN.` : `None of the ${n} values is NaN, null or undefined.`),
    someIn: (k: number, n: number, first: Spot) => `${ofValues(k, n)} NaN, null or undefined (${at(first)}).`,
    fraction: (passed: boolean, k: number, n: number, f: number, max: number) =>
      n === 0
        ? `${emptyNote}: 0 NaN values, within the limit of ${percent(max)}.`
        : `${ofValues(k, n)} NaN, null or undefined (${percent(f)}); ${passed ? 'within' : 'above'} the limit of ${percent(max)}.`,
  },

  dataType: {
    noun,
    scalarIs: (v: unknown, type: string) => `${show(v)} is ${noun(type, 1)}.`,
    scalarIsNot: (v: unknown, kind: string, type: string) => `${show(v)} is ${kind}, not ${noun(type, 1)}.`,
    allAre: (n: number, missing: number, type: string) =>
      n === 0
        ? `${emptyNote}: no value is not ${noun(type, 1)}.`
        : missing === 0
          ? `${allAre(n)} ${noun(type, n)}.`
          : missing === n
            ? `${allAre(n)} null or undefined: nothing to check (forbid them with allowNull: false).`
            : `${allAre(n - missing, 'present values')} ${noun(type, n - missing)} (${missing} null or undefined skipped; forbid them with allowNull: false).`,
    someAreNot: (k: number, n: number, type: string, first: Spot & { kind: string }) =>
      `${ofValues(k, n)} not ${noun(type, k)} (${at(first)}${first.kind === show(first.value) ? '' : `, ${first.kind}`}).`,
  },

  valuesIn: {
    set: (values: readonly unknown[]) => `{${list(values)}}`,
    scalarIn: (v: unknown, values: readonly unknown[]) => `${show(v)} is one of {${list(values)}}.`,
    scalarOut: (v: unknown, values: readonly unknown[]) => `${show(v)} is not one of {${list(values)}}.`,
    allIn: (n: number, ignored: number, values: readonly unknown[]) =>
      n === 0
        ? `${emptyNote}: no value is outside {${list(values)}}.`
        : n === ignored
          ? `${allAre(n)} NaN, null or undefined: nothing to check.`
          : `${allAre(n - ignored, ignored ? 'other values' : 'values')} in {${list(values)}}${ignored ? ` (${ignored} NaN, null or undefined ignored)` : ''}.`,
    someOut: (k: number, n: number, values: readonly unknown[], first: Spot) => `${ofValues(k, n)} not in {${list(values)}} (${at(first)}).`,
  },

  stats: {
    notNumbers: (stat: string, k: number, n: number, first: Spot) =>
      n === 1 && first.index === 0
        ? `The value is ${show(first.value)}, not a number: it has no ${stat}.`
        : `${ofValues(k, n)} not ${k === 1 ? 'a number' : 'numbers'} (${at(first)}): cannot compute ${statName(stat)}.`,
    empty: (stat: string) => `${emptyNote}: it has no ${stat} to check.`,
    allSkipped: (stat: string, n: number) =>
      n === 1 ? `The value is NaN, null or undefined: it has no ${stat} to check.` : `All ${n} values are NaN, null or undefined: there is no ${stat} to check.`,
    infinities: (stat: string) =>
      stat === 'mean' ? 'The mean is undefined: the values include both Infinity and -Infinity.' : `The ${stat} is undefined: the values include Infinity or -Infinity.`,
    mean: (passed: boolean, mean: number, r: readonly [number, number], count: number, skipped: number) =>
      `The mean, ${num(mean)}, is ${passed ? 'within' : 'outside'} ${bounds(r)} (${count} ${count === 1 ? 'value' : 'values'}${skipped ? `, ${skipped} NaN or missing skipped` : ''}).`,
    scalarStd: (v: unknown) => `A single value (${show(v)}) has no standard deviation: check a column of at least 2 numbers.`,
    tooFew: (count: number, n: number) =>
      `The standard deviation needs at least 2 numbers; the column has ${count}${n > count ? ` (and ${n - count} NaN or missing)` : ''}.`,
    std: (passed: boolean, std: number, max: number, count: number, skipped: number) =>
      `The standard deviation, ${num(std)}, ${passed ? 'is at most' : 'exceeds'} ${max} (${count} values${skipped ? `, ${skipped} NaN or missing skipped` : ''}).`,
  },

  nulls: {
    scalarFine: () => 'The value is not null or undefined.',
    scalarMissing: (v: unknown) => `The value is ${show(v)}.`,
    noneIn: (n: number) => (n === 0 ? `${emptyNote}: it has no null.` : `None of the ${n} values is null or undefined.`),
    someIn: (k: number, n: number, first: Spot) => `${ofValues(k, n)} null or undefined (${at(first)}).`,
  },

  equalTo: {
    scalarEqual: (expected: unknown) => `The value equals ${show(expected)}.`,
    scalarDiffers: (v: unknown, expected: unknown) => `The value, ${show(v)}, does not equal ${show(expected)}.`,
    allEqual: (n: number, expected: unknown) => (n === 0 ? `${emptyNote}: no value differs from ${show(expected)}.` : `${all(n)} ${n === 1 ? 'equals' : 'equal'} ${show(expected)}.`),
    someDiffer: (k: number, n: number, expected: unknown, first: Spot) =>
      `${k} of ${n} values ${k === 1 ? 'differs' : 'differ'} from ${show(expected)} (${at(first)}).`,
    notAColumn: (kind: string, expected: number) => `The value is ${kind}; expected a column of ${expected} value${expected === 1 ? '' : 's'}.`,
    lengthDiffers: (n: number, expected: number) => `The column has ${n} values; the expected column has ${expected}.`,
    columnsEqual: (n: number) => `The column equals the expected column (${n} values).`,
    columnsDiffer: (k: number, n: number, first: Spot & { expected: unknown }) =>
      `${k} of ${n} values ${k === 1 ? 'differs' : 'differ'} from the expected column (${at(first)}, expected ${show(first.expected)}).`,
  },

  substrings: {
    list: quoteAll,
    notString: (kind: string, mode: 'contains' | 'doesNotContain') =>
      `The value is ${kind}, not a string: ${mode === 'contains' ? 'contains' : 'doesNotContain'} checks strings.`,
    scalar: (passed: boolean, v: string, needles: readonly string[], bad: readonly string[], mode: 'contains' | 'doesNotContain') =>
      mode === 'contains'
        ? passed
          ? `${show(v)} contains ${quoteAll(needles, 'and')}.`
          : `${show(v)} does not contain ${quoteAll(bad, 'or')}.`
        : passed
          ? `${show(v)} contains none of ${quoteAll(needles, 'or')}.`
          : `${show(v)} contains ${quoteAll(bad, 'and')}.`,
    allPass: (n: number, missing: number, needles: readonly string[], mode: 'contains' | 'doesNotContain') => {
      if (n === 0) return `${emptyNote}: no string to check.`;
      if (n === missing) return `${allAre(n)} null or undefined: no string to check.`;
      const skipped = missing ? ` (${missing} null or undefined skipped)` : '';
      const strings = n - missing;
      return mode === 'contains'
        ? `${all(strings, 'strings')} ${strings === 1 ? 'contains' : 'contain'} ${quoteAll(needles, 'and')}${skipped}.`
        : `${strings === 1 ? 'The only string contains' : `None of the ${strings} strings contains`} ${strings === 1 ? 'none of ' : ''}${quoteAll(needles, 'or')}${skipped}.`;
    },
    someFail: (k: number, n: number, notStrings: number, needles: readonly string[], mode: 'contains' | 'doesNotContain', first: Spot) => {
      const strings = k - notStrings;
      const verb = mode === 'contains' ? (strings === 1 ? 'lacks' : 'lack') : strings === 1 ? 'contains' : 'contain';
      const what = `${verb} ${quoteAll(needles, 'or')}`;
      const notStringsText = `${notStrings === 1 ? 'is not a string' : 'are not strings'}`;
      if (notStrings === 0) return `${k} of ${n} values ${what} (${at(first)}).`;
      if (strings === 0) return `${ofValues(k, n)} not ${k === 1 ? 'a string' : 'strings'} (${at(first)}).`;
      return `${k} of ${n} values fail: ${strings} ${what} and ${notStrings} ${notStringsText} (${at(first)}).`;
    },
  },

  schema: {
    valuePasses: () => 'The value matches the schema.',
    valueFails: (errors: readonly string[]) => `The value does not match the schema: ${errors.join('; ')}.`,
    allPass: (unit: 'row' | 'element', n: number) =>
      n === 0 ? `The ${unit === 'row' ? 'table' : 'column'} is empty: nothing to check.` : `${all(n, `${unit}s`)} ${n === 1 ? 'matches' : 'match'} the schema.`,
    someFail: (unit: 'row' | 'element', k: number, n: number, first: number, errors: readonly string[]) =>
      `${k} of ${n} ${unit}s ${k === 1 ? 'does' : 'do'} not match the schema (first at ${unit === 'row' ? 'row' : 'index'} ${first}: ${errors.join('; ')}).`,
  },
};

/**
 * Messages of DecoratorErrors for bad check options; `where` names the decorator and method.
 *
 * @example
 * optionMessages.reversedRange('@checkOutput on method `x`', 'range', [5, 1]);
 * // '@checkOutput on method `x`: range is [5, 1], but min must not exceed max. Write [1, 5].'
 */
export const optionMessages = {
  notAnObject: (where: string, checks: unknown) => `${where}: the checks must be an object such as { range: [0, 1] }; got ${show(checks)}.`,
  unknownKey: (where: string, key: string, suggestions: readonly string[], keys: readonly string[]) =>
    `${where}: unknown check ${q(key)}${suggestions.length ? ` (did you mean ${suggestions.map(q).join(' or ')}?)` : ''}. ` +
    `The checks are ${keys.join(', ')}.`,
  badRange: (where: string, key: string, value: unknown) =>
    `${where}: ${key} must be [min, max], two numbers (not NaN; use -Infinity or Infinity for an open end); got ${show(value)}.`,
  reversedRange: (where: string, key: string, r: readonly [number, number]) =>
    `${where}: ${key} is ${bounds(r)}, but min must not exceed max. Write [${r[1]}, ${r[0]}].`,
  badDataType: (where: string, value: unknown, types: readonly string[], suggestion: string | undefined) =>
    `${where}: dataType must be one of ${types.map((t) => `'${t}'`).join(', ')}; got ${show(value)}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}.`,
  badBoolean: (where: string, key: string, value: unknown) =>
    `${where}: ${key} must be true or false (false forbids them; true checks nothing); got ${show(value)}.`,
  badFraction: (where: string, value: unknown) =>
    `${where}: maxFractionNaNs must be a fraction from 0 to 1 (5% is 0.05); got ${show(value)}.`,
  badValuesIn: (where: string, value: unknown) =>
    `${where}: valuesIn must be a non-empty array of the allowed values, e.g. ['a', 'b']; got ${show(value)}.`,
  badStandardDev: (where: string, value: unknown) => `${where}: maxStandardDev must be a number >= 0; got ${show(value)}.`,
  badSubstrings: (where: string, key: string, value: unknown) =>
    `${where}: ${key} must be a non-empty string or a non-empty array of non-empty strings; got ${show(value)}.`,
  badSchema: (where: string, value: unknown) =>
    `${where}: schema must be a JSON Schema object, e.g. { type: 'object', properties: { age: { type: 'number' } } }; got ${show(value)}.`,
  invalidSchema: (where: string, problem: string) => `${where}: the schema cannot be used: ${problem}. Fix the schema (JSON Schema draft-07, checked with ajv).`,
  unknownFormat: (format: string) => `format "${format}" cannot be checked (no string formats are installed); use \`pattern\` with a regular expression instead of \`format\``,
};
