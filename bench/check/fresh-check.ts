/**
 * One `hamilton-ts check` in a process of its own, as a user (or an editor on
 * save) runs it: loading the compiler and the engine, compiling the program,
 * reading and checking the dataflow. Prints one JSON line.
 *
 *   node <loader flags> bench/check/fresh-check.ts <cwd> <module.ts> <inputs.ts#Inputs>
 */

/** What the child prints. */
export interface FreshCheck {
  readonly totalMs: number;
  /** Importing the engine, which loads the TypeScript compiler. */
  readonly loadMs: number;
  readonly programMs: number;
  readonly checkMs: number;
  readonly errors: number;
  readonly nodes: number;
}

async function main(): Promise<void> {
  const [cwd, file, inputsType] = process.argv.slice(2);
  if (!cwd || !file || !inputsType) throw new Error('usage: fresh-check.ts <cwd> <module.ts> <inputs.ts#Inputs>');
  const t0 = performance.now();
  const { checkFiles } = await import('../../lib/check/check.js');
  const t1 = performance.now();
  const report = checkFiles({ files: [file], cwd, inputsType });
  const t2 = performance.now();
  const result: FreshCheck = {
    totalMs: t2 - t0,
    loadMs: t1 - t0,
    programMs: report.summary.programMs,
    checkMs: report.summary.checkMs,
    errors: report.errors.length,
    nodes: report.summary.nodes,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
