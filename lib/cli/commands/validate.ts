/**
 * `hamilton-ts validate`: checks that outputs can be computed, running nothing.
 */
import { OUTPUTS_OPTION, requiredOutputs } from '../arguments.js';
import { graphCommand } from '../command-flow.js';
import { cliMessages } from '../messages.js';
import { FLAG_HELP, usageText } from './shared-help.js';

const EXAMPLE = 'hamilton-ts validate features.ts --outputs spendPerSignup --inputs inputs.json';

/**
 * The `validate` command.
 *
 * @example
 * await validateCommand.run(['features.ts', '--outputs', 'spendMean', '--inputs', 'inputs.json'], io);
 */
export const validateCommand = graphCommand({
  name: 'validate',
  summary: 'Check that outputs can be computed from the inputs, without running anything.',
  usage: usageText('validate', {
    synopsis: '<modules...> --outputs a,b [--inputs file.json] [--config key=value]',
    about: [
      'Builds the DAG and checks the request as run would (names exist, every needed input is given,',
      'no input clashes with config or a node), running no node. Exit code 1 names what is wrong.',
    ],
    options: [`${FLAG_HELP.outputs} (required)`, FLAG_HELP.inputs, FLAG_HELP.config],
    example: EXAMPLE,
  }),
  options: OUTPUTS_OPTION,
  inputs: true,
  request: (values) => requiredOutputs('validate', values.outputs, EXAMPLE),
  work: ({ driver, request: outputs, inputs }) => {
    driver.validateExecution(outputs, { inputs });
    const needed = driver
      .whatIsUpstreamOf(...outputs)
      .filter((n) => n.isExternalInput && Object.prototype.hasOwnProperty.call(inputs, n.name))
      .map((n) => n.name);
    return { text: `${cliMessages.valid(outputs, needed)}\n`, json: { outputs, inputs: needed } };
  },
});
