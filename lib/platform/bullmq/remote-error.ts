/**
 * Errors crossing from a worker to the driver. A job's result is JSON, which
 * keeps no class: errors travel as data and are revived with their class (the
 * hamilton-ts ones, so a failed data-quality check stays a DataValidationError,
 * and the built-in Error types), message, remote stack and own fields.
 */
import * as errors from '../../core/errors.js';
import * as platformErrors from './errors.js';

/** An error as JSON data. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Own fields (`node`, `results` ...) that JSON keeps. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly cause?: WireError;
}

const BUILT_IN: Readonly<Record<string, ErrorConstructor>> = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

/**
 * An error (or any thrown value) as JSON data.
 *
 * @example
 * return { ok: false, error: toWireError(e), durationMs };
 */
export function toWireError(e: unknown, depth = 0): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: `a non-error value was thrown: ${safeText(e)}`, fields: {} };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(e)) {
    if (key === 'cause') continue;
    const json = jsonOrUndefined((e as unknown as Record<string, unknown>)[key]);
    if (json !== undefined) fields[key] = json;
  }
  const cause = 'cause' in e && e.cause !== undefined && depth < 8 ? { cause: toWireError(e.cause, depth + 1) } : {};
  return { name: e.name, message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }), fields, ...cause };
}

/**
 * The error again, with its class when it is a hamilton-ts or built-in error
 * (another class comes back as an Error that keeps the original name).
 *
 * @example
 * throw fromWireError(result.error);
 */
export function fromWireError(w: WireError): Error {
  const own = (errors as unknown as Record<string, unknown>)[w.name] ?? (platformErrors as unknown as Record<string, unknown>)[w.name];
  const cls = typeof own === 'function' && (own as Function).prototype instanceof Error ? (own as ErrorConstructor) : BUILT_IN[w.name];
  const error = Object.create((cls ?? Error).prototype) as Error;
  define(error, 'message', w.message);
  if (w.stack !== undefined) define(error, 'stack', w.stack);
  if (!cls) define(error, 'name', w.name); // hamilton-ts errors name themselves after their class
  for (const [key, v] of Object.entries(w.fields)) Object.defineProperty(error, key, { value: v, enumerable: true, writable: true, configurable: true });
  if (w.cause) define(error, 'cause', fromWireError(w.cause));
  return error;
}

function jsonOrUndefined(v: unknown): unknown {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function safeText(v: unknown): string {
  try {
    return String(v);
  } catch {
    return '(unprintable)';
  }
}

function define(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: false, writable: true, configurable: true });
}
