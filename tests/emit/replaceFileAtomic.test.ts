import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceFileAtomic } from '../../src/emit/atomicWrite.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('replaceFileAtomic (a background re-fit writing a PDF)', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
  const folder = () => (dir = mkdtempSync(path.join(tmpdir(), 'leaflets-replace-')));

  it('replaces the version of the file it was started against', async () => {
    const file = path.join(folder(), 'support.pdf');
    writeFileSync(file, 'save 1, fast render');
    expect(await replaceFileAtomic(file, Buffer.from('save 1, re-fitted'), { replacing: sha256('save 1, fast render'), flushToDisk: false })).toBe('written');
    expect(readFileSync(file, 'utf8')).toBe('save 1, re-fitted');
  });

  it('leaves a later version alone, and leaves no temporary file', async () => {
    const file = path.join(folder(), 'support.pdf');
    // The re-fit of save 1 started when save 1's fast render was in place; save 2's landed since.
    writeFileSync(file, 'save 2, fast render');
    expect(await replaceFileAtomic(file, Buffer.from('save 1, re-fitted'), { replacing: sha256('save 1, fast render'), flushToDisk: false })).toBe('superseded');
    expect(readFileSync(file, 'utf8')).toBe('save 2, fast render');
    expect(readdirSync(dir!)).toEqual(['support.pdf']);
  });

  it('says unchanged when the bytes are already there, and writes nothing when the file is gone', async () => {
    const file = path.join(folder(), 'support.pdf');
    writeFileSync(file, 'same');
    expect(await replaceFileAtomic(file, Buffer.from('same'), { replacing: sha256('other'), flushToDisk: false })).toBe('unchanged');
    rmSync(file);
    expect(await replaceFileAtomic(file, Buffer.from('new'), { replacing: sha256('same'), flushToDisk: false })).toBe('superseded');
    expect(readdirSync(dir!)).toEqual([]);
  });
});
