/**
 * Module files to modules: imports each file the user names (TypeScript or
 * JavaScript) and picks the exported classes that have `@node` methods, and the
 * exported instances of such classes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordsOf } from '../core/record/metadata.js';
import { RecordKind } from '../core/record/records.js';
import type { Module } from '../core/resolve/resolve.js';
import { UsageError, ModuleLoadError } from './errors.js';
import { cliMessages } from './messages.js';
import { moduleImporter } from './module-hooks.js';

/**
 * The modules of the given files (paths relative to `cwd`), file by file, each
 * file's exports in name order. A class exported together with an instance of it
 * counts once, as the instance; a module reached from two files counts once.
 *
 * @example
 * const modules = await loadModules(['features.ts'], process.cwd());
 * const dr = new Builder().withModules(...modules).build();
 */
export async function loadModules(files: readonly string[], cwd: string): Promise<Module[]> {
  const modules: Module[] = [];
  const seen = new Set<Module>();
  for (const file of files) {
    for (const m of await modulesOfFile(file, cwd)) {
      if (!seen.has(m)) modules.push(m);
      seen.add(m);
    }
  }
  return modules;
}

async function modulesOfFile(file: string, cwd: string): Promise<Module[]> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new UsageError(cliMessages.moduleNotFound(file, path));
  let namespace: Record<string, unknown>;
  try {
    namespace = await moduleImporter()(pathToFileURL(path).href);
  } catch (e) {
    throw loadError(file, path, cwd, e);
  }
  const values = Object.values(namespace);
  const classes = values.filter((v): v is Function => typeof v === 'function' && hasNodeMethods(v));
  const instances = values.filter((v): v is object => v !== null && typeof v === 'object' && hasNodeMethods(v.constructor));
  const instantiated = new Set(instances.map((i) => i.constructor));
  const modules = [...classes.filter((c) => !instantiated.has(c)), ...instances];
  if (modules.length === 0) throw new ModuleLoadError(cliMessages.moduleHasNoNodes(file, Object.keys(namespace)), file);
  return modules;
}

/** True when the class or one of its parents has a `@node` method. */
function hasNodeMethods(cls: unknown): boolean {
  if (typeof cls !== 'function') return false;
  return recordsOf(cls).some((level) => level.records.some((r) => r.kind === RecordKind.node));
}

/** Extensions Node runs as they are: the loader compiles no decorators in them. */
const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);

/** esbuild's diagnostics: `/abs/file.ts:3:16: ERROR: Expected "}" but found "1"`. */
const COMPILE_ERROR = /^(.+?):(\d+):(\d+): ERROR: (.*)$/;

/**
 * Names the file and line: esbuild's diagnostics for TypeScript that does not
 * compile; for JavaScript that Node could not parse (its SyntaxError has no
 * position), acorn's; else the first stack frame in the file.
 */
function loadError(file: string, path: string, cwd: string, e: unknown): ModuleLoadError {
  const message = e instanceof Error ? e.message : '';
  const diagnostics = message.split('\n').flatMap((line) => {
    const m = COMPILE_ERROR.exec(line);
    return m ? [`${shownPath(cwd, m[1]!)}:${m[2]}:${m[3]}: ${m[4]}`] : [];
  });
  const where = frameIn(e, path, cwd);
  if (!diagnostics.length && !where && e instanceof SyntaxError) diagnostics.push(...parseErrorOf(path, cwd));
  // The diagnostics say it all: the transformer's own stack would only be noise.
  if (diagnostics.length) return new ModuleLoadError(cliMessages.moduleDoesNotCompile(file, diagnostics, JAVASCRIPT.has(extname(path))), file);
  return new ModuleLoadError(cliMessages.moduleThrew(file, e, where), file, { cause: e });
}

/** `file.js:6:3: Unexpected character '@'`, as acorn reports the first syntax error; [] when acorn parses it. */
function parseErrorOf(path: string, cwd: string): string[] {
  try {
    parse(readFileSync(path, 'utf8'), { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
    return [];
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    if (!loc || !(e instanceof SyntaxError)) return [];
    return [`${shownPath(cwd, path)}:${loc.line}:${loc.column + 1}: ${e.message.replace(/ \(\d+:\d+\)$/, '')}`];
  }
}

/** `file.ts:12:7` of the first stack frame inside `path` (tsx adds a query to the URL), if any. */
function frameIn(e: unknown, path: string, cwd: string): string | undefined {
  const stack = e instanceof Error ? (e.stack ?? '') : '';
  const url = pathToFileURL(path).href;
  for (const line of stack.split('\n')) {
    for (const prefix of [url, path]) {
      const at = line.indexOf(prefix);
      if (at < 0) continue;
      const m = /^(?:\?[^:\s)]*)?:(\d+):(\d+)/.exec(line.slice(at + prefix.length));
      if (m) return `${shownPath(cwd, path)}:${m[1]}:${m[2]}`;
    }
  }
  return undefined;
}

/** A path relative to `cwd` when it lies inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
