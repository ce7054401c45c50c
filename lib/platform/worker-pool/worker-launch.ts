/**
 * How pool workers start: which entry file, and with which Node flags.
 *
 * Workers get this process's module-loading flags (`--conditions`, `--loader`,
 * `--import`, `--require` ...), so a worker resolves files the way this process
 * does: `hamilton-ts` imported by a user module is the same file, and so the same
 * instance, as the worker entry's own import. Flags that Node refuses in workers
 * (`--expose-gc`, V8 options) are left out, and so is tsx's `--import tsx`: on
 * Node 20 it installs its ESM hooks on the main thread only, so the worker
 * registers tsx itself when it meets TypeScript modules (worker-entry.ts).
 *
 * When hamilton-ts itself runs from its TypeScript sources (this repository's
 * tests and samples), the entry is a .ts file: workers then also get
 * `--conditions=source` and, unless an ESM loader flag is there, a preload
 * that registers tsx before the entry is imported.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** What a pool worker is started with. */
export interface WorkerLaunch {
  /** File URL of the worker entry. */
  readonly filename: string;
  readonly execArgv: readonly string[];
}

/** Flags that choose how modules load, kept for workers; those marked take a separate value. */
const KEPT: Readonly<Record<string, boolean>> = {
  '--conditions': true,
  '-C': true,
  '--import': true,
  '--loader': true,
  '--experimental-loader': true,
  '--require': true,
  '-r': true,
  '--disable-warning': true,
  '--no-warnings': false,
  '--enable-source-maps': false,
  '--experimental-detect-module': false,
  '--experimental-require-module': false,
};

const ESM_LOADER_FLAG = /^(--loader|--experimental-loader)(=|$)/;
const TS_FILE = /\.[mc]?ts$/;
/** tsx's own entry points (`--import tsx`, `--require tsx/preflight`): no ESM hooks in workers on Node 20. */
const TSX_MAIN_THREAD = /(^tsx$|^tsx\/|\/node_modules\/tsx\/dist\/(loader\.mjs|preflight\.cjs)$)/;

/** Set by the preload, so the worker entry knows tsx is registered. */
export const TYPESCRIPT_READY = 'hamilton-ts.typescript-ready';

/**
 * The entry and flags of pool workers, given this process's flags and any extra ones.
 *
 * @example
 * const { filename, execArgv } = workerLaunch(process.execArgv, []);
 */
export function workerLaunch(processArgv: readonly string[], extra: readonly string[]): WorkerLaunch {
  const here = import.meta.url;
  const fromSource = TS_FILE.test(new URL(here).pathname);
  const filename = new URL(fromSource ? './worker-entry.ts' : './worker-entry.js', here).href;
  const execArgv = [...keptFlags(processArgv), ...extra];
  if (fromSource) {
    if (!execArgv.some((a, k) => a === '--conditions=source' || a === '-C=source' || ((a === '--conditions' || a === '-C') && execArgv[k + 1] === 'source'))) {
      execArgv.push('--conditions=source');
    }
    if (!hasEsmLoaderFlag(execArgv)) execArgv.push(`--import=${tsxPreload(here)}`);
  }
  return { filename, execArgv };
}

/**
 * True when the flags install ESM loader hooks that work in worker threads (`--loader ts-node/esm`).
 *
 * @example
 * hasEsmLoaderFlag(['--loader', 'ts-node/esm']); // true
 */
export function hasEsmLoaderFlag(argv: readonly string[]): boolean {
  return argv.some((a) => ESM_LOADER_FLAG.test(a));
}

/**
 * True once this thread can import TypeScript modules through an ESM loader
 * that hamilton-ts knows of: a `--loader` flag, or tsx registered by the preload.
 *
 * @example
 * if (!typeScriptReady()) (await import('tsx/esm/api')).register();
 */
export function typeScriptReady(): boolean {
  return hasEsmLoaderFlag(process.execArgv) || (globalThis as Record<symbol, unknown>)[Symbol.for(TYPESCRIPT_READY)] === true;
}

/** A data: module that registers tsx's ESM hooks (by absolute URL: a data: module cannot resolve package names). */
function tsxPreload(here: string): string {
  const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); globalThis[Symbol.for(${JSON.stringify(TYPESCRIPT_READY)})] = true;`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

/**
 * True when a module URL names a TypeScript file.
 *
 * @example
 * isTypeScriptUrl('file:///app/features.ts'); // true
 */
export function isTypeScriptUrl(url: string): boolean {
  try {
    return TS_FILE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function keptFlags(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const takesValue = KEPT[flag];
    if (takesValue === undefined) continue;
    const value = eq > 0 ? a.slice(eq + 1) : takesValue ? argv[k + 1] : undefined;
    if (takesValue && eq < 0) k++;
    if (value !== undefined && (flag === '--import' || flag === '--require' || flag === '-r') && TSX_MAIN_THREAD.test(value)) continue;
    kept.push(a);
    if (takesValue && eq < 0 && value !== undefined) kept.push(value);
  }
  return kept;
}
