#!/usr/bin/env node
// Development launcher: runs the command line from its TypeScript sources
// (lib/cli/bin.ts) with no build, compiled on the fly by tsx. The published
// executable is dist/cli/bin.js (package.json "bin"), built by `npm run build`.
//
//   node bin/hamilton-ts-dev.js list samples/hello_world/my_functions.ts
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
await import('../lib/cli/bin.ts');
