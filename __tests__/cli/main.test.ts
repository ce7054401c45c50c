// The command line's entry: help, version, unknown commands and flags, and exit codes.
import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { cli, FIXTURES, json, ROOT } from './cli.js';

// Each test starts child processes; a loaded 2-core machine can take seconds for each.
jest.setTimeout(30_000);

describe('hamilton-ts', () => {
  it('--help lists every command on stdout and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const name of ['run', 'viz', 'list', 'validate']) expect(run.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(run.stdout).toContain('Exit codes: 0 done, 1 the dataflow failed, 2 bad usage.');
  });

  it('<command> --help prints that command\'s flags and an example, and runs nothing', async () => {
    const run = await cli(['run', 'does-not-exist.ts', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: hamilton-ts run <modules\.\.\.> --outputs/);
    for (const flag of ['--outputs', '--inputs', '--config', '--out', '--json']) expect(run.stdout).toContain(flag);
    expect(run.stdout).toContain('Example:');
  });

  it('--version prints the package version', async () => {
    const run = await cli(['--version']);
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('with no command, prints the help on stderr and exits 2', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: hamilton-ts <command>');
    expect(run.stderr).toContain('No command given.');
  });

  it('an unknown command exits 2, suggesting the close one', async () => {
    const run = await cli(['lsit', `${FIXTURES}/features.ts`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Unknown command `lsit` (did you mean `list`?)');
  });

  it('an unknown flag exits 2 and names the command and the flag', async () => {
    const run = await cli(['list', `${FIXTURES}/features.ts`, '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/hamilton-ts list: .*--colour/);
    expect(run.stderr).toContain('Run `hamilton-ts list --help`');
  });

  it('a usage error under --json is a JSON document on stdout too', async () => {
    const run = await cli(['run', `${FIXTURES}/features.ts`, '--json']);
    expect(run.code).toBe(2);
    const doc = json(run);
    expect(doc).toMatchObject({ ok: false, command: 'run', exitCode: 2, error: { name: 'UsageError' } });
    expect((doc.error as { message: string }).message).toContain('--outputs is required');
    expect(run.stderr).toContain('--outputs is required');
  });

  it('a module file that does not exist exits 2 and names the file', async () => {
    const run = await cli(['list', 'nowhere/features.ts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Module file `nowhere/features.ts` does not exist');
  });

  it('a command with no module file exits 2', async () => {
    const run = await cli(['viz', '-o', 'dag.svg']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give at least one module file');
  });
});
