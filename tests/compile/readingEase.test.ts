import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { readingEase } from '../../src/compile/readingEase.ts';

const EASY =
  'The cat sat on the mat. It was a warm day. The sun was out. We went for a walk in the park.';
const HARD =
  'Pharmacokinetic characteristics of immunomodulatory therapeutics necessitate comprehensive ' +
  'haematological surveillance, particularly considering thromboembolic complications associated ' +
  'with concomitant administration of cytochrome-metabolised pharmaceuticals.';

describe('readingEase', () => {
  it('scores short plain sentences as easy and long technical ones as hard', () => {
    const easy = readingEase(EASY);
    const hard = readingEase(HARD);
    expect(easy.fleschReadingEase).toBeGreaterThan(90);
    expect(hard.fleschReadingEase).toBeLessThan(0);
    expect(easy.sentences).toBe(4);
    expect(easy.words).toBe(23);
    expect(hard.sentences).toBe(1);
  });

  it('reads the text of Markdown, not its syntax', () => {
    const plain = readingEase('Your hair may grow back. It may fall out again.');
    const marked = readingEase('## Your hair\n\n- **Your** hair may grow back.\n- It may fall out again.');
    expect(marked.words).toBe(plain.words + 2);
    // The heading and each list item are read as separate sentences.
    expect(marked.sentences).toBe(3);
  });

  it('leaves out Handlebars expressions and web addresses', () => {
    const withExtras = readingEase(
      '{{> support-options}}\n\nGo to the [EMC website](https://www.medicines.org.uk/emc) ' +
        '(medicines.org.uk/emc). Ask {{brand.charityName}} for help. See https://example.org/a/b too.',
    );
    expect(withExtras.words).toBe(
      readingEase('Go to the EMC website. Ask for help. See too.').words,
    );
    expect(withExtras.sentences).toBe(3);
  });

  it('gives zero for text with no words', () => {
    expect(readingEase('{{> contact}}\n\nhttps://www.alopecia.org.uk')).toEqual({
      fleschReadingEase: 0,
      words: 0,
      sentences: 0,
    });
  });
});

describe('English leaflets are plain English', () => {
  const contentDir = join(import.meta.dirname, '../../content/en-GB');
  const files = readdirSync(contentDir).filter((name) => name.endsWith('.md'));

  it('has leaflets to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s has a Flesch reading ease of at least 60', (file) => {
    const body = matter(readFileSync(join(contentDir, file), 'utf8')).content;
    const score = readingEase(body);
    expect(score.words).toBeGreaterThan(300);
    expect(score.fleschReadingEase).toBeGreaterThanOrEqual(60);
  });
});
