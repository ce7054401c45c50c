/**
 * Every message `hamilton-ts check` prints: each names the node, its
 * `Class.method`, the culprit, and what to do.
 */
import { q } from '../core/message-format.js';
import type { SourceLocation } from './model.js';

const where = (l: SourceLocation): string => `${l.file}:${l.line}`;

// The finding's own node and `Class.method` head each printed line (`file:line Class.method: ...`),
// so messages name them by node name only and spell out the other party's origin.
export const checkMessages = {
  missingInput: (node: string, input: string, inputsDeclared: boolean) =>
    `Node ${q(node)} needs input ${q(input)}, which no node produces and ${inputsDeclared ? 'the inputs type does not declare' : 'no inputs type declares'}. ` +
    `Add a @node method named ${q(input)}, give the parameter a default, or declare ${q(input)} in the inputs type (--inputs-type file.ts#Inputs).`,
  typeMismatch: (node: string, input: string, expected: string, producer: string, producedAt: SourceLocation, actual: string) =>
    `Node ${q(node)} reads ${q(input)} as ${expected}, but ${producer} (${where(producedAt)}) returns ${actual}, which is not assignable to it. ` +
    `Make ${producer} return ${expected}, or change the parameter's type.`,
  inputTypeMismatch: (node: string, input: string, expected: string, declaredAt: SourceLocation, actual: string) =>
    `Node ${q(node)} reads ${q(input)} as ${expected}, but the inputs type declares it as ${actual} (${where(declaredAt)}), which is not assignable to it. ` +
    `Change the declaration or the parameter's type so that they agree.`,
  duplicate: (name: string, first: string, firstAt: SourceLocation) =>
    `Node ${q(name)} is defined twice: here and by ${first} (${where(firstAt)}). ` +
    `Rename one of them, or give one @node({ name }) another name (allowModuleOverrides() on the Builder makes the later module win instead).`,
  unknownOutput: (name: string, suggestions: readonly string[]) =>
    `Requested output ${q(name)} is not a node of the checked files${suggestions.length ? ` (did you mean ${suggestions.map(q).join(' or ')}?)` : ''}. ` +
    `Check the spelling, or also pass the file that defines it.`,
  unreadableNode: (what: 'name' | 'inputs' | 'options') =>
    `The @node ${what === 'options' ? 'options are' : `${q(what)} option is`} not written as a literal, so the check cannot read ${what === 'inputs' ? 'its inputs' : 'the node'}` +
    `${what === 'inputs' ? ' and does not check them' : ' and leaves it out'}. Write @node({ name: '...', inputs: ['...'] }) with literal values.`,
  unreadableParameter: (text: string) =>
    `Parameter ${q(text)} is not a plain name, so the check cannot tell which node it reads and does not check the method's inputs. ` +
    `Use plain named parameters, or name the inputs with @node({ inputs: [...] }).`,
  unreadableNames: (decorator: string) =>
    `The nodes @${decorator} makes are not named by literals, so the check does not know them. Write the names as literals.`,
  untrackedNames: (decorator: string) =>
    `@${decorator} makes nodes whose names the check cannot read from the source, so it leaves them out: ` +
    `nodes reading them may be reported as missing inputs. Declare such names in the inputs type to check the rest.`,
  unknownDecorator: (decorator: string) =>
    `@${decorator} is a decorator the check does not know: it assumes the decorator changes no node names or types. ` +
    `If it makes or renames nodes, declare their names in the inputs type.`,
  inputsTypeFile: (file: string) => `Cannot read ${file}. Give an existing .ts file, as file.ts#TypeName.`,
  inputsTypeName: (file: string, name: string) =>
    `${file} has no interface or type named ${q(name)}. Declare it (e.g. \`export interface ${name} { spend: Float64Array }\`), or fix the name after #.`,
};

export const checkUsageMessages = {
  noFiles: () => `hamilton-ts check needs at least one module file. Usage: hamilton-ts check <module files...> [--outputs a,b] [--inputs-type file.ts#Inputs] [--json]`,
  missingValue: (flag: string) => `${flag} needs a value, e.g. ${flag === '--outputs' ? '--outputs spendPerSignup,avgThreeWeekSpend' : flag === '--emit-kinds' ? '--emit-kinds input-kinds.json' : '--inputs-type inputs.ts#Inputs'}.`,
  unknownFlag: (flag: string) => `Unknown option ${flag}. Run hamilton-ts check --help for the options.`,
  notTypeScript: (file: string) => `Cannot check ${file}: only TypeScript files (.ts, .mts, .cts, .tsx) are read. Give the .ts source of the module.`,
  noSuchFile: (file: string) => `Cannot read ${file}: no such file. Give the path of a .ts module file (relative to the current directory).`,
  kindsWritten: (file: string, count: number) => `Wrote the kinds of ${count} input${count === 1 ? '' : 's'} to ${file}; pass them to Builder.withInputChecks.`,
};
