/**
 * `hamilton-ts check <module files...> [--outputs a,b] [--inputs-type file.ts#Inputs] [--emit-kinds file.json] [--json]`:
 * reports, before running anything, inputs nothing produces, edges whose
 * types do not fit, duplicate nodes and unknown outputs. Exit code 0 when
 * clean, 1 on errors, 2 on a usage error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseInputsTypeSpec } from '../../check/inputs-spec.js';
import { checkUsageMessages } from '../../check/messages.js';
import { atomicWrite } from '../../core/atomic-write.js';
import type { Command, CommandIO } from '../command.js';

const USAGE = `Usage: hamilton-ts check <module files...> [options]

Reads the decorated classes of the files with the TypeScript compiler (runs nothing) and reports
each problem as file:line Class.method, with the fix:
  - an input that no node produces and the inputs type does not declare
  - an edge whose producer's return type is not assignable to the consumer's parameter type
  - a node defined twice
  - a requested output that does not exist

Options:
  --outputs a,b                 outputs to check for: they must exist, and only what they need must have its inputs
  --inputs-type file.ts#Inputs  the type whose properties are the inputs given to execute (default name: Inputs)
  --emit-kinds file.json        write each input's run-time kind, for Builder.withInputChecks
  --json                        print the report as JSON
Exit code: 0 no errors, 1 errors found, 2 usage error.`;

/** The files the compiler reads as TypeScript. */
const TYPESCRIPT = /\.(c|m)?tsx?$/;

/** Parsed arguments, or the usage error. */
type Parsed =
  | { ok: true; files: string[]; outputs?: string[]; inputsType?: string; emitKinds?: string; json: boolean; help: boolean }
  | { ok: false; message: string };

function parse(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let outputs: string[] | undefined;
  let inputsType: string | undefined;
  let emitKinds: string | undefined;
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    if (flag === '--json') json = true;
    else if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--outputs' || flag === '--inputs-type' || flag === '--emit-kinds') {
      const v = value();
      if (v === undefined || v === '' || v.startsWith('--')) return { ok: false, message: checkUsageMessages.missingValue(flag) };
      if (flag === '--outputs') (outputs ??= []).push(...v.split(',').map((s) => s.trim()).filter(Boolean));
      else if (flag === '--inputs-type') inputsType = v;
      else emitKinds = v;
    } else if (arg.startsWith('-')) return { ok: false, message: checkUsageMessages.unknownFlag(arg) };
    else files.push(arg);
  }
  return { ok: true, files, json, help, ...(outputs ? { outputs } : {}), ...(inputsType ? { inputsType } : {}), ...(emitKinds ? { emitKinds } : {}) };
}

/**
 * The `check` command.
 *
 * @example
 * const code = await checkCommand.run(['features.ts', '--outputs', 'spendPerSignup'], { stdout: console.log, stderr: console.error, cwd: process.cwd() });
 */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Find mistakes in the dataflow before running it: missing inputs, mismatched types, duplicates, unknown outputs.',
  usage: USAGE,
  async run(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parse(argv);
    if (!args.ok) return usageError(io, args.message);
    if (args.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (args.files.length === 0) return usageError(io, checkUsageMessages.noFiles());
    const inputsFile = args.inputsType ? parseInputsTypeSpec(args.inputsType).file : undefined;
    for (const f of inputsFile ? [...args.files, inputsFile] : args.files) {
      if (!TYPESCRIPT.test(f)) return usageError(io, checkUsageMessages.notTypeScript(f));
      if (!existsSync(path.resolve(io.cwd, f))) return usageError(io, checkUsageMessages.noSuchFile(f));
    }
    // The compiler is loaded only when a check runs, so the rest of the CLI starts without it.
    const { checkFiles } = await import('../../check/check.js');
    const { formatJson, formatText } = await import('../../check/report.js');
    const report = checkFiles({
      files: args.files,
      cwd: io.cwd,
      emitKinds: args.emitKinds !== undefined,
      ...(args.outputs ? { outputs: args.outputs } : {}),
      ...(args.inputsType ? { inputsType: args.inputsType } : {}),
    });
    if (args.emitKinds && report.kinds) {
      // No folder is made: the file goes where an existing folder is named.
      await atomicWrite(path.resolve(io.cwd, args.emitKinds), `${JSON.stringify(report.kinds, null, 2)}\n`, { mkdir: false });
      if (!args.json) io.stderr(`${checkUsageMessages.kindsWritten(args.emitKinds, Object.keys(report.kinds).length)}\n`);
    }
    io.stdout(args.json ? formatJson(report) : formatText(report));
    return report.ok ? 0 : 1;
  },
};

function usageError(io: CommandIO, message: string): number {
  io.stderr(`${message}\n`);
  return 2;
}

