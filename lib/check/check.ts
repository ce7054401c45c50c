/**
 * The check's engine: compile the module files, read their dataflow, and
 * check it. No user code runs.
 */
import path from 'node:path';
import type { InputKinds } from '../core/run/input-kinds.js';
import { collectDataflow } from './collect.js';
import { bySource, checkEdges, type DeclaredInput } from './edges.js';
import { parseInputsTypeSpec } from './inputs-spec.js';
import { readInputsType } from './inputs-type.js';
import { inferInputKinds } from './kinds.js';
import type { Finding } from './model.js';
import { checkOutputs } from './outputs.js';
import { createCheckProgram } from './program.js';

/**
 * What to check.
 *
 * @example
 * const options: CheckOptions = { files: ['features.ts'], cwd: process.cwd(), inputsType: 'inputs.ts#Inputs' };
 */
export interface CheckOptions {
  /** Module files, absolute or relative to `cwd`. */
  readonly files: readonly string[];
  /** Where relative paths start, and what reported paths are relative to. */
  readonly cwd: string;
  /** Requested outputs: each must exist, and only what they need must have its inputs. */
  readonly outputs?: readonly string[];
  /** `file.ts#Name`: the type whose properties are the declared inputs. */
  readonly inputsType?: string;
  /** Also infer each input's run-time kind (for `Builder.withInputChecks`). */
  readonly emitKinds?: boolean;
}

/**
 * Counts and time of one check.
 *
 * @example
 * const { nodes, programMs, checkMs }: CheckSummary = report.summary;
 */
export interface CheckSummary {
  readonly files: number;
  readonly modules: number;
  readonly nodes: number;
  readonly edges: number;
  /** Compiling (parsing and binding the program). */
  readonly programMs: number;
  /** Reading the dataflow and checking it. */
  readonly checkMs: number;
}

/**
 * The check's result; `ok` is false when there is any error.
 *
 * @example
 * const r = checkFiles({ files: ['features.ts'], cwd: process.cwd() });
 * if (!r.ok) for (const e of r.errors) console.log(`${e.file}:${e.line} ${e.origin}: ${e.message}`);
 */
export interface CheckReport {
  readonly ok: boolean;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly summary: CheckSummary;
  /** With `emitKinds`: input name → kind. */
  readonly kinds?: InputKinds;
}

/**
 * Checks the dataflow of the module files.
 *
 * @example
 * checkFiles({ files: ['samples/hello_world/my_functions.ts'], cwd: process.cwd(), outputs: ['spendPerSignup'] }).ok;
 */
export function checkFiles(options: CheckOptions): CheckReport {
  const started = performance.now();
  const files = options.files.map((f) => path.resolve(options.cwd, f));
  const spec = options.inputsType ? parseInputsTypeSpec(options.inputsType) : undefined;
  const inputsFile = spec ? path.resolve(options.cwd, spec.file) : undefined;
  const p = createCheckProgram(inputsFile && !files.includes(inputsFile) ? [...files, inputsFile] : files, options.cwd);
  const compiled = performance.now();

  const sources = files.map((f) => p.program.getSourceFile(f)).filter((s) => s !== undefined);
  const flow = collectDataflow(p, sources);
  const errors: Finding[] = [];
  let declared: Map<string, DeclaredInput> | undefined;
  if (spec && inputsFile) {
    const read = readInputsType(p, inputsFile, spec.name);
    if (read.ok) declared = read.inputs;
    else errors.push({ code: 'bad-inputs-type', severity: 'error', message: read.message });
  }
  errors.push(...checkEdges(flow, p.checker, { ...(options.outputs ? { outputs: options.outputs } : {}), ...(declared ? { inputs: declared } : {}) }));
  if (options.outputs) errors.push(...checkOutputs(flow, options.outputs, new Set(declared?.keys() ?? [])));
  const kinds = options.emitKinds ? inferInputKinds(flow, p.checker, declared) : undefined;
  const done = performance.now();

  return {
    ok: errors.length === 0,
    errors: errors.sort(bySource),
    warnings: [...flow.warnings].sort(bySource),
    summary: {
      files: sources.length,
      modules: flow.classes,
      nodes: flow.nodes.length,
      edges: flow.nodes.reduce((n, node) => n + node.parameters.length, 0),
      programMs: Math.round(compiled - started),
      checkMs: Math.round(done - compiled),
    },
    ...(kinds ? { kinds } : {}),
  };
}
