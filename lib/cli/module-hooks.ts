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

/**
 * The library entry this command line runs: `dist/index.js` when it runs from
 * the build, `lib/index.ts` when the development launcher runs the sources.
 */
const LIBRARY_ENTRY = new URL(import.meta.url.endsWith('.ts') ? '../index.ts' : '../index.js', import.meta.url).href;

/**
 * Maps the bare specifier `hamilton-ts` to the running library. It runs first
 * (hooks registered last run first) and short-circuits, so tsx does not tag the
 * URL with its namespace: a tagged URL would load a second copy of the library.
 */
const RESOLVE_HOOK = `
let entry;
export function initialize(data) { entry = data.entry; }
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'hamilton-ts') return { url: entry, format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}
`;

/** Imports a file URL and resolves to its module namespace. */
export type ModuleImporter = (url: string) => Promise<Record<string, unknown>>;

let importer: ModuleImporter | undefined;

/**
 * The importer for user files, set up once per process. tsx compiles
 * TypeScript with esbuild for the running Node: decorators are lowered to
 * standard (TC39) decorator calls, since Node has none natively. No tsconfig is
 * read (`tsconfig: false`), so a project's `experimentalDecorators` cannot turn
 * them into legacy decorators, and every project compiles the same way.
 *
 * @example
 * const ns = await moduleImporter()(pathToFileURL('features.ts').href);
 */
export function moduleImporter(): ModuleImporter {
  if (importer) return importer;
  const api = registerTypeScript({ namespace: 'hamilton-ts-cli', tsconfig: false });
  registerHooks(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`, { data: { entry: LIBRARY_ENTRY } });
  importer = (url) => api.import(url, import.meta.url) as Promise<Record<string, unknown>>;
  return importer;
}
