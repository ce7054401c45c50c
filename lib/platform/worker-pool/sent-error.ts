/**
 * Errors crossing from a worker thread: structured cloning keeps only a plain
 * Error, so a DataValidationError would arrive as an Error and be wrapped as a
 * node failure. Errors travel as data and are revived with their class (the
 * hamilton-ts ones, and the built-in Error types) and their own fields.
 */
import * as errors from '../../core/errors.js';

/** An error as data. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Own fields (`node`, `results` ...) that survive cloning. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly cause?: SentError | { readonly value: unknown };
}

const BUILT_IN: Readonly<Record<string, ErrorConstructor>> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/**
 * An error (or any thrown value) as data.
 *
 * @example
 * reply = { ok: false, error: sendError(e) };
 */
export function sendError(e: unknown, depth = 0): SentError {
  if (!(e instanceof Error)) return { name: 'Error', message: `non-error value thrown: ${String(e)}`, fields: { thrown: orText(e) } };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(e)) {
    if (key === 'cause') continue;
    const v = cloneable((e as unknown as Record<string, unknown>)[key]);
    if (v !== NOT_CLONEABLE) fields[key] = v;
  }
  const sent: { -readonly [K in keyof SentError]: SentError[K] } = { name: e.name, message: e.message, fields };
  if (e.stack !== undefined) sent.stack = e.stack;
  if ('cause' in e && depth < 8) sent.cause = e.cause instanceof Error ? sendError(e.cause, depth + 1) : { value: orText(e.cause) };
  return sent;
}

/**
 * The error again, with its class when it is a hamilton-ts or built-in error
 * (an unknown class comes back as an Error carrying the original name).
 *
 * @example
 * throw reviveError(reply.error);
 */
export function reviveError(sent: SentError): Error {
  const hamilton = (errors as unknown as Record<string, unknown>)[sent.name];
  const cls = typeof hamilton === 'function' && (hamilton as Function).prototype instanceof Error ? (hamilton as ErrorConstructor) : BUILT_IN[sent.name];
  const error: Error = Object.create((cls ?? Error).prototype) as Error;
  define(error, 'message', sent.message);
  if (sent.stack !== undefined) define(error, 'stack', sent.stack);
  // Hamilton errors name themselves from their class; others keep the name they had.
  if (!cls) define(error, 'name', sent.name);
  for (const [key, v] of Object.entries(sent.fields)) Object.defineProperty(error, key, { value: v, enumerable: true, writable: true, configurable: true });
  if (sent.cause) define(error, 'cause', 'name' in sent.cause ? reviveError(sent.cause) : sent.cause.value);
  return error;
}

const NOT_CLONEABLE = Symbol('not cloneable');

function cloneable(v: unknown): unknown {
  try {
    structuredClone(v);
    return v;
  } catch {
    return NOT_CLONEABLE;
  }
}

function orText(v: unknown): unknown {
  const c = cloneable(v);
  return c === NOT_CLONEABLE ? String(v) : c;
}

function define(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: false, writable: true, configurable: true });
}
