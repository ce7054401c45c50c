/**
 * `hamilton-ts validate`: checks that outputs can be computed, running nothing.
 */
import type { Command } from '../command.js';
import { COMMON_OPTIONS, moduleFiles, parseArguments, parseConfig, splitNames } from '../arguments.js';
import { buildDriver } from '../build-driver.js';
import { UsageError } from '../errors.js';
import { cliMessages } from '../messages.js';
import { readInputs } from '../read-inputs.js';
import { respond } from '../respond.js';
import { EXIT_HELP, FLAG_HELP, MODULES_HELP } from './shared-help.js';

const OPTIONS = { ...COMMON_OPTIONS, outputs: { type: 'string', multiple: true }, inputs: { type: 'string' } } as const;

const EXAMPLE = 'hamilton-ts validate features.ts --outputs spendPerSignup --inputs inputs.json';

/**
 * The `validate` command.
 *
 * @example
 * await validateCommand.run(['features.ts', '--outputs', 'spendMean', '--inputs', 'inputs.json'], io);
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check that outputs can be computed from the inputs, without running anything.',
  usage: [
    'Usage: hamilton-ts validate <modules...> --outputs a,b [--inputs file.json] [--config key=value]',
    '',
    'Builds the DAG and checks the request as run would (names exist, every needed input is given,',
    'no input clashes with config or a node), running no node. Exit code 1 names what is wrong.',
    '',
    'Options:',
    `${FLAG_HELP.outputs} (required)`,
    FLAG_HELP.inputs,
    FLAG_HELP.config,
    FLAG_HELP.json,
    FLAG_HELP.help,
    '',
    MODULES_HELP,
    EXIT_HELP,
    '',
    'Example:',
    `  ${EXAMPLE}`,
  ].join('\n'),
  run: (argv, io) =>
    respond('validate', argv, io, async () => {
      const { values, positionals } = parseArguments('validate', argv, OPTIONS);
      const files = moduleFiles('validate', positionals);
      const outputs = splitNames('--outputs', values.outputs);
      if (!outputs) throw new UsageError(cliMessages.missingOption('validate', '--outputs', EXAMPLE));
      const config = parseConfig(values.config);
      const inputs = await readInputs(values.inputs, io.cwd);
      const dr = await buildDriver(files, { cwd: io.cwd, config });
      dr.validateExecution(outputs, { inputs });
      const needed = dr
        .whatIsUpstreamOf(...outputs)
        .filter((n) => n.isExternalInput && Object.prototype.hasOwnProperty.call(inputs, n.name))
        .map((n) => n.name);
      return { text: `${cliMessages.valid(outputs, needed)}\n`, json: { outputs, inputs: needed } };
    }),
};
