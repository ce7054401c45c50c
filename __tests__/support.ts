// Helpers shared by the test suites.
import pino from 'pino';

/** A logger that drops everything, for tests that do not read logs. */
export const silent = pino({ level: 'silent' });

/** Runs `fn` and returns what it threw; fails the test when it throws nothing. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}
