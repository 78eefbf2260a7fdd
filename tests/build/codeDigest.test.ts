import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest } from '../../src/build/cache/fingerprint.ts';

/** A source tree with one code file and a README beside it; each call is a new tree (the digest is remembered per folder). */
function tree(code: string, notes: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'leaflets-code-digest-'));
  mkdirSync(path.join(root, 'render'));
  writeFileSync(path.join(root, 'render/draw.ts'), code);
  writeFileSync(path.join(root, 'render/README.md'), notes);
  return root;
}

describe('codeDigest (part of every cached PDF key)', () => {
  it('changes with the code', () => {
    expect(codeDigest(['render'], tree('export const a = 1;', 'notes'))).not.toBe(codeDigest(['render'], tree('export const a = 2;', 'notes')));
  });

  it('does not change with the notes beside the code, so editing a README keeps the cache', () => {
    expect(codeDigest(['render'], tree('export const a = 1;', 'notes'))).toBe(codeDigest(['render'], tree('export const a = 1;', 'other notes')));
  });
});
