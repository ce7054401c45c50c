/**
 * What each decorator of hamilton-ts does to the nodes the check reads. The
 * check reads classes as written and runs nothing, so a modifier that makes
 * nodes from data (parameterize, extract*) is followed only as far as its
 * literal arguments tell; its nodes are untyped, its parameters unchecked.
 */

/**
 * How a decorator changes a method's nodes, for the check.
 *
 * @example
 * const effect: ModifierEffect = { addsNames: true }; // extractColumns
 */
export interface ModifierEffect {
  /** `name__variant` is node `name`; variants of one name are not duplicates. */
  readonly configVariant?: true;
  /** Adds `x_raw` (typed as `x`) and validator nodes `x_...`. */
  readonly dataQuality?: true;
  /** The method makes the nodes named by the literal arguments instead of its own (typed as the method returns). */
  readonly replacesNames?: true;
  /** The method also makes the nodes named by the literal arguments (untyped). */
  readonly addsNames?: true;
  /** The names it makes cannot be read from the call. */
  readonly unknownNames?: true;
  /** Binds or transforms parameters: they are not checked. */
  readonly opaqueParameters?: true;
  /** What reaches the consumers is not the return type (items of an iterable, a transformed value). */
  readonly untypedOutput?: true;
}

const none: ModifierEffect = {};
const variant: ModifierEffect = { configVariant: true };
const quality: ModifierEffect = { dataQuality: true };

/**
 * Every decorator the check knows, by exported name. Others get a warning and
 * are assumed to change nothing.
 *
 * @example
 * KNOWN_MODIFIERS['extractColumns']; // { addsNames: true }
 */
export const KNOWN_MODIFIERS: Readonly<Record<string, ModifierEffect>> = {
  tag: none,
  tagOutputs: none,
  cache: none,
  saveTo: none,
  checkOutput: quality,
  checkOutputCustom: quality,
  'config.when': variant,
  'config.whenNot': variant,
  'config.whenIn': variant,
  'config.whenNotIn': variant,
  parameterize: { replacesNames: true, opaqueParameters: true },
  parameterizeValues: { replacesNames: true, opaqueParameters: true },
  parameterizeSources: { replacesNames: true, opaqueParameters: true },
  parameterizeExtractColumns: { unknownNames: true, opaqueParameters: true },
  extractColumns: { addsNames: true },
  extractFields: { addsNames: true },
  unpackFields: { addsNames: true },
  inject: { opaqueParameters: true },
  does: { opaqueParameters: true },
  pipe: { opaqueParameters: true },
  pipeInput: { opaqueParameters: true },
  pipeOutput: { untypedOutput: true },
  mutate: { untypedOutput: true },
  loadFrom: { opaqueParameters: true },
  // The per-format shorthands of @loadFrom / @saveTo (`@loadFrom.csv({...})`).
  ...Object.fromEntries(['csv', 'json', 'jsonl', 'arrow', 'parquet'].flatMap((f) => [[`loadFrom.${f}`, { opaqueParameters: true }], [`saveTo.${f}`, none]])),
  dataloader: { untypedOutput: true },
  datasaver: none,
  withColumns: { unknownNames: true, opaqueParameters: true },
  subdag: { unknownNames: true, opaqueParameters: true },
  parameterizedSubdag: { unknownNames: true, opaqueParameters: true },
  resolve: { unknownNames: true, opaqueParameters: true },
  parallelizable: { untypedOutput: true },
  collect: { opaqueParameters: true },
};
