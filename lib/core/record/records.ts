/**
 * The plain records decorators write (RECORD stage) and the builder reads.
 */
import type { NodeModifier } from '../resolve/modifiers.js';
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
}

/** Written by every function modifier (`@tag`, `@checkOutput` ...). */
export interface ModifierRecordPayload {
  /** The decorator's user-facing name, for error messages (e.g. '@tag'). */
  readonly decorator: string;
  readonly modifier: NodeModifier;
}

/** Record kinds. */
export const RecordKind = { node: 'node', modifier: 'modifier' } as const;
