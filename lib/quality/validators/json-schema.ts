/**
 * The one Ajv instance that compiles `schema` checks. Schemas are compiled
 * once, when the validator is created, and ajv caches them by object, so
 * checking the options and creating the validator share one compilation.
 *
 * ajv is loaded when the first schema is compiled, not when hamilton-ts is
 * imported: it costs about 25 ms of start-up that most dataflows never use.
 * Compiling happens while a class is defined, which is synchronous, so ajv
 * (a CommonJS package) is required rather than imported.
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { errorMessage } from '../../core/message-format.js';
import { optionMessages } from '../validator-messages.js';

const OPTIONS: Options = {
  // Report every violation of a row, not only the first.
  allErrors: true,
  // Unknown keywords are usually typos (`minimun`), so they make the schema invalid ...
  strictSchema: true,
  // ... but the type-annotation rules of strict mode reject many valid schemas, and would log to the console.
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  logger: false,
};

let shared: Ajv | undefined;

const requireFromHere = createRequire(import.meta.url);

function newAjv(): Ajv {
  const { Ajv: AjvClass } = requireFromHere('ajv') as typeof import('ajv');
  return new AjvClass(OPTIONS);
}

/**
 * Compiles a JSON Schema with the shared instance; throws ajv's error for an invalid schema.
 *
 * @example
 * const check = compileSchema({ type: 'number', minimum: 0 });
 * check(-1); // false; check.errors holds why
 */
export function compileSchema(schema: object): ValidateFunction {
  shared ??= newAjv();
  try {
    return shared.compile(schema);
  } catch (error) {
    // Two different schemas with the same $id cannot share an instance; the later one gets its own.
    if (error instanceof Error && /already exists/.test(error.message)) return newAjv().compile(schema);
    throw error;
  }
}

/**
 * Why a schema cannot be used, or undefined when it can.
 *
 * @example
 * schemaProblem({ type: 'nombre' }); // 'schema is invalid: data/type must be equal to one of the allowed values ...'
 */
export function schemaProblem(schema: object): string | undefined {
  try {
    const validate = compileSchema(schema);
    if ((validate as { $async?: boolean }).$async === true) return 'it is an async schema ($async: true), and checks run synchronously';
    return undefined;
  } catch (error) {
    const text = errorMessage(error);
    const format = /unknown format "([^"]*)"/.exec(text)?.[1];
    return format === undefined ? text : optionMessages.unknownFormat(format);
  }
}

/**
 * One ajv error as text: where in the value, and what is wrong.
 *
 * @example
 * schemaErrorText({ instancePath: '/age', message: 'must be >= 0', keyword: 'minimum', schemaPath: '', params: {} }); // '/age must be >= 0'
 */
export function schemaErrorText(error: ErrorObject): string {
  const where = error.instancePath || 'the value';
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
  return `${where} ${error.message ?? `fails ${error.keyword}`}${extra}`;
}
