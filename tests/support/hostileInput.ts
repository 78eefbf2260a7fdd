/**
 * Hostile and broken inputs a real project meets sooner or later (a mistaken copy, a symlink,
 * a corrupt image, a pasted link), as files to drop into a copy of the project. Each names the
 * file its diagnostic must name and the rule it must carry.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export type FileSpec = string | Buffer | { symlink: string };

export interface HostileCase {
  name: string;
  /** Project-relative files to write (a symlink target is absolute or relative to the link). */
  files: Record<string, FileSpec>;
  /** The file the diagnostic names, and its rule. */
  file: string;
  rule: string;
  /** A line the diagnostic must point at, where the problem has one. */
  line?: number;
}

/** A valid leaflet with the given body; `frontMatter` lines replace the defaults by key. */
export function leaflet(id: string, body: string, frontMatter: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id,
    title: `Leaflet ${id}`,
    summary: 'A leaflet made by the tests.',
    version: '"1.0"',
    published: '2026-01-15',
    reviewDue: '2027-01-15',
    audience: 'People reading the tests',
    ...frontMatter,
  };
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\nsources:\n  - title: A source\n    url: https://example.org/source\n---\n## About this\n\n${body}\n`;
}

/** A small valid PNG made with pngjs. */
export function pngImage(width = 8, height = 8): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  return PNG.sync.write(png);
}

const ALIAS_BOMB = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n');

const LINKS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'launch:calc.exe',
  '\\\\evil\\share\\x.exe',
  'smb://evil/share',
];

