// The README's links and pictures that point into the repository point at files that exist.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:|^#/.test(t));

describe('README links', () => {
  it('finds the sample’s DAG picture among the repository links', () => {
    expect(targets).toContain('docs/feature-engineering-dag.svg');
    expect(readFileSync(`${root}docs/feature-engineering-dag.svg`, 'utf8')).toContain('<svg');
  });

  it('points only at files that exist', () => {
    expect(targets.filter((t) => !existsSync(`${root}${t.split('#')[0]}`))).toEqual([]);
  });
});
