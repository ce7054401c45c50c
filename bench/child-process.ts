/**
 * Runs a bench script in a child `node` with this process's flags (the
 * ts-node loader, --expose-gc, --conditions=source), for figures that must not
 * depend on what earlier cases left in this process's heap.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The repository root: children run there, as `npm run bench` does. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `script` (a path relative to bench/) with `args` and returns the JSON
 * value of each line it printed. `nodeFlags` go before the script, after this
 * process's own flags.
 *
 * @example
 * const [run] = await jsonLinesOf('core/fresh-process.ts', ['ours', url, 'chain', '100000']);
 */
export async function jsonLinesOf(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<unknown[]> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const { stdout } = await execFileAsync(process.execPath, [...process.execArgv, ...nodeFlags, path, ...args], { cwd: ROOT, maxBuffer: 1 << 24 });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as unknown);
}
