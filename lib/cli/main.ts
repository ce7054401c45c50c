/**
 * The `hamilton-ts` command line: reads the command name and the global flags,
 * and hands the rest of the arguments to the command.
 */
import { readFileSync } from 'node:fs';
import { closeNames } from '../core/graph/suggest.js';
import type { CommandIO } from './command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { cliMessages } from './messages.js';
import { reportError } from './report-error.js';

/**
 * Runs `hamilton-ts` with the arguments after the program name; resolves to
 * the exit code.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() });
 */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(`${generalHelp()}\n\n${cliMessages.noCommand()}\n`);
    return ExitCode.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(`${generalHelp()}\n`);
    return ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const names = COMMANDS.map((c) => c.name);
    return reportError(first, new UsageError(cliMessages.unknownCommand(first, closeNames(first, names), names)), io, argv.includes('--json'));
  }
  if (wantsHelp(rest)) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.ok;
  }
  return command.run(rest, io);
}

/** `--help` or `-h` among the flags (not after `--`, where it would be a file name). */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: hamilton-ts <command> <modules...> [options]',
    '',
    'Runs, draws, lists and validates Hamilton dataflows written as classes with @node methods.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --json (one JSON document on stdout) and --help.',
    'Exit codes: 0 done, 1 the dataflow failed, 2 bad usage.',
    '',
    'Run `hamilton-ts <command> --help` for its flags and an example.',
  ].join('\n');
}

function version(): string {
  // The same relative path from lib/cli and from dist/cli: the package's own package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
