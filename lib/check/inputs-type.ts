/**
 * Reads `--inputs-type file.ts#Inputs`: the properties of an interface or
 * type alias are the declared inputs, each with its type.
 */
import ts from 'typescript';
import type { DeclaredInput } from './edges.js';
import { checkMessages } from './messages.js';
import type { CheckProgram } from './program.js';

/**
 * The declared inputs, or the message saying why they cannot be read.
 *
 * @example
 * const r = readInputsType(program, '/repo/inputs.ts', 'Inputs');
 * if (r.ok) r.inputs.get('spend');
 */
export function readInputsType(
  p: CheckProgram,
  file: string,
  name: string,
): { ok: true; inputs: Map<string, DeclaredInput> } | { ok: false; message: string } {
  const sf = p.program.getSourceFile(file);
  if (!sf) return { ok: false, message: checkMessages.inputsTypeFile(file) };
  const decl = sf.statements.find(
    (s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name,
  );
  if (!decl) return { ok: false, message: checkMessages.inputsTypeName(p.location(sf).file, name) };
  const type = p.checker.getTypeAtLocation(decl.name);
  const inputs = new Map<string, DeclaredInput>();
  for (const prop of p.checker.getPropertiesOfType(type)) {
    const at = prop.declarations?.[0] ?? decl;
    inputs.set(prop.name, { type: p.checker.getTypeOfSymbolAtLocation(prop, at), at: p.location(at) });
  }
  return { ok: true, inputs };
}
