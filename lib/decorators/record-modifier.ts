import { addRecord } from '../core/record/metadata.js';
import type { NodeModifier } from '../core/resolve/modifiers.js';
import { RecordKind, type ModifierRecordPayload } from '../core/record/records.js';
import { assertStandardDecorator } from './standard-decorator.js';

/** The TC39 method decorator signature every hamilton-ts decorator returns. */
export type MethodDecorator = (value: Function, context: ClassMethodDecoratorContext) => void;

/**
 * Builds a method decorator that records one modifier and changes nothing else.
 * Used by every function modifier so that none of them touches metadata itself.
 *
 * @example
 * export const myTag = (v: string) => modifierDecorator('@myTag', { stage: 'decorate', decorate: (n) => n });
 */
export function modifierDecorator(decorator: string, modifier: NodeModifier): MethodDecorator {
  return function recordModifier(_value: Function, context: ClassMethodDecoratorContext): void {
    assertStandardDecorator(decorator, arguments);
    const payload: ModifierRecordPayload = { decorator, modifier };
    addRecord(context.metadata, { kind: RecordKind.modifier, method: String(context.name), isStatic: context.static, payload });
  };
}
