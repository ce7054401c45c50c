/**
 * Every error hamilton-ts raises. One class per failure; messages are built in
 * messages.ts so their wording stays consistent and names the culprit and the fix.
 */
import type { ValidationResult } from './validation-result.js';

/**
 * Base class of every hamilton-ts error.
 *
 * @example
 * try { await dr.execute(['x']); } catch (e) { if (e instanceof HamiltonError) console.error(e.message); }
 */
export class HamiltonError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
  override get name(): string {
    return this.constructor.name;
  }
}

/**
 * A decorator was misused: raised when the class is defined or when the builder reads it.
 *
 * @example
 * // class C { @node() f({ a }: { a: number }) {} }  -> DecoratorError naming C.f / f
 */
export class DecoratorError extends HamiltonError {}

/**
 * The graph cannot be built or queried as asked.
 *
 * @example
 * if (e instanceof GraphError) console.error(e.message);
 */
export class GraphError extends HamiltonError {}

/**
 * A node's code could not be found or linked: an unknown framework op, a
 * module that cannot be located again, a method that is gone.
 *
 * @example
 * catch (e) { if (e instanceof LinkError) console.error(e.message); }
 */
export class LinkError extends GraphError {}

/**
 * The functions depend on each other in a cycle; `path` lists it, first node repeated at the end.
 *
 * @example
 * catch (e) { if (e instanceof CycleError) console.log(e.path.join(' -> ')); }
 */
export class CycleError extends GraphError {
  constructor(message: string, readonly path: readonly string[]) {
    super(message);
  }
}

/**
 * Two modules define the same node; `origins` names both.
 *
 * @example
 * catch (e) { if (e instanceof DuplicateNodeError) console.log(e.node, e.origins); }
 */
export class DuplicateNodeError extends GraphError {
  constructor(message: string, readonly node: string, readonly origins: readonly string[]) {
    super(message);
  }
}

/**
 * A name asked for is not in the graph; `names` lists every unknown name,
 * `suggestions` close names for the first ten (the ones the message shows).
 *
 * @example
 * catch (e) { if (e instanceof UnknownNodeError) console.log(e.names, e.suggestions); }
 */
export class UnknownNodeError extends GraphError {
  constructor(message: string, readonly names: readonly string[], readonly suggestions: Readonly<Record<string, readonly string[]>>) {
    super(message);
  }
}

/**
 * Inputs the requested outputs need were not given; `missing` maps each to the nodes needing it.
 *
 * @example
 * catch (e) { if (e instanceof MissingInputsError) console.log(Object.keys(e.missing)); }
 */
export class MissingInputsError extends HamiltonError {
  constructor(message: string, readonly missing: Readonly<Record<string, readonly string[]>>) {
    super(message);
  }
}

/**
 * Bad arguments to execute or to a builder method (an input that is also config, say).
 *
 * @example
 * catch (e) { if (e instanceof InvalidInputsError) console.error(e.message); }
 */
export class InvalidInputsError extends HamiltonError {}

/**
 * A node function threw; the original error is `cause`.
 *
 * @example
 * catch (e) { if (e instanceof NodeExecutionError) console.log(e.node, e.origin, e.cause); }
 */
export class NodeExecutionError extends HamiltonError {
  constructor(message: string, readonly node: string, readonly origin: string | undefined, cause: unknown) {
    super(message, { cause });
  }
}

/**
 * The run was aborted through `execute(outputs, { signal })`; nothing new
 * started after it, and running async nodes saw the signal. `reason` is the signal's reason.
 *
 * @example
 * catch (e) { if (e instanceof ExecutionAbortedError) console.log('stopped:', e.reason, e.running); }
 */
export class ExecutionAbortedError extends HamiltonError {
  constructor(message: string, readonly reason: unknown, readonly running: readonly string[]) {
    super(message, { cause: reason });
  }
}

/**
 * A node ran past its `@node({ timeoutMs })`, or the run past `execute(..., { timeoutMs })`
 * (`scope` says which); `nodes` names the node(s) running at the time.
 *
 * @example
 * catch (e) { if (e instanceof NodeTimeoutError) console.log(e.scope, e.nodes, e.timeoutMs); }
 */
export class NodeTimeoutError extends HamiltonError {
  constructor(
    message: string,
    readonly scope: 'node' | 'run',
    readonly nodes: readonly string[],
    readonly timeoutMs: number,
  ) {
    super(message);
  }
}

/**
 * A data-quality check with importance 'fail' failed; `results` holds every failed check of the node.
 *
 * @example
 * catch (e) { if (e instanceof DataValidationError) for (const r of e.results) console.log(r.validator, r.message); }
 */
export class DataValidationError extends HamiltonError {
  constructor(
    message: string,
    readonly node: string,
    readonly origin: string | undefined,
    readonly results: readonly ValidationResult[],
  ) {
    super(message);
  }
}

/**
 * A result builder could not shape the outputs (mismatched column lengths, say).
 *
 * @example
 * catch (e) { if (e instanceof ResultBuilderError) console.error(e.message); }
 */
export class ResultBuilderError extends HamiltonError {}

/**
 * A value lacks the shape a modifier's node needs: a column of a table
 * (`@extractColumns`), a field of an object or one of the wrong type
 * (`@extractFields`), a position of a tuple (`@unpackFields`), a column to
 * append (`@withColumns`). Raised at run time; the executor wraps it in
 * NodeExecutionError as the cause.
 *
 * @example
 * catch (e) { if (e instanceof NodeExecutionError && e.cause instanceof ExtractionError) console.log(e.cause.node); }
 */
export class ExtractionError extends HamiltonError {
  constructor(
    message: string,
    /** The node whose value lacks it (the method's node). */
    readonly node: string,
    readonly origin: string | undefined,
  ) {
    super(message);
  }
}

/** Where in a data file a problem is: its line and character column (1-based), or a table column. */
export interface DataLocation {
  readonly line?: number;
  readonly column?: number;
  readonly columnName?: string;
}

/**
 * A data file could not be loaded: it is missing, malformed, of another format,
 * or lacks a column the dataflow needs. Names the file and, where known, the line
 * or column and the node that loads it.
 *
 * @example
 * catch (e) { if (e instanceof DataLoadError) console.log(e.path, e.line, e.columnName, e.node); }
 */
export class DataLoadError extends HamiltonError {
  readonly line?: number;
  readonly column?: number;
  readonly columnName?: string;

  constructor(
    message: string,
    readonly path: string,
    readonly format: string | undefined,
    readonly node: string | undefined,
    where: DataLocation = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    if (where.line !== undefined) this.line = where.line;
    if (where.column !== undefined) this.column = where.column;
    if (where.columnName !== undefined) this.columnName = where.columnName;
  }
}

/**
 * A value could not be saved to a file. The file that was there before is left
 * untouched, and no partial file is left behind.
 *
 * @example
 * catch (e) { if (e instanceof DataSaveError) console.log(e.path, e.format, e.node, e.cause); }
 */
export class DataSaveError extends HamiltonError {
  constructor(
    message: string,
    readonly path: string,
    readonly format: string | undefined,
    readonly node: string | undefined,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/**
 * A data format was asked for that is not registered, or was registered wrongly.
 *
 * @example
 * catch (e) { if (e instanceof FormatError) console.log(e.message); } // lists the registered formats
 */
export class FormatError extends HamiltonError {}
