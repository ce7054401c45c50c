/**
 * Two framework ops of the modifiers that wire nodes together:
 * `decorators.identity` hands on its one dependency's value (the final node
 * of a pipe, a subdag input read from an outer node) and `decorators.value`
 * returns a literal (a subdag input or config value given as `value(x)`).
 * Importing hamilton-ts registers them in every process.
 */
import { registerOp } from '../../core/resolve/ops.js';

/** The op name of a node that hands on its one dependency's value. */
export const IDENTITY_OP = 'decorators.identity';

/** The op name of a node that returns a literal; args: `{ value }`. */
export const VALUE_OP = 'decorators.value';

/** Args of `decorators.value`. */
export interface ValueArgs {
  readonly value: unknown;
}

const identity = (x: unknown): unknown => x;

registerOp(IDENTITY_OP, { link: () => ({ fn: identity as (...a: never[]) => unknown }) });

registerOp(VALUE_OP, {
  link(args: ValueArgs) {
    const v = args.value;
    return { fn: () => v };
  },
});
