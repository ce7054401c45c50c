/**
 * Argument parsing shared by the commands: node:util's parseArgs in strict
 * mode, with its errors turned into UsageErrors, and the list, key=value and
 * file flags every command reads the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import { cliMessages } from './messages.js';

/** The options of parseArgs (flag name to its type, short name, repetition). */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs gives for these options: `values` by flag, and the positionals. */
export type ParsedArguments<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * Flags every command that builds a graph takes.
 *
 * @example
 * const OPTIONS = { ...COMMON_OPTIONS, tag: { type: 'string', multiple: true } } as const;
 */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  config: { type: 'string', multiple: true },
} as const satisfies OptionsConfig;

/**
 * `--outputs a,b`, repeatable: the nodes a command computes, checks or draws.
 *
 * @example
 * const OPTIONS = { ...OUTPUTS_OPTION, out: { type: 'string' } } as const;
 */
export const OUTPUTS_OPTION = {
  outputs: { type: 'string', multiple: true },
} as const satisfies OptionsConfig;

/**
 * Parses a command's arguments (strict: an unknown flag or a missing value is a
 * UsageError naming the command). Positionals are the module files.
 *
 * @example
 * const { values, positionals } = parseArguments('list', ['m.ts', '--json'], COMMON_OPTIONS);
 */
export function parseArguments<O extends OptionsConfig>(command: string, argv: readonly string[], options: O): ParsedArguments<O> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(cliMessages.badArguments(command, e instanceof Error ? e.message : String(e)));
  }
}

/**
 * The module files of a command; at least one.
 *
 * @example
 * moduleFiles('run', ['a.ts', 'b.ts']); // ['a.ts', 'b.ts']
 */
export function moduleFiles(command: string, positionals: readonly string[]): string[] {
  if (positionals.length === 0) throw new UsageError(cliMessages.missingModules(command));
  return [...positionals];
}

/**
 * Node names from a repeatable, comma-separated flag, in order, without blanks.
 *
 * @example
 * splitNames('--outputs', ['a,b', 'c']); // ['a', 'b', 'c']
 */
export function splitNames(flag: string, values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new UsageError(cliMessages.emptyOutputs(flag));
  return names;
}

/**
 * The `--outputs` of a command that needs them: the names, or a UsageError
 * that shows `example`.
 *
 * @example
 * requiredOutputs('run', ['spendMean'], 'hamilton-ts run features.ts --outputs spendMean'); // ['spendMean']
 */
export function requiredOutputs(command: string, values: readonly string[] | undefined, example: string): string[] {
  const outputs = splitNames('--outputs', values);
  if (!outputs) throw new UsageError(cliMessages.missingOption(command, '--outputs', example));
  return outputs;
}

/**
 * `key=value` split at the first `=`; undefined when there is no `=`.
 *
 * @example
 * splitPair('a=b=c'); // ['a', 'b=c']
 */
export function splitPair(pair: string): [string, string] | undefined {
  const at = pair.indexOf('=');
  return at < 0 ? undefined : [pair.slice(0, at).trim(), pair.slice(at + 1)];
}

/**
 * `--config k=v` pairs as an object. A value is read as JSON when it parses
 * (`3`, `true`, `["a"]`, `{"x":1}`), else kept as the string; a later key wins.
 *
 * @example
 * parseConfig(['region=us', 'weeks=3', 'debug=true']); // { region: 'us', weeks: 3, debug: true }
 */
export function parseConfig(pairs: readonly string[] | undefined): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const pair of pairs ?? []) {
    const kv = splitPair(pair);
    if (!kv || kv[0] === '') throw new UsageError(cliMessages.badPair('--config', pair));
    config[kv[0]] = jsonOrString(kv[1]);
  }
  return config;
}

function jsonOrString(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
