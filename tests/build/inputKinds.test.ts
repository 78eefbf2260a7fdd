import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, defaultCacheDir } from '../../src/build/buildProject.ts';
import { BuildRecord } from '../../src/build/cache/buildRecord.ts';
import { environmentFingerprint } from '../../src/build/cache/fingerprint.ts';
import { DependencyGraph } from '../../src/build/graph.ts';
import { ProjectStore } from '../../src/build/store/projectStore.ts';
import { copyOfProject } from '../support/projectCopy.ts';
import { removeProject } from '../watch/watchHelpers.ts';

const ALL = ['cy/choosing-not-to-treat', 'cy/support', 'en-GB/choosing-not-to-treat', 'en-GB/support'];

/** A small PNG of one colour. */
function png(colour: string): Buffer {
  const canvas = createCanvas(8, 8);
  const context = canvas.getContext('2d');
  context.fillStyle = colour;
  context.fillRect(0, 0, 8, 8);
  return canvas.toBuffer('image/png');
}

/**
 * Each kind of input rebuilds exactly the outputs that read it, in `build` (what it renders)
 * and in the dependency graph watch mode asks (which units are stale after the change).
 */
describe('what each kind of input rebuilds', () => {
  let root: string;
  let outDir: string;
  const file = (relative: string) => path.join(root, relative);
  const edit = (relative: string, change: (text: string) => string) => writeFileSync(file(relative), change(readFileSync(file(relative), 'utf8')));

  /** Units the graph (from the last build's record) says are stale now. */
  async function staleUnits(): Promise<string[]> {
    const record = await BuildRecord.open(defaultCacheDir(root), outDir, environmentFingerprint());
    const graph = new DependencyGraph();
    for (const unit of ALL) graph.set(unit, record.unit(unit)!.reads);
    const store = new ProjectStore(root);
    return [...graph.staleUnits((key) => store.digestOf(key))].sort();
  }

  /** Units whose outputs a build renders now. */
  async function rendered(): Promise<string[]> {
    const report = await buildProject({ root, outDir, editions: ['a5'], strict: false, jobs: 1, writeSite: false, measureReadingEase: false });
    expect(report.outputs.filter((o) => o.status === 'failed')).toEqual([]);
    return [...new Set(report.outputs.filter((o) => o.via === 'render').map((o) => `${o.locale}/${o.leafletId}`))].sort();
  }

  async function expectRebuilds(expected: string[]): Promise<void> {
    expect(await staleUnits()).toEqual(expected);
    expect(await rendered()).toEqual(expected);
  }

  beforeAll(async () => {
    root = copyOfProject(['support', 'choosing-not-to-treat'], 'leaflets-inputs-');
    outDir = path.join(root, 'output');
    // Images in two places: a folder at the project root, and beside a translation's Markdown.
    mkdirSync(file('images'));
    writeFileSync(file('images/diagram.png'), png('#336699'));
    edit('content/en-GB/support.md', (text) => `${text}\n![A simple diagram](/images/diagram.png)\n`);
    mkdirSync(file('content/cy/figures'));
    writeFileSync(file('content/cy/figures/chart.png'), png('#993366'));
    edit('content/cy/choosing-not-to-treat.md', (text) => `${text}\n![Siart syml](figures/chart.png)\n`);
    // A nested partial: support-options includes another partial.
    writeFileSync(file('templates/partials/inner-note.hbs'), 'Ask us anything.\n');
    edit('templates/partials/support-options.hbs', (text) => `${text}\n{{> inner-note}}\n`);
    // A font file inside the project, so the test can change it.
    const require = createRequire(import.meta.url);
    const fontPackage = path.dirname(require.resolve('@expo-google-fonts/atkinson-hyperlegible-next/package.json'));
    mkdirSync(file('templates/fonts'));
    copyFileSync(path.join(fontPackage, '400Regular/AtkinsonHyperlegibleNext_400Regular.ttf'), file('templates/fonts/body.ttf'));
    edit('templates/brand.yaml', (text) => text.replace(/regular: npm:@expo-google-fonts\/atkinson-hyperlegible-next\/400Regular\/[^\n]+/, 'regular: fonts/body.ttf'));
    expect(await rendered()).toEqual(ALL);
  }, 600_000);

  afterAll(() => removeProject(root));

  it('nothing changed: nothing', async () => {
    await expectRebuilds([]);
  });

  it('a translation\'s Markdown: that translation, and the same leaflet in the other languages (their back pages list it)', async () => {
    edit('content/cy/support.md', (text) => text.replace(/\n$/, '\nDiolch.\n'));
    await expectRebuilds(['cy/support', 'en-GB/support']);
  });

  it('an English Markdown file: that leaflet and its translations (their staleness notice)', async () => {
    edit('content/en-GB/support.md', (text) => text.replace(/\n$/, '\nThank you.\n'));
    await expectRebuilds(['cy/support', 'en-GB/support']);
  });

  it('a locale\'s strings: that locale\'s leaflets', async () => {
    edit('locales/cy/common.json', (text) => text.replace(/"strapline": "[^"]*"/, '"strapline": "Gwybodaeth a chymorth"'));
    await expectRebuilds(['cy/choosing-not-to-treat', 'cy/support']);
  });

  it('English strings (every locale\'s fallback): everything', async () => {
    edit('locales/en-GB/common.json', (text) => text.replace(/"strapline": "[^"]*"/, '"strapline": "Information and support"'));
    await expectRebuilds(ALL);
  });

  it('a partial: the leaflets that use it, in every locale', async () => {
    edit('templates/partials/support-options.hbs', (text) => `${text}\n`);
    await expectRebuilds(['cy/choosing-not-to-treat', 'en-GB/choosing-not-to-treat']);
  });

  it('a nested partial: the leaflets that use the partial that includes it', async () => {
    writeFileSync(file('templates/partials/inner-note.hbs'), 'Ask us anything at all.\n');
    await expectRebuilds(['cy/choosing-not-to-treat', 'en-GB/choosing-not-to-treat']);
  });

  it('an image in a folder at the project root: the leaflet that shows it', async () => {
    writeFileSync(file('images/diagram.png'), png('#669933'));
    await expectRebuilds(['en-GB/support']);
  });

  it('an image beside a translation: that translation', async () => {
    writeFileSync(file('content/cy/figures/chart.png'), png('#339966'));
    await expectRebuilds(['cy/choosing-not-to-treat']);
  });

  it('the brand file: everything', async () => {
    edit('templates/brand.yaml', (text) => text.replace('muted: "#6b6b6b"', 'muted: "#666666"'));
    await expectRebuilds(ALL);
  });

  it('the logo: everything', async () => {
    writeFileSync(file('templates/assets/logo.png'), png('#5b2a86'));
    await expectRebuilds(ALL);
  });

  it('a font file: everything', async () => {
    appendFileSync(file('templates/fonts/body.ttf'), Buffer.alloc(16));
    await expectRebuilds(ALL);
  });

  it('a file no stage reads: nothing', async () => {
    writeFileSync(file('notes.txt'), 'not an input\n');
    writeFileSync(file('templates/partials/unused.hbs'), 'Never included.\n');
    await expectRebuilds([]);
  });
});
