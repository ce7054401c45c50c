/**
 * Run-time input checks (opt-in, `Builder.withInputChecks(kinds)`): before
 * anything runs, each input whose value contradicts the kind declared for it
 * is an InvalidInputsError naming the nodes that read it. TypeScript types do
 * not exist at run time, so the kinds are declared (by hand, or as
 * `hamilton-ts check --emit-kinds` infers them from the parameters' types).
 * One `typeof` or `Array.isArray` per input given: no value is scanned.
 */
import { InvalidInputsError } from '../errors.js';
import type { FunctionGraph } from '../graph/graph.js';
import { inputKindMessages } from '../messages.js';
import { isColumn, isTable } from '../values.js';

/**
 * What an input must be: `column` an Array or typed array, `table` an arquero
 * table, `object` any other object, `scalar` anything but a column or a table,
 * or a primitive type by its `typeof`.
 *
 * @example
 * const kind: InputKind = 'column';
 */
export type InputKind = 'column' | 'table' | 'object' | 'scalar' | 'number' | 'string' | 'boolean' | 'bigint';

/**
 * The kinds, in the order messages list them.
 *
 * @example
 * INPUT_KINDS.includes('column'); // true
 */
export const INPUT_KINDS: readonly InputKind[] = ['column', 'table', 'object', 'scalar', 'number', 'string', 'boolean', 'bigint'];

/**
 * Input name → the kind its value must be.
 *
 * @example
 * const kinds: InputKinds = { spend: 'column', region: 'string' };
 */
export type InputKinds = Readonly<Record<string, InputKind>>;

/**
 * True when `value` is of `kind`. `null` and `undefined` are never checked
 * (whether an input is missing is the planner's question, not this one's).
 *
 * @example
 * isOfKind('column', Float64Array.of(1)); // true
 * isOfKind('number', '3');                // false
 */
export function isOfKind(kind: InputKind, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (kind) {
    case 'column':
      return isColumn(value);
    case 'table':
      return isTable(value);
    case 'object':
      return typeof value === 'object' && !isColumn(value) && !isTable(value);
    case 'scalar':
      return !isColumn(value) && !isTable(value);
    default:
      return typeof value === kind;
  }
}

/**
 * The kind a value is, for messages: the most specific of the kinds.
 *
 * @example
 * kindOfValue([1, 2]); // 'column'
 */
export function kindOfValue(value: unknown): string {
  if (isColumn(value)) return 'column';
  if (isTable(value)) return 'table';
  if (value === null) return 'null';
  return typeof value;
}

/**
 * Throws InvalidInputsError listing every input given to this execution whose
 * value contradicts its declared kind and that a planned node reads.
 *
 * @example
 * checkInputKinds(graph, { spend: 'abc' }, { spend: 'column' }, inPlan); // throws
 */
export function checkInputKinds(graph: FunctionGraph, inputs: Readonly<Record<string, unknown>>, kinds: InputKinds | undefined, inPlan: Uint8Array): void {
  if (kinds === undefined) return;
  let problems: { input: string; kind: InputKind; value: unknown; readers: { name: string; origin: string | undefined }[] }[] | undefined;
  for (const input in inputs) {
    const kind = kinds[input];
    if (kind === undefined || isOfKind(kind, inputs[input])) continue;
    const i = graph.indexOf(input);
    if (i === undefined) continue;
    const readers = graph.dependents[i]!.filter((j) => inPlan[j]).map((j) => ({ name: graph.nodes[j]!.name, origin: graph.nodes[j]!.spec?.origin }));
    if (readers.length) (problems ??= []).push({ input, kind, value: inputs[input], readers });
  }
  if (problems) throw new InvalidInputsError(inputKindMessages.wrongKinds(problems.map((p) => ({ ...p, actual: kindOfValue(p.value) }))));
}

/**
 * Checks declared kinds once, when they are given to the Builder.
 *
 * @example
 * assertInputKinds({ spend: 'column' }); // ok; { spend: 'array' } throws InvalidInputsError
 */
export function assertInputKinds(kinds: unknown): asserts kinds is InputKinds {
  if (kinds === null || typeof kinds !== 'object' || Array.isArray(kinds)) throw new InvalidInputsError(inputKindMessages.notAnObject(kinds));
  for (const [input, kind] of Object.entries(kinds)) {
    if (!(INPUT_KINDS as readonly unknown[]).includes(kind)) throw new InvalidInputsError(inputKindMessages.unknownKind(input, kind, INPUT_KINDS));
  }
}
