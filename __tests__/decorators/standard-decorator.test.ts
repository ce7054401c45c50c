// A project compiled with experimentalDecorators calls decorators as (target, propertyKey, descriptor): each
// hamilton-ts decorator says so, names the method, and says what to change in tsconfig.json.
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { DecoratorError, checkOutput, checkOutputCustom, node, tag, tagOutputs } from '../../lib/index.js';
import { assertStandardDecorator } from '../../lib/decorators/standard-decorator.js';

class Marketing {
  spend(weeks: number[]) {
    return weeks;
  }
  static region() {
    return 'us';
  }
}

const descriptor = Object.getOwnPropertyDescriptor(Marketing.prototype, 'spend')!;
const legacyCall = (decorator: unknown) => () => (decorator as (...a: unknown[]) => unknown)(Marketing.prototype, 'spend', descriptor);

describe('a legacy decorator call', () => {
  it.each([
    ['@node', node()],
    ['@tag', tag({ owner: 'ds' })],
    ['@tagOutputs', tagOutputs({ spend: { owner: 'ds' } })],
    ['@checkOutput', checkOutput({ range: [0, 1] })],
    ['@checkOutputCustom', checkOutputCustom({ name: 'v', importance: 'warn', validate: () => ({ passed: true, message: '' }) })],
  ])('is a DecoratorError from %s naming Class.method and the tsconfig fix', (name, decorator) => {
    expect(legacyCall(decorator)).toThrow(DecoratorError);
    expect(legacyCall(decorator)).toThrow(
      `${name} on Marketing.spend was called as a legacy decorator (target, propertyKey, descriptor): ` +
        'the project is compiled with "experimentalDecorators": true.',
    );
    expect(legacyCall(decorator)).toThrow(/remove "experimentalDecorators" and "emitDecoratorMetadata" from compilerOptions in tsconfig\.json/);
  });

  it('names a static method by its class', () => {
    const staticDescriptor = Object.getOwnPropertyDescriptor(Marketing, 'region')!;
    expect(() => (node() as (...a: unknown[]) => unknown)(Marketing, 'region', staticDescriptor)).toThrow(/@node on Marketing\.region was called/);
  });

  it("is what TypeScript's experimentalDecorators output does, when the class is evaluated", () => {
    const source = 'class Sales { @node() total(spend) { return spend; } }';
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators: true },
    });
    expect(outputText).toContain('__decorate');
    expect(() => new Function('node', outputText)(node)).toThrow(/@node on Sales\.total was called as a legacy decorator/);
  });

  it('a standard call passes, and standard output still works', () => {
    expect(() => assertStandardDecorator('@node', [() => 1, { kind: 'method', name: 'x' }])).not.toThrow();
    const { outputText } = ts.transpileModule('class Sales { @node() total(spend) { return spend; } }; return Sales;', {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    });
    expect(() => new Function('node', outputText)(node)).not.toThrow();
  });
});
