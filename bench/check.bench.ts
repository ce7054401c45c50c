/**
 * What catching mistakes before running costs: `hamilton-ts check` on the
 * 4,000-node benchmark module (bench/core/shapes.ts), in a fresh process as
 * on the command line and again in a warm process, and the run-time input
 * checks (Builder.withInputChecks) against the same execution without them.
 * One JSON record per case; see bench/README.md.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { Builder, planExecution, type InputKinds } from 'hamilton-ts';
import { checkFiles } from '../lib/check/check.js';
import { checkInputKinds } from '../lib/core/run/input-kinds.js';
import type { FreshCheck } from './check/fresh-check.js';
import { graphSource, graphSpec, importClass, ModuleCopies, transpileCached, type GraphSpec } from './core/shapes.js';
import { caseRunner, compareInterleaved, measure, median, round, type BenchRecord } from './harness.js';

type Report = (record: BenchRecord) => void;

const execFileAsync = promisify(execFile);
const SIZE = 4_000;
const DIR = new URL('../.bench-tmp/check/', import.meta.url);

/**
 * Runs the check cases.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: Report): Promise<void> {
  const attempt = caseRunner('check', report);
  const spec = graphSpec('wide', SIZE);
  const files = writeModule(spec);
  await attempt(`check wide ${SIZE} fresh process`, () => freshCase(files));
  await attempt(`check wide ${SIZE} warm process`, async () => warmCase(files));
  await attempt(`typed execute wide ${SIZE}`, () => typesCase(files));
  await attempt(`input checks wide ${SIZE}`, () => inputChecksCase(spec));
}

interface ModuleFiles {
  readonly cwd: string;
  readonly module: string;
  readonly inputsType: string;
}

/** The module as a user's .ts file, and an inputs type declaring its ten inputs. */
function writeModule(spec: GraphSpec): ModuleFiles {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(new URL(`wide-${spec.size}.ts`, DIR), graphSource(spec));
  const props = Object.keys(spec.inputs).map((k) => `  ${k}: number;`).join('\n');
  writeFileSync(new URL('inputs.ts', DIR), `export interface Inputs {\n${props}\n}\n`);
  return { cwd: fileURLToPath(DIR), module: `wide-${spec.size}.ts`, inputsType: 'inputs.ts#Inputs' };
}

/** The check as the command line runs it: a new process each time (3 runs). */
async function freshCase(files: ModuleFiles): Promise<BenchRecord> {
  const script = fileURLToPath(new URL('./check/fresh-check.ts', import.meta.url));
  const runs: FreshCheck[] = [];
  for (let k = 0; k < 3; k++) {
    const { stdout } = await execFileAsync(process.execPath, [...process.execArgv, script, files.cwd, files.module, files.inputsType], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      maxBuffer: 1 << 20,
    });
    runs.push(JSON.parse(stdout.trim().split('\n').pop()!) as FreshCheck);
  }
  assertClean(runs[0]!.errors, runs[0]!.nodes);
  const of = (key: keyof FreshCheck) => round(median(runs.map((r) => r[key])));
  const ms = median(runs.map((r) => r.totalMs));
  return { medianMs: round(ms), loadMedianMs: of('loadMs'), programMedianMs: of('programMs'), checkMedianMs: of('checkMs'), target: '<2 s', targetMet: ms < 2000, runs: runs.length };
}

/** The check again in a process that already ran it (the compiler's code is compiled by V8): what a watch mode would pay. */
async function warmCase(files: ModuleFiles): Promise<BenchRecord> {
  let last = checkFiles({ files: [files.module], cwd: files.cwd, inputsType: files.inputsType });
  const program: number[] = [];
  const check: number[] = [];
  const ms = await measure(() => {
    last = checkFiles({ files: [files.module], cwd: files.cwd, inputsType: files.inputsType });
    program.push(last.summary.programMs);
    check.push(last.summary.checkMs);
  }, { runs: 5, warmup: 1 });
  assertClean(last.errors.length, last.summary.nodes);
  const total = median(ms);
  return {
    medianMs: round(total),
    programMedianMs: round(median(program)),
    checkMedianMs: round(median(check)),
    usPerNode: round((median(check) * 1000) / SIZE),
    target: '<1 s',
    targetMet: total < 1000,
    runs: ms.length,
  };
}

