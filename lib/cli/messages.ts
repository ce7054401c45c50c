/**
 * Every message the command line prints: errors name the culprit (command,
 * flag, file and line) and say what to do.
 */
import { errorText, q, show } from '../core/message-format.js';

const HELP = 'Run `hamilton-ts --help` for the commands.';
const helpOf = (command: string) => `Run \`hamilton-ts ${command} --help\` for its flags.`;

/**
 * The command line's messages, by situation.
 *
 * @example
 * throw new UsageError(cliMessages.missingModules('run'));
 */
export const cliMessages = {
  noCommand: () => `No command given. ${HELP}`,
  unknownCommand: (name: string, suggestions: readonly string[], commands: readonly string[]) =>
    `Unknown command ${q(name)}${suggestions.length ? ` (did you mean ${suggestions.map(q).join(' or ')}?)` : ''}. ` +
    `The commands are ${commands.map(q).join(', ')}. ${HELP}`,
  badArguments: (command: string, detail: string) => `hamilton-ts ${command}: ${detail.replace(/\.?$/, '.')} ${helpOf(command)}`,
  missingModules: (command: string) =>
    `hamilton-ts ${command}: give at least one module file, e.g. \`hamilton-ts ${command} features.ts\`. ${helpOf(command)}`,
  missingOption: (command: string, flag: string, example: string) =>
    `hamilton-ts ${command}: ${flag} is required, e.g. \`${example}\`. ${helpOf(command)}`,
  badWholeNumber: (command: string, flag: string, value: string, min: number) =>
    `hamilton-ts ${command}: ${flag} needs a whole number of at least ${min}, got ${show(value)}. ${helpOf(command)}`,
  badLogLevel: (value: string, levels: readonly string[]) => `hamilton-ts worker: --log-level ${show(value)} is not a level; use one of ${levels.join(', ')}.`,
  workerStopped: (queue: string) => `Worker on queue ${show(queue)} stopped after finishing its jobs.`,
  badPair: (flag: string, pair: string) =>
    `${flag} ${show(pair)}: expected key=value with a non-empty key, e.g. \`${flag} region=us\`.`,
  badTagPair: (pair: string) =>
    `--tag ${show(pair)}: expected key=value (nodes whose tag equals value) or key (nodes that carry the tag), e.g. \`--tag owner=data-science\`.`,
  emptyOutputs: (flag: string) => `${flag} names no output. Give comma-separated node names, e.g. \`${flag} spendMean,spendPerSignup\`.`,

  moduleNotFound: (file: string, absolute: string) =>
    `Module file ${q(file)} does not exist (looked for ${absolute}). Paths are relative to the current folder.`,
  moduleDoesNotCompile: (file: string, errors: readonly string[], javascript: boolean) =>
    `Module file ${q(file)} does not compile:\n${errors.map((e) => `  ${e}`).join('\n')}\nFix the code at that line, then run the command again.` +
    (javascript ? ' A JavaScript file is run as it is: decorators must be compiled (or name the file .ts).' : ''),
  moduleThrew: (file: string, error: unknown, where: string | undefined) =>
    `Module file ${q(file)} threw while it was loaded${where ? ` (at ${where})` : ''}: ${errorText(error).replace(/\.$/, '')}. Fix the module, then run the command again.`,
  moduleHasNoNodes: (file: string, exportNames: readonly string[]) =>
    `Module file ${q(file)} exports no class with @node methods` +
    (exportNames.length ? ` (it exports ${exportNames.map(q).join(', ')}).` : ' (it exports nothing).') +
    ' Export the classes whose methods carry @node(), e.g. `export class Features { @node() spendMean(spend: number[]) { ... } }`.',

  inputsNotFound: (file: string, absolute: string) => `--inputs ${q(file)}: the file does not exist (looked for ${absolute}).`,
  inputsNotJson: (file: string, error: unknown) =>
    `--inputs ${q(file)} is not valid JSON (${errorText(error)}). Give a JSON object of input values, e.g. {"spend": [10, 20, 40]}.`,
  inputsNotObject: (file: string, value: unknown) =>
    `--inputs ${q(file)} must hold a JSON object of input values, e.g. {"spend": [10, 20, 40]}; it holds ${show(value)}.`,

  unknownGraphFormat: (file: string) =>
    `-o ${q(file)}: unknown format. Name a .svg, .png or .dot file (or leave -o out to print DOT).`,
  unknownResultFormat: (file: string) => `--out ${q(file)}: unknown format. Name a .csv or .json file.`,
  csvNeedsTable: (file: string, outputs: readonly string[]) =>
    `--out ${q(file)}: a CSV file needs a table, but the outputs ${outputs.map(q).join(', ')} do not make one ` +
    `(no column or table among them, or columns of different lengths). Write a .json file instead, or request columns of one length.`,
  badResultKind: (kind: string) => `--result ${show(kind)}: expected table, dict or auto.`,

  missingInputsHint: (names: readonly string[]) =>
    `On the command line, give ${names.length === 1 ? 'it' : 'them'} in --inputs file.json (e.g. {${names.map((n) => `"${n}": ...`).join(', ')}}) or with --config ${names[0]}=...`,
  failed: (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : errorText(error)),
  internal: (error: unknown) =>
    `Unexpected error (a bug in hamilton-ts or in a module): ${error instanceof Error ? (error.stack ?? errorText(error)) : errorText(error)}`,

  wroteResult: (file: string, description: string) => `Wrote ${description} to ${file}.`,
  wroteGraph: (file: string, nodes: number) => `Wrote the DAG (${nodes} nodes) to ${file}.`,
  valid: (outputs: readonly string[], inputs: readonly string[]) =>
    `OK: ${outputs.map(q).join(', ')} can be computed` +
    (inputs.length ? ` from the inputs ${inputs.map(q).join(', ')}.` : ', needing no inputs.'),
  noNodesMatch: () => 'No node matches.',
};
