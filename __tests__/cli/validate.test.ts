// hamilton-ts validate: the checks of run, running nothing.
import { describe, expect, it, jest } from '@jest/globals';
import { cli, FIXTURES, json } from './cli.js';

// Each test starts child processes; a loaded 2-core machine can take seconds for each.
jest.setTimeout(30_000);

const FEATURES = `${FIXTURES}/features.ts`;

describe('hamilton-ts validate', () => {
  it('exits 0 and names the inputs used when the outputs can be computed', async () => {
    const [text, doc] = await Promise.all([
      cli(['validate', FEATURES, '--outputs', 'spendZeroMean', '--inputs', `${FIXTURES}/inputs.json`]),
      cli(['validate', FEATURES, '--outputs', 'spendZeroMean,label', '--config', 'region=eu', '--inputs', `${FIXTURES}/inputs.json`, '--json']),
    ]);
    expect(text).toEqual({ code: 0, stdout: 'OK: `spendZeroMean` can be computed from the inputs `spend`.\n', stderr: '' });
    expect(json(doc)).toEqual({ ok: true, command: 'validate', outputs: ['spendZeroMean', 'label'], inputs: ['spend'] });
  });

  it('exits 1 with the MissingInputsError, running no node', async () => {
    // `failing` throws when it runs: validation must not run it.
    const [missing, notRun] = await Promise.all([
      cli(['validate', FEATURES, '--outputs', 'label', '--json']),
      cli(['validate', `${FIXTURES}/same-library.ts`, '--outputs', 'failing']),
    ]);
    expect(missing.code).toBe(1);
    expect(json(missing)).toMatchObject({ ok: false, exitCode: 1, error: { name: 'MissingInputsError', missing: { region: ['label'] } } });
    expect(missing.stderr).toContain('MissingInputsError: An input is missing');
    expect(notRun).toEqual({ code: 0, stdout: 'OK: `failing` can be computed, needing no inputs.\n', stderr: '' });
  });
});
