/**
 * Where a decorated class was defined: the file URL of the module whose
 * evaluation ran the decorator. Read once per class from the call stack, so that
 * a class passed to `withModules(Marketing)` can be found again by URL and name
 * in a worker thread or another process, without the user writing paths.
 */
import { pathToFileURL } from 'node:url';

// This package's own source folder (lib/ or dist/): frames inside it are ours, not the user's.
const OWN_ROOT = new URL('../../', import.meta.url).href;

type CallSiteLike = { getFileName(): string | null | undefined };

/**
 * The file URL of the first caller outside hamilton-ts (and outside helper
 * libraries such as tslib), or undefined when the stack does not tell.
 *
 * @example
 * const url = callerModuleUrl(); // 'file:///home/me/features.ts'
 */
export function callerModuleUrl(): string | undefined {
  const original = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  let sites: CallSiteLike[] = [];
  try {
    Error.stackTraceLimit = 30;
    Error.prepareStackTrace = (_e, s) => s;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, callerModuleUrl);
    sites = (holder.stack as CallSiteLike[] | undefined) ?? [];
  } finally {
    Error.prepareStackTrace = original;
    Error.stackTraceLimit = limit;
  }
  for (const site of sites) {
    const file = site.getFileName?.();
    if (!file || file.startsWith('node:') || file.includes('/node_modules/tslib/')) continue;
    const url = file.startsWith('file:') ? file : file.startsWith('/') ? pathToFileURL(file).href : undefined;
    if (!url || url.startsWith(OWN_ROOT)) continue;
    return url;
  }
  return undefined;
}
