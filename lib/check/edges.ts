/**
 * The checks on the dataflow's edges: every parameter is produced by a node
 * of a type it accepts, or is a declared input (of such a type), or has a
 * default; every node name is defined once.
 */
import ts from 'typescript';
import { checkMessages } from './messages.js';
import type { Finding, SourceLocation, StaticDataflow, StaticNode, StaticParameter } from './model.js';

/**
 * An input declared by the inputs type: its type and where it is declared.
 *
 * @example
 * const spend: DeclaredInput | undefined = declared.get('spend');
 */
export interface DeclaredInput {
  readonly type: ts.Type;
  readonly at: SourceLocation;
}

/**
 * What the edge checks need besides the dataflow.
 *
 * @example
 * const options: EdgeCheckOptions = { outputs: ['spendPerSignup'] };
 */
export interface EdgeCheckOptions {
  /** Only these outputs and what they need must have all their inputs (types are checked everywhere). */
  readonly outputs?: readonly string[];
  /** The inputs type's properties, when one was given. */
  readonly inputs?: ReadonlyMap<string, DeclaredInput>;
}

/**
 * Missing inputs, type mismatches and duplicates, in source order.
 *
 * @example
 * checkEdges(flow, program.checker, { inputs: declared }).map((f) => f.code); // ['missing-input', ...]
 */
export function checkEdges(flow: StaticDataflow, checker: ts.TypeChecker, options: EdgeCheckOptions = {}): Finding[] {
  const producers = producersByName(flow.nodes);
  const findings: Finding[] = [...duplicates(producers)];
  const needed = options.outputs ? upstream(options.outputs, producers) : undefined;
  for (const node of flow.nodes) {
    for (const param of node.parameters) {
      const made = producers.get(param.name);
      if (made) {
        for (const producer of made) {
          if (producer.type && !accepts(checker, param.type, producer.type)) findings.push(mismatch(checker, node, param, producer));
        }
        continue;
      }
      const declared = options.inputs?.get(param.name);
      if (declared) {
        if (!accepts(checker, param.type, declared.type)) findings.push(inputMismatch(checker, node, param, declared));
      } else if (!param.optional && (!needed || needed.has(node.name))) {
        findings.push(finding('missing-input', node, param.at, checkMessages.missingInput(node.name, param.name, options.inputs !== undefined)));
      }
    }
  }
  return findings.sort(bySource);
}

/**
 * Node names by name, each with every node defining it.
 *
 * @example
 * producersByName(flow.nodes).get('spend')?.[0]?.origin; // 'Loaders.spend'
 */
export function producersByName(nodes: readonly StaticNode[]): Map<string, StaticNode[]> {
  const byName = new Map<string, StaticNode[]>();
  for (const n of nodes) {
    const list = byName.get(n.name);
    if (list) list.push(n);
    else byName.set(n.name, [n]);
  }
  return byName;
}

/**
 * True when a name is one a decorator adds by pattern (a validator node, say).
 *
 * @example
 * matchesPattern(flow, 'height_range_validator'); // true with @checkOutput on height
 */
export function matchesPattern(flow: StaticDataflow, name: string): boolean {
  return flow.patterns.some((p) => name.startsWith(p.prefix));
}

function duplicates(producers: ReadonlyMap<string, readonly StaticNode[]>): Finding[] {
  const out: Finding[] = [];
  for (const [name, list] of producers) {
    // Config variants of one name are alternatives, not duplicates.
    if (list.length < 2 || list.every((n) => n.variant)) continue;
    const first = list[0]!;
    for (const other of list.slice(1)) out.push(finding('duplicate-node', other, other.at, checkMessages.duplicate(name, first.origin, first.at)));
  }
  return out;
}

/** Names of the nodes the outputs need, outputs included (iterative: no recursion on deep graphs). */
function upstream(outputs: readonly string[], producers: ReadonlyMap<string, readonly StaticNode[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...outputs];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const n of producers.get(name) ?? []) for (const p of n.parameters) if (!seen.has(p.name)) stack.push(p.name);
  }
  return seen;
}

/** Whether a parameter of type `target` accepts a value of type `source`; a generic parameter accepts anything here. */
function accepts(checker: ts.TypeChecker, target: ts.Type, source: ts.Type): boolean {
  if (target.flags & ts.TypeFlags.TypeParameter) return true;
  return checker.isTypeAssignableTo(source, target);
}

function mismatch(checker: ts.TypeChecker, node: StaticNode, param: StaticParameter, producer: StaticNode): Finding {
  const message = checkMessages.typeMismatch(node.name, param.name, show(checker, param.type), producer.origin, producer.at, show(checker, producer.type!));
  return finding('type-mismatch', node, param.at, message);
}

function inputMismatch(checker: ts.TypeChecker, node: StaticNode, param: StaticParameter, declared: DeclaredInput): Finding {
  const message = checkMessages.inputTypeMismatch(node.name, param.name, show(checker, param.type), declared.at, show(checker, declared.type));
  return finding('type-mismatch', node, param.at, message);
}

function show(checker: ts.TypeChecker, type: ts.Type): string {
  return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
}

function finding(code: Finding['code'], node: StaticNode, at: SourceLocation, message: string): Finding {
  return { code, severity: 'error', file: at.file, line: at.line, column: at.column, origin: node.origin, node: node.name, message };
}

/** By file, then line, then column; findings without a place last. */
export function bySource(a: Finding, b: Finding): number {
  return (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
