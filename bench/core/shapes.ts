/**
 * The benchmark graphs, as a user would write them: TypeScript source for one
 * class with N `@node()` methods, in a "wide" or a "chain" shape. The source is
 * transpiled once (standard decorators, ES2022) and cached; each timed import
 * loads a fresh copy of the JavaScript so the module cache cannot answer it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// TypeScript (~10 MB of JavaScript) is loaded only when something must be
// transpiled, so the fresh processes that only import generated code stay lean.
const require = createRequire(import.meta.url);

/** "wide": ~10 external inputs, each node reads 2 of them. "chain": node i reads node i-1. */
export type Shape = 'wide' | 'chain';

/** Number of external inputs of the wide shape. */
const WIDE_INPUTS = 10;

/** The generated modules' one import, exactly as TypeScript emits it. */
const NODE_IMPORT = `import { node } from 'hamilton-ts';`;

/** What the benchmarks need to know about a generated graph. */
export interface GraphSpec {
  readonly shape: Shape;
  readonly size: number;
  /** The generated class's name, e.g. `Wide4000`. */
  readonly className: string;
  /** Node names, in an order where every node comes after its dependencies. */
  readonly names: readonly string[];
  /** deps[i]: names node i reads, in parameter order. */
  readonly deps: readonly (readonly string[])[];
  /** The external inputs and a value for each. */
  readonly inputs: Readonly<Record<string, number>>;
  /** The nodes nothing reads: requesting them runs every node. */
  readonly outputs: readonly string[];
}

/**
 * Describes a wide or chain graph of `size` nodes.
 *
 * @example
 * graphSpec('chain', 4000).outputs; // ['n3999']
 */
export function graphSpec(shape: Shape, size: number): GraphSpec {
  const names = Array.from({ length: size }, (_, i) => `n${i}`);
  const deps = names.map((_, i) => {
    if (shape === 'chain') return [i === 0 ? 'x0' : `n${i - 1}`];
    const a = i % WIDE_INPUTS;
    // A second input different from the first, varying with i.
    const b = (a + 1 + (Math.floor(i / WIDE_INPUTS) % (WIDE_INPUTS - 1))) % WIDE_INPUTS;
    return [`x${a}`, `x${b}`];
  });
  const inputCount = shape === 'chain' ? 1 : WIDE_INPUTS;
  const inputs = Object.fromEntries(Array.from({ length: inputCount }, (_, k) => [`x${k}`, k + 1]));
  const outputs = shape === 'chain' ? [names[size - 1]!] : names;
  const className = `${shape === 'wide' ? 'Wide' : 'Chain'}${size}`;
  return { shape, size, className, names, deps, inputs, outputs };
}

/**
 * The TypeScript source of the spec's class: one small arithmetic `@node()` method per node.
 *
 * @example
 * graphSource(graphSpec('wide', 2)); // "import { node } from 'hamilton-ts'; export class Wide2 { ... }"
 */
export function graphSource(spec: GraphSpec): string {
  const lines = [NODE_IMPORT, '', `export class ${spec.className} {`];
  spec.names.forEach((name, i) => {
    const params = spec.deps[i]!;
    const signature = params.map((p) => `${p}: number`).join(', ');
    const body = params.length === 2
      ? `return ${params[0]} * ${(i % 4) + 1} + ${params[1]} - ${i % 7};`
      : `return ${params[0]} * 0.5 + ${i % 7};`;
    lines.push('  @node()', `  ${name}(${signature}): number {`, `    ${body}`, '  }', '');
  });
  lines.push('}', '');
  return lines.join('\n');
}

/**
 * The same JavaScript with `node` replaced by a decorator that does nothing:
 * importing it costs what the compiler's decorator emit costs by itself (parsing
 * and compiling it, and calling the emitted decoration code), so the difference
 * to the real import is hamilton-ts's own share. Works on TypeScript's and
 * esbuild's output (they quote the import differently).
 *
 * @example
 * const floor = withNoopDecorator(transpileCached(graphSource(spec)));
 */
