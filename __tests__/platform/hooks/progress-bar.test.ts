// ProgressBar: draws done-of-total and the running node on a terminal, nothing elsewhere, and stops after every run.
import { describe, expect, it } from '@jest/globals';
import { Builder, collect, InvalidInputsError, node, parallelizable, ProgressBar, type ProgressStream } from '../../../lib/index.js';
import { silent } from '../../support.js';

/** A stream that records what is written; a terminal when `isTTY`. */
class FakeStream implements ProgressStream {
  readonly chunks: string[] = [];
  constructor(readonly isTTY: boolean, readonly columns = 120) {}
  write(chunk: string): boolean {
    this.chunks.push(String(chunk));
    return true;
  }
  /** What a reader sees: escape sequences removed. */
  get text(): string {
    // eslint-disable-next-line no-control-regex
    return this.chunks.join('').replace(/\u001b(\[[0-9;?]*[A-Za-z]|[78])/g, '');
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Three {
  @node() a(): number { return 1; }
  @node() b(a: number): number { return a + 1; }
  @node() c(a: number, b: number): number { return a + b; }
}

const run = (stream: FakeStream, module: object = Three, outputs = ['c'], force = false) =>
  new Builder().withModules(module as never).withAdapters(new ProgressBar({ stream, force })).withLogger(silent).build().execute(outputs);

describe('ProgressBar on a terminal', () => {
  it('draws the bar from 0 to the run’s node count, then stops it with a new line', async () => {
    const stream = new FakeStream(true);
    await expect(run(stream)).resolves.toEqual({ c: 3 });
    const text = stream.text;
    expect(text).toContain('0% | 0/3 nodes');
    expect(text).toContain('100% | 3/3 nodes | done');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('counts only the nodes the run computes (overridden nodes are not counted)', async () => {
    const stream = new FakeStream(true);
    await new Builder().withModules(Three).withAdapters(new ProgressBar({ stream })).withLogger(silent).build().execute(['c'], { overrides: { b: 5 } });
    expect(stream.text).toContain('2/2 nodes | done');
  });

  it('shows the node that is running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    class Slow {
      @node() first(): number { return 1; }
      @node() async loading(first: number): Promise<number> { await gate; return first; }
    }
    const stream = new FakeStream(true);
    const done = run(stream, Slow, ['loading']);
    await wait(350); // the bar redraws ten times a second
    expect(stream.text).toMatch(/1\/2 nodes \| loading/);
    release();
    await done;
    expect(stream.text).toContain('2/2 nodes | done');
  });

  it('counts a fan-out’s nodes once, not once per item', async () => {
    class Fan {
      @parallelizable() @node() items(): number[] { return [1, 2, 3, 4, 5]; }
      @node() doubled(items: number): number { return items * 2; }
      @node() plusOne(doubled: number): number { return doubled + 1; }
      @collect('plusOne') @node() all(plusOne: number[]): number[] { return plusOne; }
    }
    const stream = new FakeStream(true);
    await expect(run(stream, Fan, ['all'])).resolves.toEqual({ all: [3, 5, 7, 9, 11] });
    expect(stream.text).toContain('0/4 nodes');
    expect(stream.text).toContain('4/4 nodes | done');
    expect(stream.text).not.toMatch(/[5-9]\/4 nodes/);
  });

  it('stops the bar when the run fails, counting the nodes that succeeded, and draws nothing afterwards', async () => {
    class Failing {
      @node() fine(): number { return 1; }
      @node() broken(fine: number): number { throw new Error(`no ${fine}`); }
    }
    const stream = new FakeStream(true);
    await expect(run(stream, Failing, ['broken'])).rejects.toThrow('no 1');
    expect(stream.text).toMatch(/1\/2 nodes \| failed\n$/);
    const written = stream.chunks.length;
    await wait(250);
    expect(stream.chunks.length).toBe(written);
  });
});

describe('ProgressBar elsewhere', () => {
  it('draws nothing when the stream is not a terminal', async () => {
    const stream = new FakeStream(false);
    await expect(run(stream)).resolves.toEqual({ c: 3 });
    expect(stream.chunks).toEqual([]);
  });

  it('draws plain lines on a non-terminal stream with force', async () => {
    const stream = new FakeStream(false);
    await run(stream, Three, ['c'], true);
    expect(stream.chunks.join('')).toContain('3/3 nodes | done\n');
    expect(stream.chunks.join('')).not.toContain('\u001b[');
  });

  it('rejects a stream that cannot be written to, and unknown options', () => {
    expect(() => new ProgressBar({ stream: {} as never })).toThrow(InvalidInputsError);
    expect(() => new ProgressBar({ stream: {} as never })).toThrow('ProgressBar: stream must be a writable stream');
    expect(() => new ProgressBar({ tty: true } as never)).toThrow('ProgressBar: unknown option `tty`. The options are `stream`, `force`.');
  });
});
