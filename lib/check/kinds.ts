/**
 * `--emit-kinds`: the kind each external input must have at run time, read
 * from the types of the parameters that take it, in the form
 * `Builder.withInputChecks` reads. Only inputs whose kind the types pin down
 * are listed (`unknown`, `any`, generics and mixed unions are left out).
 */
import ts from 'typescript';
import type { InputKind, InputKinds } from '../core/run/input-kinds.js';
import type { DeclaredInput } from './edges.js';
import { producersByName } from './edges.js';
import type { StaticDataflow } from './model.js';

const TYPED_ARRAYS = new Set([
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Float16Array',
]);
const SCALARS = new Set<InputKind>(['number', 'string', 'boolean', 'bigint', 'scalar']);

/**
 * Input name → kind, for every input no node produces, sorted by name.
 *
 * @example
 * inferInputKinds(flow, checker); // { signups: 'column', spend: 'column' }
 */
export function inferInputKinds(flow: StaticDataflow, checker: ts.TypeChecker, declared?: ReadonlyMap<string, DeclaredInput>): InputKinds {
  const produced = producersByName(flow.nodes);
  const found = new Map<string, InputKind | null>();
  for (const node of flow.nodes) {
    for (const p of node.parameters) {
      if (produced.has(p.name)) continue;
      const kind = kindOfType(checker, p.type);
      found.set(p.name, found.has(p.name) ? merge(found.get(p.name)!, kind) : kind);
    }
  }
  for (const [name, input] of declared ?? []) {
    if (!found.has(name)) continue;
    found.set(name, merge(found.get(name)!, kindOfType(checker, input.type)));
  }
  const kinds: Record<string, InputKind> = {};
  for (const name of [...found.keys()].sort()) {
    const kind = found.get(name);
    if (kind) kinds[name] = kind;
  }
  return kinds;
}

/**
 * The kind a value of this type has, or null when the type does not say.
 *
 * @example
 * kindOfType(checker, float64ArrayType); // 'column'
 */
export function kindOfType(checker: ts.TypeChecker, type: ts.Type): InputKind | null {
  if (type.isUnion()) {
    let kind: InputKind | null | undefined;
    for (const t of type.types) {
      // null and undefined are not checked at run time: they do not decide the kind.
      if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue;
      const k = kindOfType(checker, t);
      kind = kind === undefined ? k : merge(kind, k);
    }
    return kind ?? null;
  }
  const f = type.flags;
  if (f & ts.TypeFlags.NumberLike) return 'number';
  if (f & ts.TypeFlags.StringLike) return 'string';
  if (f & ts.TypeFlags.BooleanLike) return 'boolean';
  if (f & ts.TypeFlags.BigIntLike) return 'bigint';
  if (!(f & ts.TypeFlags.Object) || type.getCallSignatures().length) return null;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return 'column';
  const name = type.getSymbol()?.name;
  if (name && TYPED_ARRAYS.has(name)) return 'column';
  if (name === 'ColumnTable' || name === 'Table') return 'table';
  return 'object';
}

/** Two kinds read for one input: the same kind, `scalar` for different scalars, else none. */
function merge(a: InputKind | null, b: InputKind | null): InputKind | null {
  if (a === null || b === null) return null;
  if (a === b) return a;
  return SCALARS.has(a) && SCALARS.has(b) ? 'scalar' : null;
}
