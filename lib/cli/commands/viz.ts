/**
 * `hamilton-ts viz`: draws the DAG as SVG, PNG or DOT.
 */
import { resolve } from 'node:path';
import { graphFormat, writeGraph } from '../../core/render/render.js';
import { OUTPUTS_OPTION, splitNames } from '../arguments.js';
import { graphCommand } from '../command-flow.js';
import { UsageError } from '../errors.js';
import { cliMessages } from '../messages.js';
import { FLAG_HELP, usageText } from './shared-help.js';

/**
 * The `viz` command.
 *
 * @example
 * await vizCommand.run(['features.ts', '-o', 'dag.svg'], io);
 */
export const vizCommand = graphCommand({
  name: 'viz',
  summary: 'Draw the DAG to an .svg, .png or .dot file (DOT on stdout without -o).',
  usage: usageText('viz', {
    synopsis: '<modules...> [--outputs a,b] [--config key=value] [-o dag.svg|dag.png|dag.dot]',
    about: [
      'Draws the DAG of the module files: functions as boxes, inputs dashed, config as notes, requested',
      'outputs in gold, data-quality checks as green hexagons. The format follows the file extension.',
    ],
    options: [
      '  -o, --output file    write .svg, .png or .dot (default: print DOT on stdout)',
      `${FLAG_HELP.outputs}: draw only them and what they need`,
      FLAG_HELP.config,
    ],
    example: 'hamilton-ts viz features.ts --outputs spendPerSignup -o dag.svg',
  }),
  options: { ...OUTPUTS_OPTION, output: { type: 'string', short: 'o' } },
  request: (values) => {
    const outputs = splitNames('--outputs', values.outputs);
    const file = values.output;
    const format = file === undefined ? 'dot' : graphFormat(file);
    if (!format) throw new UsageError(cliMessages.unknownGraphFormat(file!));
    return { outputs, file, format };
  },
  work: async ({ driver, request: { outputs, file, format }, io }) => {
    const nodes = outputs ? driver.whatIsUpstreamOf(...outputs).length : driver.listAvailableVariables().length;
    const dot = driver.toDot(outputs ? { outputs } : {});
    if (file === undefined) return { text: dot, json: { format, nodes, dot } };
    await writeGraph(resolve(io.cwd, file), dot, format);
    return { text: `${cliMessages.wroteGraph(file, nodes)}\n`, json: { format, nodes, file } };
  },
});
