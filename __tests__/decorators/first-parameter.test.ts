// The dependency a node's first parameter reads, for @pipeInput and @withColumns.
import { describe, expect, it } from '@jest/globals';
import type { Binding, NodeSpec } from '../../lib/core/node.js';
import { firstParameterDependency } from '../../lib/decorators/first-parameter.js';

const deps = (...names: string[]) => names.map((name) => ({ name, optional: false }));
const methodNode = (dependencies: NodeSpec['dependencies'], bind?: readonly Binding[]): NodeSpec => ({
  name: 'cleaned',
  role: 'function',
  code: bind ? { kind: 'method', module: 0, method: 'cleaned', static: false, bind } : { kind: 'method', module: 0, method: 'cleaned', static: false },
  dependencies,
  tags: {},
});

describe('firstParameterDependency', () => {
  it('is the first dependency when the code binds nothing', () => {
    expect(firstParameterDependency(methodNode(deps('raw', 'factor')))).toEqual({ name: 'raw' });
  });

  it('follows the bindings an earlier modifier made', () => {
    expect(firstParameterDependency(methodNode(deps('factor', 'rawUs'), [{ dep: 1 }, { dep: 0 }]))).toEqual({ name: 'rawUs' });
  });

  it("is 'bound' when a value fills the first parameter, 'none' when there is no parameter", () => {
    expect(firstParameterDependency(methodNode(deps('factor'), [{ value: [1, 2] }, { dep: 0 }]))).toBe('bound');
    expect(firstParameterDependency(methodNode([]))).toBe('none');
    expect(firstParameterDependency(methodNode([], []))).toBe('none');
  });
});
