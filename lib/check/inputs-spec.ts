/**
 * The `--inputs-type file.ts#Name` argument (kept free of the compiler, so the
 * command can read it before loading TypeScript).
 */

/**
 * `file.ts#Name` split; the name defaults to `Inputs`.
 *
 * @example
 * const spec: InputsTypeSpec = { file: 'inputs.ts', name: 'Inputs' };
 */
export interface InputsTypeSpec {
  readonly file: string;
  readonly name: string;
}

/**
 * Splits `file.ts#Name` (no `#`: the type is `Inputs`).
 *
 * @example
 * parseInputsTypeSpec('inputs.ts#Inputs'); // { file: 'inputs.ts', name: 'Inputs' }
 */
export function parseInputsTypeSpec(spec: string): InputsTypeSpec {
  const hash = spec.lastIndexOf('#');
  return hash < 0 ? { file: spec, name: 'Inputs' } : { file: spec.slice(0, hash), name: spec.slice(hash + 1) || 'Inputs' };
}
