/**
 * The data in/out suite (bench/io/cases.ts), run in a child process under tsx:
 * ts-node's ESM resolver, which the other suites run under, rejects the subpath
 * exports (`hyparquet/src/*.js`) that hyparquet-writer imports. The child's
 * records are passed on as they are.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchRecord } from './harness.js';

/**
 * Runs the io cases and reports their records.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: (record: BenchRecord) => void): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--no-warnings', '--expose-gc', '--conditions=source', '--import', 'tsx', 'bench/io/cases.ts'],
      { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 1 << 24 },
    );
    for (const line of stdout.split('\n')) if (line.trim()) report(JSON.parse(line) as BenchRecord);
  } catch (e) {
    report({ suite: 'io', case: 'child process', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}
