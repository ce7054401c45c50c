// Runs the real command line in a child process, as a user's shell would.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The development launcher: the same command line as the published bin, from the sources. */
export const LAUNCHER = fileURLToPath(new URL('../../bin/hamilton-ts-dev.js', import.meta.url));

/** The repository root: commands run there unless a test says otherwise. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The fixtures folder, relative to ROOT (module paths are relative to the cwd). */
export const FIXTURES = '__tests__/cli/fixtures';

/** What a finished command left. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <launcher> ...args` in `cwd` and resolves when it exits, whatever its exit code.
 *
 * @example
 * const { code, stdout } = await cli(['list', `${FIXTURES}/features.ts`, '--json']);
 */
export function cli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return runProcess(process.execPath, [LAUNCHER, ...args], options.cwd ?? ROOT);
}

/**
 * Runs a program in `cwd` and resolves when it exits, whatever its exit code.
 * Jest's NODE_OPTIONS (--experimental-vm-modules) are not a user's: the child runs without them.
 *
 * @example
 * await runProcess('npm', ['pack'], ROOT);
 */
export function runProcess(file: string, args: readonly string[], cwd: string): Promise<CliRun> {
  const { NODE_OPTIONS: _jestOptions, ...env } = process.env;
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
      if (code === undefined) reject(error);
      else resolve({ code, stdout, stderr });
    });
  });
}

/** The one JSON document a `--json` command printed on stdout. */
export function json(run: CliRun): Record<string, unknown> & { ok: boolean } {
  return JSON.parse(run.stdout) as Record<string, unknown> & { ok: boolean };
}
