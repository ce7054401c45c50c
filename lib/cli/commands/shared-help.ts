/**
 * Help lines several commands share, so each flag is described once, and the
 * layout of the help of every command on the module files' graph.
 */

/**
 * One help line per shared flag.
 *
 * @example
 * usage: ['Options:', FLAG_HELP.inputs, FLAG_HELP.json].join('\n'),
 */
export const FLAG_HELP = {
  outputs: '  --outputs a,b        nodes to compute (comma-separated, repeatable)',
  inputs: '  --inputs file.json   input values: a JSON object, e.g. {"spend": [10, 20, 40]}',
  config: '  --config key=value   a config value, read as JSON when it parses, else as a string (repeatable)',
  json: '  --json               print one JSON document on stdout (errors too: {"ok": false, "error": ...})',
  help: '  -h, --help           show this help',
} as const;

/** The module-files paragraph of every command's help. */
export const MODULES_HELP =
  'Module files are .ts or .js paths relative to the current folder; every exported class with @node\n' +
  'methods (and every exported instance of one) is used. No tsconfig or loader flags are needed.';

/** The exit-codes paragraph of every command's help. */
export const EXIT_HELP = 'Exit codes: 0 done, 1 the dataflow failed, 2 bad usage.';

/** The parts of a command's help that are its own. */
export interface UsageParts {
  /** What follows `hamilton-ts <command>` on the usage line. */
  readonly synopsis: string;
  /** What the command does, a line each. */
  readonly about: readonly string[];
  /** Its flags' help lines, before the `--json` and `--help` lines every command has. */
  readonly options: readonly string[];
  /** One command line, shown under `Example:`. */
  readonly example: string;
}

/**
 * The help text of a command on the module files' graph: usage, what it does,
 * its flags, the module files and exit codes, an example.
 *
 * @example
 * usage: usageText('list', { synopsis: '<modules...> [--json]', about: ['Lists the nodes.'], options: [FLAG_HELP.config], example: 'hamilton-ts list features.ts' }),
 */
export function usageText(command: string, parts: UsageParts): string {
  return [
    `Usage: hamilton-ts ${command} ${parts.synopsis}`,
    '',
    ...parts.about,
    '',
    'Options:',
    ...parts.options,
    FLAG_HELP.json,
    FLAG_HELP.help,
    '',
    MODULES_HELP,
    EXIT_HELP,
    '',
    'Example:',
    `  ${parts.example}`,
  ].join('\n');
}
