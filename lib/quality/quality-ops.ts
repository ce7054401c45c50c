/**
 * The framework ops of data quality: `quality.check` (a validator node) and
 * `quality.final` (the checked node itself). Their args are plain data, so a
 * worker or another process links the same nodes; importing hamilton-ts
 * registers them.
 */
import { registerOp, type LinkContext } from '../core/resolve/ops.js';
import { finishChecks, finishOneCheck, type FinalNode } from './final-node.js';
import type { Importance } from './result.js';
import { CheckRunner, runCheck } from './run-check.js';
import type { Validator } from './validator.js';
import { validatorFor, type CheckKey } from './validators/registry.js';

/** Args of `quality.check`: which node, which check, and how its failure counts. */
export interface CheckArgs {
  readonly node: string;
  readonly origin: string | undefined;
  /** The importance the result reports (the check's own, unless the driver forces one). */
  readonly importance: Importance;
  readonly column: string | undefined;
  /** The validator's name. */
  readonly validator: string;
  /** A built-in check: remade from its option in any process. */
  readonly builtin?: { readonly key: CheckKey; readonly value: unknown; readonly importance: Importance };
  /** A custom validator: the reference the resolver gave it. */
  readonly custom?: string;
}

/** Args of `quality.final`. */
export interface FinalArgs {
  readonly node: string;
  readonly origin: string | undefined;
  /** How many validator nodes it reads (after the raw value). */
  readonly checks: number;
}

// Validators hold no state of their own: in one process, every node of one
// check (and every build of it) shares the validator made for its args.
const builtinValidators = new WeakMap<object, Validator>();

function builtinValidator(builtin: NonNullable<CheckArgs['builtin']>): Validator {
  let validator = builtinValidators.get(builtin);
  if (validator === undefined) {
    validator = validatorFor(builtin.key, builtin.value, builtin.importance)!;
    builtinValidators.set(builtin, validator);
  }
  return validator;
}

registerOp('quality.check', {
  link(args: CheckArgs, ctx: LinkContext) {
    const validator = args.builtin ? builtinValidator(args.builtin) : (ctx.ref(args.custom!) as Validator);
    return { fn: runCheck, thisArg: new CheckRunner(args.node, args.origin, validator, args.importance, args.column) };
  },
});

registerOp('quality.final', {
  link(args: FinalArgs) {
    const fn = args.checks === 1 ? finishOneCheck : finishChecks;
    return { fn: fn as (...a: never[]) => unknown, thisArg: args satisfies FinalNode };
  },
});
