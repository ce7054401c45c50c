/**
 * The TypeScript program the check reads: the given module files (and the
 * inputs-type file), compiled with the project's tsconfig.json when there is
 * one, so imports such as 'hamilton-ts' resolve as they do for the compiler.
 */
import path from 'node:path';
import ts from 'typescript';
import type { SourceLocation } from './model.js';
import { hostWithPackageStub } from './package-stub.js';

/** Options when no tsconfig.json is found: what a hamilton-ts project uses. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
};

/**
 * A compiled program and how to name places in it.
 *
 * @example
 * const p = createCheckProgram(['/repo/features.ts'], '/repo');
 * p.checker.getTypeAtLocation(someNode);
 */
export interface CheckProgram {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** The tsconfig.json used, if any. */
  readonly configFile: string | undefined;
  /** Where a syntax node starts, with the file relative to `cwd`. */
  location(node: ts.Node): SourceLocation;
}

/**
 * Compiles `files` (absolute paths) as the nearest tsconfig.json above the
 * first file says (only these files are roots: their imports are loaded as
 * needed, the rest of the project is not).
 *
 * @example
 * const p = createCheckProgram([path.resolve('features.ts')], process.cwd());
 */
export function createCheckProgram(files: readonly string[], cwd: string): CheckProgram {
  const configFile = files.length ? ts.findConfigFile(path.dirname(files[0]!), ts.sys.fileExists) : undefined;
  // `types: []`: ambient packages listed in tsconfig (test frameworks, mostly) are not loaded. Node signatures
  // use what their files import; loading them all made a cold check about twice as slow. A global type that no
  // import brings in is then unresolved, which the checker treats as assignable: that edge goes unchecked.
  const options = { ...(configFile ? readOptions(configFile) : DEFAULT_OPTIONS), noEmit: true, types: [] };
  const program = ts.createProgram({ rootNames: [...files], options, host: hostWithPackageStub(options) });
  const checker = program.getTypeChecker();
  return {
    program,
    checker,
    configFile,
    location(node) {
      const sf = node.getSourceFile();
      const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      return { file: path.relative(cwd, sf.fileName) || sf.fileName, line: line + 1, column: character + 1 };
    },
  };
}

function readOptions(configFile: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  // An unreadable tsconfig.json should not stop the check: the defaults are what a project would use.
  return parsed?.options ?? DEFAULT_OPTIONS;
}
