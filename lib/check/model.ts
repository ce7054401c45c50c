/**
 * What `hamilton-ts check` knows about a dataflow without running it: nodes
 * read from the decorated classes as written, and the findings about them.
 */
import type ts from 'typescript';

/**
 * A place in a source file; `file` is relative to the directory the check ran in.
 *
 * @example
 * const at: SourceLocation = { file: 'features.ts', line: 12, column: 3 };
 */
export interface SourceLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/**
 * A parameter of a node method: one dependency.
 *
 * @example
 * node.parameters.filter((p: StaticParameter) => !p.optional).map((p) => p.name);
 */
export interface StaticParameter {
  /** The node or input it reads (the parameter's name, or its `@node({ inputs })` entry). */
  readonly name: string;
  readonly type: ts.Type;
  /** True with a default value: when nothing provides it, the default applies (`x?: T` is not optional at run time). */
  readonly optional: boolean;
  readonly at: SourceLocation;
}

/**
 * A node, as the check reads it from a `@node` method.
 *
 * @example
 * flow.nodes.map((n: StaticNode) => `${n.origin} -> ${n.name}`);
 */
export interface StaticNode {
  readonly name: string;
  /** `Class.method`. */
  readonly origin: string;
  readonly at: SourceLocation;
  /** The value it produces (`Promise<T>` unwrapped); undefined when a modifier makes it and the type is unknown. */
  readonly type: ts.Type | undefined;
  /** Its dependencies; empty when a modifier binds them in ways the check does not follow. */
  readonly parameters: readonly StaticParameter[];
  /** A config variant (`x__a` with `@config.when...`): variants of one name are not duplicates. */
  readonly variant: boolean;
}

/**
 * Names a method's decorators add that the check knows only by prefix (validators of `@checkOutput`, say).
 *
 * @example
 * const p: NamePattern = { prefix: 'height_', origin: 'HeightFeatures.height' };
 */
export interface NamePattern {
  readonly prefix: string;
  readonly origin: string;
}

/**
 * The dataflow of the checked files.
 *
 * @example
 * const flow: StaticDataflow = collectDataflow(program, sources);
 */
export interface StaticDataflow {
  readonly nodes: readonly StaticNode[];
  readonly patterns: readonly NamePattern[];
  /** Things the check could not read; they do not fail the check. */
  readonly warnings: readonly Finding[];
  /** Module classes read. */
  readonly classes: number;
}

/**
 * What a finding is about.
 *
 * @example
 * report.errors.filter((f) => f.code === ('missing-input' satisfies FindingCode));
 */
export type FindingCode =
  | 'missing-input'
  | 'type-mismatch'
  | 'duplicate-node'
  | 'unknown-output'
  | 'unreadable-node'
  | 'unknown-decorator'
  | 'bad-inputs-type';

/**
 * One problem found, with where it is and what to do (in `message`).
 *
 * @example
 * const f: Finding = { code: 'missing-input', severity: 'error', file: 'features.ts', line: 12, column: 3,
 *   origin: 'Marketing.spendPerSignup', node: 'spendPerSignup', message: '...' };
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: 'error' | 'warning';
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** `Class.method` of the node concerned, where there is one. */
  readonly origin?: string;
  readonly node?: string;
  readonly message: string;
}
