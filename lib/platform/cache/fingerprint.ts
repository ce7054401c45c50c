/**
 * Stable fingerprints of values: the same data gives the same sha256 in every
 * process and run, whatever the order an object's keys were written in.
 * Numbers, strings, booleans, bigints, null and undefined, arrays, typed arrays
 * (by their bytes), ArrayBuffers, Dates, RegExps, Maps and Sets (in their
 * order), plain objects (by sorted keys) and arquero tables (by their Arrow IPC
 * bytes) are fingerprinted. Functions, symbols, errors, class instances and
 * cyclic structures are not: a node reading one is not cached.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ColumnTable } from 'arquero';
import { className, kindOf, pathText } from '../values/kind.js';

/** A fingerprint, or why there is none. */
export type Fingerprint = { readonly ok: true; readonly digest: string } | { readonly ok: false; readonly reason: string };

const CHUNK = 4096;

/**
 * The fingerprint of a value (hex sha256).
 *
 * @example
 * fingerprint({ b: 1, a: [1, 2] }).digest === fingerprint({ a: [1, 2], b: 1 }).digest; // true
 */
export function fingerprint(value: unknown): Fingerprint {
  const hasher = new Fingerprinter();
  const reason = hasher.add(value);
  return reason === undefined ? { ok: true, digest: hasher.digest() } : { ok: false, reason };
}

/**
 * Feeds values into one sha256. `add` returns why a value cannot be
 * fingerprinted (and the hash is then meaningless), or undefined.
 *
 * @example
 * const f = new Fingerprinter(); f.text('x'); f.add(3); f.digest();
 */
export class Fingerprinter {
  private readonly hash: Hash = createHash('sha256');
  private readonly visiting = new Set<object>();
  private readonly path: (string | number)[] = [];
  private readonly numbers = new Float64Array(CHUNK);
  private readonly scalar = new DataView(new ArrayBuffer(8));

  /** Adds a string as it is (for labels and code text). */
  text(s: string): void {
    this.length(s.length);
    this.hash.update(s, 'utf8');
  }

  /** Adds a value; returns why it cannot be fingerprinted, or undefined. */
  add(v: unknown): string | undefined {
    const kind = kindOf(v);
    switch (kind) {
      case 'null':
        return this.tag('z');
      case 'undefined':
        return this.tag('u');
      case 'boolean':
        return this.tag(v ? 't' : 'f');
      case 'number':
        this.tag('n');
        this.scalar.setFloat64(0, Number.isNaN(v) ? NaN : (v as number));
        this.hash.update(new Uint8Array(this.scalar.buffer));
        return undefined;
      case 'bigint':
        this.tag('i');
        this.text((v as bigint).toString());
        return undefined;
      case 'string':
        this.tag('s');
        this.text(v as string);
        return undefined;
      case 'array':
        return this.array(v as unknown[]);
      case 'typed-array':
      case 'data-view': {
        const view = v as ArrayBufferView;
        this.tag(kind === 'data-view' ? 'V' : 'T');
        this.text(Object.prototype.toString.call(view));
        this.length(view.byteLength);
        this.hash.update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
        return undefined;
      }
      case 'array-buffer':
      case 'shared-array-buffer':
        this.tag('B');
        this.length((v as ArrayBuffer).byteLength);
        this.hash.update(new Uint8Array(v as ArrayBuffer));
        return undefined;
      case 'date':
        this.tag('d');
        this.text(String((v as Date).getTime()));
        return undefined;
      case 'regexp':
        this.tag('r');
        this.text((v as RegExp).source);
        this.text((v as RegExp).flags);
        return undefined;
      case 'map':
        return this.within(v as object, () => {
          this.tag('M');
          this.length((v as Map<unknown, unknown>).size);
          let k = 0;
          for (const [key, x] of v as Map<unknown, unknown>) {
            const r = this.at(k++, () => this.add(key) ?? this.add(x));
            if (r) return r;
          }
          return undefined;
        });
      case 'set':
        return this.within(v as object, () => {
          this.tag('S');
          this.length((v as Set<unknown>).size);
          let k = 0;
          for (const x of v as Set<unknown>) {
            const r = this.at(k++, () => this.add(x));
            if (r) return r;
          }
          return undefined;
        });
      case 'plain-object':
        return this.object(v as Record<string, unknown>);
      case 'table': {
        let ipc: Uint8Array;
        try {
          ipc = (v as ColumnTable).toArrowIPC({ format: 'stream' });
        } catch (e) {
          return `${pathText(this.path)} is an arquero table that cannot be written as Arrow (${e instanceof Error ? e.message : String(e)})`;
        }
        this.tag('A');
        this.length(ipc.byteLength);
        this.hash.update(ipc);
        return undefined;
      }
      case 'instance':
        return `${pathText(this.path)} is an instance of class ${className(v)}`;
      default:
        return `${pathText(this.path)} is ${kind === 'error' ? 'an error' : `a ${kind}`}`;
    }
  }

  /** The hex sha256 of everything added. */
  digest(): string {
    return this.hash.digest('hex');
  }

  private array(a: unknown[]): string | undefined {
    return this.within(a, () => {
      const n = a.length;
      let allNumbers = true;
      for (let i = 0; i < n; i++) if (typeof a[i] !== 'number') { allNumbers = false; break; }
      if (allNumbers) {
        // Numeric arrays are hashed in chunks of raw float64s: one update per 4096 numbers.
        this.tag('N');
        this.length(n);
        const buf = this.numbers;
        for (let i = 0; i < n; i += CHUNK) {
          const m = Math.min(CHUNK, n - i);
          for (let j = 0; j < m; j++) {
            const x = a[i + j] as number;
            buf[j] = x === x ? x : NaN;
          }
          this.hash.update(new Uint8Array(buf.buffer, 0, m * 8));
        }
        return undefined;
      }
      this.tag('a');
      this.length(n);
      for (let i = 0; i < n; i++) {
        const r = this.at(i, () => this.add(a[i]));
        if (r) return r;
      }
      return undefined;
    });
  }

  private object(o: Record<string, unknown>): string | undefined {
    return this.within(o, () => {
      const keys = Object.keys(o).sort();
      this.tag('o');
      this.length(keys.length);
      for (const key of keys) {
        this.text(key);
        const r = this.at(key, () => this.add(o[key]));
        if (r) return r;
      }
      return undefined;
    });
  }

  private within(o: object, body: () => string | undefined): string | undefined {
    if (this.visiting.has(o)) return `${pathText(this.path)} is part of a cycle`;
    this.visiting.add(o);
    try {
      return body();
    } finally {
      this.visiting.delete(o);
    }
  }

  private at(step: string | number, body: () => string | undefined): string | undefined {
    this.path.push(step);
    try {
      return body();
    } finally {
      this.path.pop();
    }
  }

  private tag(t: string): undefined {
    this.hash.update(t, 'latin1');
    return undefined;
  }

  private length(n: number): void {
    this.scalar.setFloat64(0, n);
    this.hash.update(new Uint8Array(this.scalar.buffer));
  }
}
