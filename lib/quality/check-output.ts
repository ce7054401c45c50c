import { DecoratorError } from '../core/errors.js';
import { q } from '../core/message-format.js';
import { checkDecoratorName } from '../core/names.js';
import { isPlainObject } from '../core/values.js';
import { modifierDecorator, type MethodDecorator } from '../decorators/record-modifier.js';
import { assertStandardDecorator } from '../decorators/standard-decorator.js';
import { dqDecoratorMessages } from './messages.js';
import type { Importance } from './result.js';
import { DataQualityTransformer, type CheckEntry } from './validation-transformer.js';
import { CHECK_KEYS, checksOf, validateCheckOptions, type CheckOptions } from './validators/registry.js';
import type { Target } from '../core/resolve/modifiers.js';

/** Options of `@checkOutput`: the checks, their importance, and per-column checks for tables. */
export type CheckOutputOptions = CheckOptions & {
  /** 'warn' (default, as in Hamilton) logs a failure and continues; 'fail' raises DataValidationError. */
  readonly importance?: Importance;
  /** Checks on columns of a returned table: `{ age: { range: [0, 120] } }` makes `x_age_range_validator`. */
  readonly columns?: Readonly<Record<string, CheckOptions>>;
  /**
   * Which of the method's nodes to check when a modifier makes several: by
   * default its final nodes (e.g. the columns of `@extractColumns`); a node
   * name, a list, or 'all' (Hamilton's `target_`).
   */
  readonly target?: Target;
};

/**
 * Adds Hamilton's default data-quality checks to a node: `x` becomes `x_raw`,
 * one validator node per check (`x_range_validator` ...), and a final `x` that
 * logs every result and, for failed 'fail' checks, raises DataValidationError.
 * Stackable; the options are checked when the class is defined.
 *
 * @example
 * class Heights {
 *   @checkOutput({ dataType: 'number', range: [-5, 5], importance: 'warn' })
 *   @node()
 *   heightZeroMeanUnitVariance(heightZeroMean: Float64Array, heightStdDev: number) { return heightZeroMean.map((h) => h / heightStdDev); }
 * }
 */
export function checkOutput(options: CheckOutputOptions): MethodDecorator {
  return function (value: Function, context: ClassMethodDecoratorContext): void {
    assertStandardDecorator('@checkOutput', arguments);
    const where = `@checkOutput on method ${q(String(context.name))}`;
    const target = (options as CheckOutputOptions | null)?.target;
    if (target !== undefined && !isTarget(target)) throw new DecoratorError(dqDecoratorMessages.badTarget(where, target));
    const modifier = new DataQualityTransformer(checkEntries(options, where), target);
    modifierDecorator('@checkOutput', modifier)(value, context);
  };
}

function checkEntries(options: unknown, where: string): readonly CheckEntry[] {
  if (!isPlainObject(options)) throw new DecoratorError(dqDecoratorMessages.notAnObject(where, options));
  const { importance = 'warn', columns, target: _target, ...checks } = options as CheckOutputOptions;
  if (importance !== 'warn' && importance !== 'fail') throw new DecoratorError(dqDecoratorMessages.badImportance(where, importance));
  const entries: CheckEntry[] = [];
  const hasChecks = countChecks(checks) > 0;
  if (hasChecks) {
    validateCheckOptions(checks, where);
    for (const { key, value, validator } of checksOf(checks, importance)) entries.push({ validator, builtin: { key, value } });
  }
  if (columns !== undefined) {
    if (!isPlainObject(columns) || Object.keys(columns).length === 0) throw new DecoratorError(dqDecoratorMessages.badColumns(where, columns));
    for (const [column, columnChecks] of Object.entries(columns)) {
      checkDecoratorName(column, where, 'column');
      const columnWhere = `${where}, column ${q(column)}`;
      if (!isPlainObject(columnChecks)) throw new DecoratorError(dqDecoratorMessages.notAnObject(columnWhere, columnChecks));
      if (countChecks(columnChecks) === 0) throw new DecoratorError(dqDecoratorMessages.noChecks(columnWhere, CHECK_KEYS));
      validateCheckOptions(columnChecks, columnWhere);
      for (const { key, value, validator } of checksOf(columnChecks, importance)) entries.push({ validator, column, builtin: { key, value } });
    }
  } else if (!hasChecks) {
    throw new DecoratorError(dqDecoratorMessages.noChecks(where, CHECK_KEYS));
  }
  return Object.freeze(entries.map((e) => Object.freeze(e)));
}

/** Keys given a value; unknown keys count too, so that validateCheckOptions reports them. */
function countChecks(checks: object): number {
  return Object.values(checks).filter((v) => v !== undefined).length;
}

function isTarget(t: unknown): t is Target {
  return (typeof t === 'string' && t.length > 0) || (Array.isArray(t) && t.length > 0 && t.every((x) => typeof x === 'string' && x.length > 0));
}
