// Helpers for the data in/out suites: a scratch folder per suite and what a folder holds.
import { afterAll } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for this suite, removed after it; `file(name)` is a path in it. */
export function scratch(prefix: string): { dir: string; file: (name: string) => string; write: (name: string, text: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), `hamilton-io-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => join(dir, name);
  return {
    dir,
    file,
    write: (name, text) => {
      writeFileSync(file(name), text);
      return file(name);
    },
  };
}

/** The names in a folder, sorted: shows that no temporary file was left behind. */
export const filesIn = (dir: string): string[] => readdirSync(dir).sort();

/** Awaits `promise` and returns what it rejected with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, the promise resolved');
}