export function withNoopDecorator(js: string): string {
  const emitted = /import \{ node \} from (['"])hamilton-ts\1;/;
  if (!emitted.test(js)) throw new Error('Generated module does not import node from hamilton-ts.');
  return js.replace(emitted, 'const node = () => () => {};');
}

/**
 * The same TypeScript source with every decorator removed: a plain class with
 * the same methods, which is what V8 costs by itself (the floor of any import).
 *
 * @example
 * const plainJs = emitCached(withoutDecorators(graphSource(spec)), 'esbuild');
 */
export function withoutDecorators(source: string): string {
  if (!source.startsWith(NODE_IMPORT)) throw new Error('Generated source does not start with its import of node.');
  return source.slice(NODE_IMPORT.length).replace(/^ {2}@node\(\)\n/gm, '');
}

/** The installed TypeScript's version, read without loading the compiler. */
function typescriptVersion(): string {
  return packageVersion('typescript');
}

/** An installed package's version, read from its package.json. */
function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** Where generated files go (gitignored). */
const TMP = new URL('../../.bench-tmp/', import.meta.url);

/** Which compiler turns the generated TypeScript into JavaScript. */
export type Emit = 'typescript' | 'esbuild';

/**
 * Transpiles TypeScript to JavaScript as the project compiles it (ES2022,
 * standard decorators), caching the result by the source's hash: a 100,000-method
 * class takes TypeScript tens of seconds.
 *
 * @example
 * const js = transpileCached(graphSource(graphSpec('wide', 100)));
 */
export function transpileCached(source: string): string {
  return emitCached(source, 'typescript');
}

/**
 * Compiles TypeScript to JavaScript with TypeScript (`transpileModule`, as the
 * project's build does) or with esbuild (as the command line loads users' files,
 * through tsx), standard decorators, ES2022; cached by compiler, version and source.
 *
 * @example
 * const js = emitCached(graphSource(graphSpec('wide', 4000)), 'esbuild');
 */
export function emitCached(source: string, emit: Emit): string {
  const version = emit === 'typescript' ? typescriptVersion() : `esbuild ${packageVersion('esbuild')}`;
  const hash = createHash('sha256').update(version).update(source).digest('hex').slice(0, 16);
  const cacheDir = new URL('cache/', TMP);
  const cached = new URL(`${hash}.js`, cacheDir);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const js = emit === 'typescript' ? typescriptEmit(source) : esbuildEmit(source);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, js);
  return js;
}

function typescriptEmit(source: string): string {
  const ts = require('typescript') as typeof import('typescript');
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, experimentalDecorators: false },
  }).outputText;
}

function esbuildEmit(source: string): string {
  const esbuild = require('esbuild') as typeof import('esbuild');
  return esbuild.transformSync(source, {
    loader: 'ts',
    target: 'es2022',
    format: 'esm',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: false } },
  }).code;
}

/**
 * Fresh copies of generated modules, one file per import so each import really
 * loads and evaluates the code. `dispose()` deletes the copies.
 *
 * @example
 * const copies = new ModuleCopies();
 * const url = copies.write(js, 'wide-4000');
 * const { Wide4000 } = await import(url);
 */
export class ModuleCopies {
  private readonly dir = new URL(`run-${process.pid}/`, TMP);
  private count = 0;

  constructor() {
    mkdirSync(this.dir, { recursive: true });
  }

  /** Writes a new copy and returns its file URL, ready for `import()`. */
  write(js: string, label: string): string {
    const file = new URL(`${label}-${this.count++}.js`, this.dir);
    writeFileSync(file, js);
    return file.href;
  }

  /** Deletes every copy written (modules already imported stay loaded). */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Imports a generated module and returns its class.
 *
 * @example
 * const Cls = await importClass(url, 'Wide4000');
 */
export async function importClass(url: string, className: string): Promise<new () => object> {
  const module = (await import(url)) as Record<string, new () => object>;
  const cls = module[className];
  if (typeof cls !== 'function') throw new Error(`${url} does not export class ${className}.`);
  return cls;
}
