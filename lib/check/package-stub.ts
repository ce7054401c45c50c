/**
 * The check reads hamilton-ts's decorators by name and needs none of the
 * package's types, so imports of 'hamilton-ts' resolve to a small stub instead
 * of the package's declarations (and what they import: pino, ajv, arquero,
 * Node's types). That is more than half of a cold check's compile time.
 * Types imported from 'hamilton-ts' into a node's signature are unresolved,
 * which the checker treats as assignable: such an edge goes unchecked.
 */
import ts from 'typescript';
import { KNOWN_MODIFIERS } from './modifiers.js';

const PACKAGE = 'hamilton-ts';

/** Where the stub "is": a path no real file has. */
const STUB_FILE = '/__hamilton-ts-check__/hamilton-ts.d.ts';

/** Every decorator name, declared loosely: only the names matter to the check. */
const STUB_TEXT = [...new Set(['node', ...Object.keys(KNOWN_MODIFIERS).map((k) => k.split('.')[0]!)])]
  .map((name) => `export declare const ${name}: any;`)
  .join('\n');

/**
 * A compiler host for `options` whose module resolution sends 'hamilton-ts' to the stub.
 *
 * @example
 * ts.createProgram({ rootNames, options, host: hostWithPackageStub(options) });
 */
export function hostWithPackageStub(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, options);
  const stub = ts.createSourceFile(STUB_FILE, STUB_TEXT, ts.ScriptTarget.Latest, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, ...rest) => (file === STUB_FILE ? stub : getSourceFile(file, ...rest));
  host.fileExists = (file) => file === STUB_FILE || fileExists(file);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) =>
    literals.map((literal) =>
      literal.text === PACKAGE
        ? { resolvedModule: { resolvedFileName: STUB_FILE, extension: ts.Extension.Dts, isExternalLibraryImport: false } }
        : ts.resolveModuleName(literal.text, containingFile, opts, host, cache, redirected, ts.getModeForUsageLocation(containingSourceFile, literal, opts)),
    );
  return host;
}
