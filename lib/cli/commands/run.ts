/**
 * `hamilton-ts run`: computes outputs and prints them or writes them to a file.
 */
import { OUTPUTS_OPTION, requiredOutputs } from '../arguments.js';
import { graphCommand } from '../command-flow.js';
import { UsageError } from '../errors.js';
import { formatResult } from '../format-result.js';
import { cliMessages } from '../messages.js';
import { RESULT_KINDS, shapeResult, type ResultKind } from '../run-result.js';
import { outputFormat, writeOutput } from '../write-output.js';
import { FLAG_HELP, usageText } from './shared-help.js';

const EXAMPLE = 'hamilton-ts run features.ts --outputs spendMean,spendPerSignup --inputs inputs.json';

/**
 * The `run` command.
 *
 * @example
 * await runCommand.run(['features.ts', '--outputs', 'spendMean', '--json'], io);
 */
export const runCommand = graphCommand({
  name: 'run',
  summary: 'Compute outputs; print them, or write them to a .csv or .json file.',
  usage: usageText('run', {
    synopsis: '<modules...> --outputs a,b [--inputs file.json] [--config key=value] [--out result.csv]',
    about: [
      'Computes the outputs (and only what they need) from the module files, then prints the result, or',
      'writes it with --out. Outputs that are columns or tables become one table; other results stay',
      'values by name.',
    ],
    options: [
      `${FLAG_HELP.outputs} (required)`,
      FLAG_HELP.inputs,
      FLAG_HELP.config,
      '  --out file           write the result to a .csv or .json file (a temporary file, then renamed)',
      '  --result kind        auto (default): a table when the outputs make one; table; dict',
    ],
    example: `${EXAMPLE} --out result.csv`,
  }),
  options: { ...OUTPUTS_OPTION, out: { type: 'string' }, result: { type: 'string' } },
  inputs: true,
  request: (values) => {
    const outputs = requiredOutputs('run', values.outputs, EXAMPLE);
    const kind = resultKind(values.result);
    if (values.out !== undefined) outputFormat(values.out); // a bad extension fails before anything runs
    return { outputs, kind, out: values.out };
  },
  work: async ({ driver, request: { outputs, kind, out }, inputs, io }) => {
    const result = await shapeResult(await driver.execute(outputs, { inputs }), outputs, kind);
    const json = result.kind === 'table' ? result.table : result.values;
    if (out === undefined) return { text: formatResult(result), json: { outputs, kind: result.kind, result: json } };
    const wrote = await writeOutput(out, io.cwd, result);
    return { text: `${cliMessages.wroteResult(out, wrote)}\n`, json: { outputs, kind: result.kind, result: json, out } };
  },
});

function resultKind(value: string | undefined): ResultKind {
  if (value === undefined) return 'auto';
  if (!(RESULT_KINDS as readonly string[]).includes(value)) throw new UsageError(cliMessages.badResultKind(value));
  return value as ResultKind;
}