/** Leaflet-level cases: each breaks one leaflet only, so every other PDF must stay as it was. */
export function leafletCases(): HostileCase[] {
  const md = (id: string) => `content/en-GB/${id}.md`;
  const cases: HostileCase[] = [
    { name: 'YAML alias bomb in front matter', files: { [md('alias-bomb')]: leaflet('alias-bomb', 'Text.').replace('---\n', `---\n${ALIAS_BOMB}\n`) }, file: md('alias-bomb'), rule: 'yaml-aliases' },
    { name: 'YAML nested 10,000 deep', files: { [md('deep-yaml')]: leaflet('deep-yaml', 'Text.').replace('---\n', `---\ndeep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`) }, file: md('deep-yaml'), rule: 'nesting-limit', line: 2 },
    { name: '5,000 nested block quotes', files: { [md('deep-quotes')]: leaflet('deep-quotes', `${'>'.repeat(5000)} deep`) }, file: md('deep-quotes'), rule: 'nesting-limit', line: 15 },
    { name: '5,000 nested brackets', files: { [md('deep-brackets')]: leaflet('deep-brackets', `${'['.repeat(5000)}x${']'.repeat(5000)}`) }, file: md('deep-brackets'), rule: 'nesting-limit', line: 15 },
    { name: '5,000 nested list markers on one line', files: { [md('deep-list-markers')]: leaflet('deep-list-markers', `${'- '.repeat(5000)}x`) }, file: md('deep-list-markers'), rule: 'nesting-limit', line: 15 },
    { name: 'thousands of emphasis marks', files: { [md('emphasis')]: leaflet('emphasis', `${'*a '.repeat(4000)}${' a*'.repeat(4000)}`) }, file: md('emphasis'), rule: 'markup-limit', line: 15 },
    { name: 'template blocks nested 5,000 deep', files: { [md('deep-template')]: leaflet('deep-template', `${'{{#if leaflet.id}}'.repeat(5000)}x${'{{/if}}'.repeat(5000)}`) }, file: md('deep-template'), rule: 'nesting-limit', line: 15 },
    { name: 'a 40-level nested list', files: { [md('deep-list')]: leaflet('deep-list', Array.from({ length: 40 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n')) }, file: md('deep-list'), rule: 'nesting-limit' },
    { name: 'a 120-column table', files: { [md('wide-table')]: leaflet('wide-table', `|${' h |'.repeat(120)}\n|${' - |'.repeat(120)}\n|${' c |'.repeat(120)}`) }, file: md('wide-table'), rule: 'table-limit', line: 15 },
    { name: 'a 5,000-character word', files: { [md('long-word')]: leaflet('long-word', `A ${'w'.repeat(5000)} word.`) }, file: md('long-word'), rule: 'word-limit', line: 15 },
    { name: '3,000 paragraphs', files: { [md('many-paragraphs')]: leaflet('many-paragraphs', Array.from({ length: 3000 }, (_, n) => `Paragraph ${n + 1} says a little about living well with alopecia, in plain words.`).join('\n\n')) }, file: md('many-paragraphs'), rule: 'page-limit' },
    { name: 'an empty-text link', files: { [md('empty-link')]: leaflet('empty-link', 'See [](https://example.org).') }, file: md('empty-link'), rule: 'empty-link', line: 15 },
    { name: 'a date that does not exist (2026-02-30)', files: { [md('bad-published')]: leaflet('bad-published', 'Text.', { published: '2026-02-30' }) }, file: md('bad-published'), rule: 'front-matter', line: 6 },
    { name: 'a date that does not exist (2027-13-45)', files: { [md('bad-review')]: leaflet('bad-review', 'Text.', { reviewDue: '2027-13-45' }) }, file: md('bad-review'), rule: 'front-matter', line: 7 },
    { name: 'invalid UTF-8', files: { [md('latin1')]: Buffer.concat([Buffer.from(leaflet('latin1', 'Caf')), Buffer.from([0xe9, 0x0a])]) }, file: md('latin1'), rule: 'invalid-utf8', line: 16 },
    { name: 'a Markdown file over the size limit (50 MB)', files: { [md('huge')]: leaflet('huge', 'word '.repeat(10 * 1024 * 1024)) }, file: md('huge'), rule: 'file-too-large' },
    { name: 'a leaflet that is a symlink to /etc/passwd', files: { [md('passwd')]: { symlink: '/etc/passwd' } }, file: md('passwd'), rule: 'outside-project' },
    { name: 'an image that is a symlink to a file outside the project', files: { [md('image-outside')]: leaflet('image-outside', '![A picture](pic-outside.png)'), 'content/en-GB/pic-outside.png': { symlink: '/etc/passwd' } }, file: md('image-outside'), rule: 'outside-project', line: 15 },
    { name: 'a .png that is not an image', files: { [md('not-image')]: leaflet('not-image', '![A picture](not-image.png)'), 'content/en-GB/not-image.png': 'root:x:0:0:root:/root:/bin/bash\n' }, file: md('not-image'), rule: 'bad-image', line: 15 },
    { name: 'a truncated PNG', files: { [md('truncated')]: leaflet('truncated', '![A picture](truncated.png)'), 'content/en-GB/truncated.png': pngImage(64, 64).subarray(0, 60) }, file: md('truncated'), rule: 'bad-image', line: 15 },
    { name: 'a partial that is a symlink to /etc/passwd', files: { [md('uses-passwd')]: leaflet('uses-passwd', '{{> passwd}}'), 'templates/partials/passwd.hbs': { symlink: '/etc/passwd' } }, file: 'templates/partials/passwd.hbs', rule: 'outside-project' },
    { name: 'a translation key that names a group of strings', files: { [md('group-key')]: leaflet('group-key', '{{t "cover"}}') }, file: md('group-key'), rule: 'unknown-key', line: 15 },
  ];
  LINKS.forEach((url, index) => {
    const id = `link-${index + 1}`;
    cases.push({ name: `a link to ${url.slice(0, 24)}`, files: { [md(id)]: leaflet(id, `Read [this page](<${url}>) first.`) }, file: md(id), rule: 'link-scheme', line: 15 });
  });
  return cases;
}

/** Writes a case's files into a project (symlinks as symlinks). */
export function writeCase(root: string, files: Record<string, FileSpec>): void {
  for (const [file, spec] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof spec === 'object' && 'symlink' in spec) symlinkSync(spec.symlink, target);
    else writeFileSync(target, spec);
  }
}

/** Signs of an uncaught exception in command output. */
export const STACK_TRACE = /\n\s+at .+[:(]\d+|node:internal|RangeError|TypeError|ReferenceError|Maximum call stack/;
