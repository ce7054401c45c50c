/**
 * `hamilton-ts viz`: draws the DAG as SVG, PNG or DOT.
 */
import { resolve } from 'node:path';
import { graphFormat, writeGraph } from '../../core/render/render.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS, moduleFiles, parseArguments, parseConfig, splitNames } from '../arguments.js';
import { buildDriver } from '../build-driver.js';
import { UsageError } from '../errors.js';
import { cliMessages } from '../messages.js';
import { respond } from '../respond.js';
import { EXIT_HELP, FLAG_HELP, MODULES_HELP } from './shared-help.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  outputs: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
} as const;

/**
 * The `viz` command.
 *
 * @example
 * await vizCommand.run(['features.ts', '-o', 'dag.svg'], io);
 */
export const vizCommand: Command = {
  name: 'viz',
  summary: 'Draw the DAG to an .svg, .png or .dot file (DOT on stdout without -o).',
  usage: [
    'Usage: hamilton-ts viz <modules...> [--outputs a,b] [--config key=value] [-o dag.svg|dag.png|dag.dot]',
    '',
    'Draws the DAG of the module files: functions as boxes, inputs dashed, config as notes, requested',
    'outputs in gold, data-quality checks as green hexagons. The format follows the file extension.',
    '',
    'Options:',
    '  -o, --output file    write .svg, .png or .dot (default: print DOT on stdout)',
    `${FLAG_HELP.outputs}: draw only them and what they need`,
    FLAG_HELP.config,
    FLAG_HELP.json,
    FLAG_HELP.help,
    '',
    MODULES_HELP,
    EXIT_HELP,
    '',
    'Example:',
    '  hamilton-ts viz features.ts --outputs spendPerSignup -o dag.svg',
  ].join('\n'),
  run: (argv, io) =>
    respond('viz', argv, io, async () => {
      const { values, positionals } = parseArguments('viz', argv, OPTIONS);
      const files = moduleFiles('viz', positionals);
      const outputs = splitNames('--outputs', values.outputs);
      const file = values.output;
      const format = file === undefined ? 'dot' : graphFormat(file);
      if (!format) throw new UsageError(cliMessages.unknownGraphFormat(file!));
      const dr = await buildDriver(files, { cwd: io.cwd, config: parseConfig(values.config) });
      const nodes = outputs ? dr.whatIsUpstreamOf(...outputs).length : dr.listAvailableVariables().length;
      const dot = dr.toDot(outputs ? { outputs } : {});
      if (file === undefined) return { text: dot, json: { format, nodes, dot } };
      await writeGraph(resolve(io.cwd, file), dot, format);
      return { text: `${cliMessages.wroteGraph(file, nodes)}\n`, json: { format, nodes, file } };
    }),
};
