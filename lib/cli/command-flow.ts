/**
 * The flow every command that works on the module files' graph shares (run,
 * viz, list, validate): parse the flags strictly, take the module files, check
 * the command's own flags, parse `--config`, read `--inputs`, build the driver,
 * then hand it to the command's work, whose outcome `respond` prints (text or
 * `--json`; errors become exit codes). A command file holds only its flags, its
 * checks and its work. The order is the order usage errors are found in: every
 * flag is checked before any file is read, so a bad flag never waits on a load.
 */
import type { Driver } from '../core/driver.js';
import { COMMON_OPTIONS, moduleFiles, parseArguments, parseConfig, type OptionsConfig, type ParsedArguments } from './arguments.js';
import { buildDriver } from './build-driver.js';
import type { Command, CommandIO } from './command.js';
import { readInputs } from './read-inputs.js';
import { respond, type Outcome } from './respond.js';

const INPUTS_OPTION = { inputs: { type: 'string' } } as const satisfies OptionsConfig;

/** The flag values a command's `request` reads: its own flags, `--json` and `--config`. */
export type FlagValues<O extends OptionsConfig> = ParsedArguments<typeof COMMON_OPTIONS & O>['values'];

/** What a command's work receives. */
export interface GraphRun<R> {
  /** The driver of the module files, built with the `--config` values. */
  readonly driver: Driver;
  /** What the command's `request` made of its own flags. */
  readonly request: R;
  /** The `--inputs` values; `{}` when the command takes no `--inputs` or none was given. */
  readonly inputs: Record<string, unknown>;
  readonly io: CommandIO;
}

/** One command on the module files' graph: its help, its own flags, their checks, and its work. */
export interface GraphCommandSpec<O extends OptionsConfig, R> {
  readonly name: string;
  /** One line, shown in `hamilton-ts --help`. */
  readonly summary: string;
  /** The full help text, shown by `hamilton-ts <name> --help`. */
  readonly usage: string;
  /** The command's own flags, beside `--json` and `--config` (and `--inputs`, with `inputs: true`). */
  readonly options: O;
  /** Whether the command takes `--inputs file.json`. */
  readonly inputs?: boolean;
  /** Checks the command's own flags, before any file is read; throws a UsageError for a bad one. */
  readonly request: (values: FlagValues<O>) => R;
  /** The command's work on the driver. */
  readonly work: (run: GraphRun<R>) => Outcome | Promise<Outcome>;
}

/**
 * A command that parses its flags, builds the driver of the module files and
 * works on it, as `spec` says.
 *
 * @example
 * export const countCommand = graphCommand({
 *   name: 'count',
 *   summary: 'Count the nodes.',
 *   usage: 'Usage: hamilton-ts count <modules...>',
 *   options: {},
 *   request: () => undefined,
 *   work: ({ driver }) => {
 *     const nodes = driver.listAvailableVariables().length;
 *     return { text: `${nodes}\n`, json: { nodes } };
 *   },
 * });
 */
export function graphCommand<O extends OptionsConfig, R>(spec: GraphCommandSpec<O, R>): Command {
  const options: OptionsConfig = { ...COMMON_OPTIONS, ...(spec.inputs ? INPUTS_OPTION : {}), ...spec.options };
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    run: (argv, io) =>
      respond(spec.name, argv, io, async () => {
        const { values, positionals } = parseArguments(spec.name, argv, options);
        const files = moduleFiles(spec.name, positionals);
        const request = spec.request(values as FlagValues<O>);
        const config = parseConfig(values.config as string[] | undefined);
        const inputs = spec.inputs ? await readInputs(values.inputs as string | undefined, io.cwd) : {};
        const driver = await buildDriver(files, { cwd: io.cwd, config });
        return spec.work({ driver, request, inputs, io });
      }),
  };
}
