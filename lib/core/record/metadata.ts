/**
 * The one module that touches class metadata.
 *
 * Decorators record plain, immutable records here at class-definition time; the
 * builder reads them back. Records live on the TC39 `context.metadata` object via
 * `reflect-metadata`; because a subclass's metadata object has its parent's as
 * prototype, inherited records are found by walking that chain.
 */
/// <reference types="reflect-metadata" />
import { createRequire } from 'node:module';

// reflect-metadata is CommonJS; required rather than imported because Node would
// otherwise scan its source for named exports on every start (about 8 ms).
createRequire(import.meta.url)('reflect-metadata');
import { callerModuleUrl } from './module-url.js';

// Node 20 has no Symbol.metadata. TypeScript's decorator emit only creates
// `context.metadata` objects when the symbol exists, so it must be installed
// before any user class is evaluated: the package entry imports this file first.
(Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata');

const RECORDS_KEY = Symbol.for('hamilton-ts:records');

/** Where a record was declared: the method it decorates. */
export interface MethodKey {
  /** The method's property name. */
  readonly method: string;
  /** True for a `static` method. */
  readonly isStatic: boolean;
}

/** One decorator's record about one method. `kind` says which decorator wrote it. */
export interface MethodRecord<P = unknown> extends MethodKey {
  readonly kind: string;
  readonly payload: P;
}

type MetadataObject = DecoratorMetadataObject;

/**
 * Appends a record to a class's own metadata (copy on write: a parent's list is
 * never mutated, so subclasses cannot change their parent's graph).
 *
 * @example
 * addRecord(context.metadata, { kind: 'tag', method: 'x', isStatic: false, payload: { owner: 'ds' } });
 */
export function addRecord(metadata: MetadataObject | undefined, record: MethodRecord): void {
  if (!metadata) {
    throw new Error('hamilton-ts: context.metadata is missing; import hamilton-ts before defining decorated classes.');
  }
  // Appends in place to this class's own, unpublished list: copying the list on
  // every record made a class with n decorated methods cost O(n²) (a
  // 100,000-method class took minutes to import). Readers only ever get a frozen
  // snapshot (see ownRecords), and a parent's list lives on the parent's
  // metadata object, which is never written here.
  const own = Reflect.getOwnMetadata(RECORDS_KEY, metadata) as OwnRecords | undefined;
  if (own) {
    own.list.push(Object.freeze(record));
    own.snapshot = undefined;
  } else {
    // The class's first record: the one moment the defining module is on the stack.
    const url = callerModuleUrl();
    Reflect.defineMetadata(RECORDS_KEY, { list: [Object.freeze(record)], snapshot: undefined, url } satisfies OwnRecords, metadata);
  }
}

/** A class's own records: appended to while the class is decorated, read as a frozen snapshot. */
interface OwnRecords {
  readonly list: MethodRecord[];
  /** The frozen copy readers get; dropped when a record is added. */
  snapshot: readonly MethodRecord[] | undefined;
  /** File URL of the module that defined the class, when the stack told. */
  readonly url: string | undefined;
}

function ownRecords(metadata: MetadataObject): readonly MethodRecord[] | undefined {
  const own = Reflect.getOwnMetadata(RECORDS_KEY, metadata) as OwnRecords | undefined;
  if (!own) return undefined;
  return (own.snapshot ??= Object.freeze(own.list.slice()));
}

/**
 * The metadata chain of a class, base class first, each with its own records.
 *
 * @example
 * for (const level of recordsOf(Marketing)) console.log(level.records.length);
 */
export function recordsOf(cls: Function): { cls: Function; records: readonly MethodRecord[] }[] {
  const levels: { cls: Function; records: readonly MethodRecord[] }[] = [];
  for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const md = (c as { [Symbol.metadata]?: MetadataObject | null })[Symbol.metadata];
    if (!md || !Object.prototype.hasOwnProperty.call(c, Symbol.metadata)) continue;
    const own = ownRecords(md);
    if (own) levels.push({ cls: c, records: own });
  }
  return levels.reverse();
}

/**
 * The records written onto one metadata object (not its parents'): used to
 * read what a decorator records when it is applied by another modifier.
 *
 * @example
 * const md = {}; someDecorator(fn, { kind: 'method', name: 'x', static: false, metadata: md, ... }); recordsIn(md);
 */
export function recordsIn(metadata: object): readonly MethodRecord[] {
  return ownRecords(metadata as MetadataObject) ?? [];
}

/**
 * The file URL of the module that defined a decorated class (the nearest class
 * in its chain with records of its own), or undefined when it is not known.
 *
 * @example
 * moduleUrlOf(Marketing); // 'file:///home/me/features.ts'
 */
export function moduleUrlOf(cls: Function): string | undefined {
  for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (!Object.prototype.hasOwnProperty.call(c, Symbol.metadata)) continue;
    const md = (c as { [Symbol.metadata]?: MetadataObject | null })[Symbol.metadata];
    const own = md ? (Reflect.getOwnMetadata(RECORDS_KEY, md) as OwnRecords | undefined) : undefined;
    if (own?.url) return own.url;
  }
  return undefined;
}
