/**
 * The plain records decorators write (RECORD stage) and the builder reads.
 */
import type { ParameterSpec } from './parameters.js';

/** Written by `@node`. */
export interface NodeRecordPayload {
  /** The original method, as decorated. */
  readonly fn: (...args: never[]) => unknown;
  /** The node name (defaults to the method name). */
  readonly name: string;
  /** Parameters parsed once from the method's source, or given by `inputs`. */
  readonly params: readonly ParameterSpec[];
  /** True when `@node({ inputs })` named them (so they hold for an overriding method too). */
  readonly explicitInputs: boolean;
  readonly doc?: string;
  /** Options for the run stage (`timeoutMs` ...), copied onto the node spec. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The method wants a NodeContext after its inputs (`@node({ context: true })`). */
  readonly needsContext?: boolean;
}

/** Written by every function modifier (`@tag`, `@checkOutput` ...). */
export interface ModifierRecordPayload {
  /** The decorator's user-facing name, for error messages (e.g. '@tag'). */
  readonly decorator: string;
  /** A NodeModifier (lib/core/resolve/modifiers.ts); the resolver reads it, the record only holds it. */
  readonly modifier: object;
}

/** Record kinds. */
export const RecordKind = { node: 'node', modifier: 'modifier' } as const;
