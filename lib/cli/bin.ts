#!/usr/bin/env node
/**
 * The `hamilton-ts` executable (package.json `bin`, as dist/cli/bin.js).
 *
 *   hamilton-ts list features.ts
 */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
});