/**
 * What the typed results cost the compiler: type-checking a file that builds
 * a driver from the 4,000-method class and executes ten literal names, against
 * the same file with the class typed loosely (names unchecked). Each run is a
 * new program (its creation untimed) checking that one file, as an editor
 * re-checks the file being edited.
 */
async function typesCase(files: ModuleFiles): Promise<BenchRecord> {
  const names = Array.from({ length: 10 }, (_, k) => `'n${k * 397}'`).join(', ');
  const consumer = (typed: boolean) =>
    [
      `import { Builder } from 'hamilton-ts';`,
      `import { Wide${SIZE} } from './wide-${SIZE}.js';`,
      `const dr = new Builder().withModules(Wide${SIZE}${typed ? '' : ' as new () => object'}).build();`,
      `export const total = async () => { const r = await dr.execute([${names}], { inputs: { x0: 1, x1: 2 } }); return r.n0; };`,
      '',
    ].join('\n');
  const typedFile = path.join(files.cwd, 'typed-consumer.ts');
  const looseFile = path.join(files.cwd, 'loose-consumer.ts');
  writeFileSync(typedFile, consumer(true));
  writeFileSync(looseFile, consumer(false));
  const config = ts.getParsedCommandLineOfConfigFile(fileURLToPath(new URL('../tsconfig.json', import.meta.url)), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const options = { ...config!.options, noEmit: true };
  const side = (file: string) => {
    let program: ts.Program | undefined;
    return {
      setup: () => { program = ts.createProgram({ rootNames: [file], options }); },
      run: () => {
        const diagnostics = program!.getSemanticDiagnostics(program!.getSourceFile(file));
        if (diagnostics.length) throw new Error(`${path.basename(file)}: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, ' ')}`);
      },
    };
  };
  const { a, b } = await compareInterleaved(side(typedFile), side(looseFile), { runs: 11, warmup: 2 });
  const typed = median(a);
  const loose = median(b);
  return { typedMedianMs: round(typed), looseMedianMs: round(loose), typedExtraMs: round(median(a.map((x, i) => x - b[i]!))), target: '<1 s extra', targetMet: typed - loose < 1000, runs: a.length };
}

/**
 * The input checks' cost: the check itself on the real graph and plan (timed
 * over many calls, as it takes well under a microsecond), against execute and
 * the plan step without checks; and the two drivers' executions interleaved
 * as a whole, whose difference is within the noise of one execution.
 */
async function inputChecksCase(spec: GraphSpec): Promise<BenchRecord> {
  const copies = new ModuleCopies();
  try {
    const cls = await importClass(copies.write(transpileCached(graphSource(spec)), spec.className), spec.className);
    const kinds: InputKinds = Object.fromEntries(Object.keys(spec.inputs).map((k) => [k, 'number']));
    const plain = new Builder().withModules(cls).build();
    const checked = new Builder().withModules(cls).withInputChecks(kinds).build();
    const { inPlan } = planExecution(plain.graph, spec.outputs, { inputs: spec.inputs });
    const calls = 10_000;
    const checkMs = await measure(() => {
      for (let k = 0; k < calls; k++) checkInputKinds(plain.graph, spec.inputs, kinds, inPlan);
    }, { runs: 10, warmup: 3 });
    const planMs = await measure(() => plain.validateExecution(spec.outputs, { inputs: spec.inputs }), { runs: 200, warmup: 20 });
    const { a, b } = await compareInterleaved(
      () => checked.execute(spec.outputs, { inputs: spec.inputs }),
      () => plain.execute(spec.outputs, { inputs: spec.inputs }),
      { runs: 30, warmup: 10 },
    );
    const checkUs = (median(checkMs) * 1000) / calls;
    const executeMs = median(b);
    return {
      checkUs: round(checkUs),
      inputs: Object.keys(kinds).length,
      planMedianMs: round(median(planMs)),
      executeMedianMs: round(executeMs),
      checkedExecuteMedianMs: round(median(a)),
      shareOfExecute: round(checkUs / 1000 / executeMs, 3),
      target: '<1% of execute',
      targetMet: checkUs / 1000 < executeMs * 0.01,
      runs: b.length,
    };
  } finally {
    copies.dispose();
  }
}

/** Guards the figures: the generated module is clean, so a check that finds errors measured something else. */
function assertClean(errors: number, nodes: number): void {
  if (errors !== 0 || nodes !== SIZE) throw new Error(`the check found ${errors} errors and ${nodes} nodes; expected 0 and ${SIZE}.`);
}
