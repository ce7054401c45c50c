/**
 * How the command line imports user module files: TypeScript through tsx
 * (esbuild), and `'hamilton-ts'` inside them resolved to the very library
 * instance the command line runs, whatever node_modules the file sits next to.
 */
import { register as registerHooks } from 'node:module';
import { register as registerTypeScript } from 'tsx/esm/api';
// The library entry is imported here, before any user file, so that the URL the
// resolve hook hands out is already in the module cache (one instance, and
// Symbol.metadata installed before a user class is decorated).
import '../index.js';

/** True when this file runs as TypeScript source, so a TypeScript loader is already in place. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * The library entry this command line runs: `dist/index.js` when it runs from
 * the build, `lib/index.ts` when it runs from the sources.
 */
const LIBRARY_ENTRY = new URL(FROM_SOURCES ? '../index.ts' : '../index.js', import.meta.url).href;

/**
 * Runs before every other resolver (hooks registered last run first):
 * - `hamilton-ts` is the running library, whether or not the file's folder
 *   could find the package itself;
 * - a TypeScript file outside node_modules is an ES module, even in a folder
 *   whose package.json lacks `"type": "module"` (tsx would make it CommonJS
 *   there, and `require('hamilton-ts')` would bypass this hook).
 */
const RESOLVE_HOOK = `
const COMMONJS_QUERY = 'tsx-commonjs-virtual-query';
let entry;
export function initialize(data) { entry = data.entry; }
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'hamilton-ts') return { url: entry, format: 'module', shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  // Node 20 says 'commonjs' here; Node 22+ leaves the format of a .ts file to the loader (null) or says 'commonjs-typescript'.
  const cjs = resolved.format === 'commonjs' || resolved.format === 'commonjs-typescript' || resolved.format == null;
  if (!cjs || !resolved.url.startsWith('file:') || resolved.url.includes('/node_modules/')) return resolved;
  const url = new URL(resolved.url);
  if (!/\\.tsx?$/.test(url.pathname)) return resolved;
  url.searchParams.delete(COMMONJS_QUERY);
  return { ...resolved, url: url.href, format: 'module' };
}
`;

/** Imports a file URL and resolves to its module namespace. */
export type ModuleImporter = (url: string) => Promise<Record<string, unknown>>;

let installed = false;

/**
 * The importer for user files; installs the loader hooks once per process.
 * tsx compiles TypeScript with esbuild for the running Node: decorators are
 * lowered to standard (TC39) decorator calls, since Node has none natively. No
 * tsconfig is read (`tsconfig: false`), so a project's `experimentalDecorators`
 * cannot turn them into legacy decorators, and every project compiles alike.
 * Run from the sources, the command line keeps the TypeScript loader it runs
 * under (tsx from the development launcher, or ts-node).
 *
 * @example
 * const ns = await moduleImporter()(pathToFileURL('features.ts').href);
 */
export function moduleImporter(): ModuleImporter {
  if (!installed) {
    if (!FROM_SOURCES) registerTypeScript({ tsconfig: false });
    registerHooks(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`, { data: { entry: LIBRARY_ENTRY } });
    installed = true;
  }
  return (url) => import(url) as Promise<Record<string, unknown>>;
}
