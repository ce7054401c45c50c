// The flag values every command reads the same way: --config, --tag, --outputs.
import { describe, expect, it } from '@jest/globals';
import { parseConfig, requiredOutputs, splitNames } from '../../lib/cli/arguments.js';
import { UsageError } from '../../lib/cli/errors.js';
import { parseTagFilter } from '../../lib/cli/tag-filter-args.js';
import { thrownBy } from '../support.js';

describe('--config key=value', () => {
  it('reads a value as JSON when it parses, else as the string', () => {
    expect(parseConfig(['region=us', 'weeks=3', 'debug=true', 'list=["a",2]', 'obj={"k":null}', 'empty=', 'quoted="3"'])).toEqual({
      region: 'us',
      weeks: 3,
      debug: true,
      list: ['a', 2],
      obj: { k: null },
      empty: '',
      quoted: '3',
    });
  });

  it('splits at the first =, and a repeated key takes the later value', () => {
    expect(parseConfig(['expr=a=b', 'n=1', 'n=2'])).toEqual({ expr: 'a=b', n: 2 });
  });

  it('rejects a pair without = or without a key', () => {
    for (const bad of ['region', '=us']) {
      const e = thrownBy(() => parseConfig([bad]));
      expect(e).toBeInstanceOf(UsageError);
      expect((e as Error).message).toContain(`--config ${JSON.stringify(bad)}: expected key=value`);
    }
  });
});

describe('--tag', () => {
  it('k=v matches a value, a repeated key any of its values, a bare key any node carrying it', () => {
    expect(parseTagFilter(['owner=ds'])).toEqual({ owner: 'ds' });
    expect(parseTagFilter(['owner=ds', 'owner=ml', 'kpi'])).toEqual({ owner: ['ds', 'ml'], kpi: null });
    expect(parseTagFilter(['kpi', 'kpi=true'])).toEqual({ kpi: null });
    expect(parseTagFilter(undefined)).toBeUndefined();
  });

  it('rejects an empty key', () => {
    expect(thrownBy(() => parseTagFilter(['=x']))).toBeInstanceOf(UsageError);
  });
});

describe('--outputs', () => {
  it('takes comma-separated names, repeatable, without blanks', () => {
    expect(splitNames('--outputs', ['a, b', 'c,,'])).toEqual(['a', 'b', 'c']);
    expect(splitNames('--outputs', undefined)).toBeUndefined();
    expect(thrownBy(() => splitNames('--outputs', [' , ']))).toBeInstanceOf(UsageError);
  });

  it('a command that needs them says so with its example when they are missing', () => {
    expect(requiredOutputs('run', ['a,b'], 'hamilton-ts run f.ts --outputs a')).toEqual(['a', 'b']);
    const missing = thrownBy(() => requiredOutputs('run', undefined, 'hamilton-ts run f.ts --outputs a'));
    expect(missing).toBeInstanceOf(UsageError);
    expect((missing as Error).message).toBe('hamilton-ts run: --outputs is required, e.g. `hamilton-ts run f.ts --outputs a`. Run `hamilton-ts run --help` for its flags.');
  });
});
