/**
 * `hamilton-ts run`: computes outputs and prints them or writes them to a file.
 */
import type { Command } from '../command.js';
import { COMMON_OPTIONS, moduleFiles, parseArguments, parseConfig, splitNames } from '../arguments.js';
import { buildDriver } from '../build-driver.js';
import { UsageError } from '../errors.js';
import { formatResult } from '../format-result.js';
import { cliMessages } from '../messages.js';
import { readInputs } from '../read-inputs.js';
import { respond } from '../respond.js';
import { RESULT_KINDS, shapeResult, type ResultKind } from '../run-result.js';
import { outputFormat, writeOutput } from '../write-output.js';
import { EXIT_HELP, FLAG_HELP, MODULES_HELP } from './shared-help.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  outputs: { type: 'string', multiple: true },
  inputs: { type: 'string' },
  out: { type: 'string' },
  result: { type: 'string' },
} as const;

const EXAMPLE = 'hamilton-ts run features.ts --outputs spendMean,spendPerSignup --inputs inputs.json';

/**
 * The `run` command.
 *
 * @example
 * await runCommand.run(['features.ts', '--outputs', 'spendMean', '--json'], io);
 */
export const runCommand: Command = {
  name: 'run',
  summary: 'Compute outputs; print them, or write them to a .csv or .json file.',
  usage: [
    'Usage: hamilton-ts run <modules...> --outputs a,b [--inputs file.json] [--config key=value] [--out result.csv]',
    '',
    'Computes the outputs (and only what they need) from the module files, then prints the result, or',
    'writes it with --out. Outputs that are columns or tables become one table; other results stay',
    'values by name.',
    '',
    'Options:',
    `${FLAG_HELP.outputs} (required)`,
    FLAG_HELP.inputs,
    FLAG_HELP.config,
    '  --out file           write the result to a .csv or .json file (a temporary file, then renamed)',
    '  --result kind        auto (default): a table when the outputs make one; table; dict',
    FLAG_HELP.json,
    FLAG_HELP.help,
    '',
    MODULES_HELP,
    EXIT_HELP,
    '',
    'Example:',
    `  ${EXAMPLE} --out result.csv`,
  ].join('\n'),
  run: (argv, io) =>
    respond('run', argv, io, async () => {
      const { values, positionals } = parseArguments('run', argv, OPTIONS);
      const files = moduleFiles('run', positionals);
      const outputs = splitNames('--outputs', values.outputs);
      if (!outputs) throw new UsageError(cliMessages.missingOption('run', '--outputs', EXAMPLE));
      const kind = resultKind(values.result);
      if (values.out !== undefined) outputFormat(values.out); // a bad extension fails before anything runs
      const config = parseConfig(values.config);
      const inputs = await readInputs(values.inputs, io.cwd);
      const dr = await buildDriver(files, { cwd: io.cwd, config });
      const result = await shapeResult(await dr.execute(outputs, { inputs }), outputs, kind);
      const json = result.kind === 'table' ? result.table : result.values;
      if (values.out === undefined) return { text: formatResult(result), json: { outputs, kind: result.kind, result: json } };
      const wrote = await writeOutput(values.out, io.cwd, result);
      return { text: `${cliMessages.wroteResult(values.out, wrote)}\n`, json: { outputs, kind: result.kind, result: json, out: values.out } };
    }),
};

function resultKind(value: string | undefined): ResultKind {
  if (value === undefined) return 'auto';
  if (!(RESULT_KINDS as readonly string[]).includes(value)) throw new UsageError(cliMessages.badResultKind(value));
  return value as ResultKind;
}
