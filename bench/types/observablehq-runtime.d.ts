/**
 * The few parts of @observablehq/runtime (v6, which ships no typings) that the
 * core benchmark uses to compare against.
 */
declare module '@observablehq/runtime' {
  /** Receives a variable's state changes; `fulfilled` once per computed value. */
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }

  export interface Variable {
    define(name: string, inputs: readonly string[], definition: (...args: never[]) => unknown): Variable;
    delete(): void;
  }

  export interface Module {
    /** A variable with an observer: observed variables (and what they read) are computed. */
    variable(observer?: Observer): Variable;
    define(name: string, inputs: readonly string[], definition: (...args: never[]) => unknown): Variable;
    redefine(name: string, inputs: readonly string[], definition: (...args: never[]) => unknown): Variable;
    value(name: string): Promise<unknown>;
  }

  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
}
