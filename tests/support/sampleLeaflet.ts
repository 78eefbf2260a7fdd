import path from 'node:path';
import type { CompiledLeaflet } from '../../src/compile/leaflet.ts';
import type { Block, Inline } from '../../src/compile/model.ts';
import { loadBrand, type LoadedBrand } from '../../src/load/brand.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export async function projectBrand(): Promise<LoadedBrand> {
  const { brand, diagnostics } = await loadBrand(PROJECT_ROOT);
  if (!brand) throw new Error(`brand did not load: ${JSON.stringify(diagnostics)}`);
  return brand;
}

const text = (value: string): Inline => ({ type: 'text', value });
export const paragraph = (key: string, value: string): Block => ({ type: 'paragraph', key, children: [text(value)] });

const LONG = 'JAK inhibitors are medicines that can help hair grow back for some people. '.repeat(8);

/** A leaflet model with every block kind, long enough to span several pages. */
export function sampleBlocks(): Block[] {
  return [
    { type: 'heading', depth: 2, key: 'b1', children: [text('What are they?')] },
    paragraph('b2', LONG),
    {
      type: 'paragraph',
      key: 'b3',
      children: [
        text('Read the leaflet on the '),
        { type: 'link', url: 'https://www.medicines.org.uk/emc', children: [text('EMC website for patient information leaflets and more')] },
        text(' before you go.'),
        { type: 'break' },
        { type: 'strong', children: [text('This part is bold.')] },
      ],
    },
    {
      type: 'list',
      key: 'b4',
      ordered: false,
      start: 1,
      items: [
        { key: 'b5', children: [paragraph('b6', 'First item')] },
        {
          key: 'b7',
          children: [
            paragraph('b8', 'Second item'),
            { type: 'list', key: 'b9', ordered: true, start: 1, items: [{ key: 'b10', children: [paragraph('b11', 'Nested item')] }] },
          ],
        },
      ],
    },
    { type: 'callout', key: 'b12', children: [paragraph('b13', 'JAK inhibitors are not a cure.')] },
    { type: 'heading', depth: 3, key: 'b14', children: [text('The medicines')] },
    {
      type: 'table',
      key: 'b15',
      headerKey: 'b16',
      rowKeys: ['b17'],
      align: [null, null],
      header: [
        { key: 'c1', children: [text('Medicine')] },
        { key: 'c2', children: [text('How it is taken')] },
      ],
      rows: [
        [
          { key: 'c3', children: [text('Litfulo')] },
          { key: 'c4', children: [text('One capsule a day')] },
        ],
      ],
    },
    paragraph('b18', LONG),
    paragraph('b19', LONG),
    paragraph('b20', LONG),
  ];
}

const STRINGS: Record<string, string> = {
  strapline: 'Information and support for people with alopecia',
  'cover.audienceLabel': 'Who this leaflet is for',
  'cover.draftTranslation': 'Draft translation',
  'cover.staleTranslation': 'Out-of-date translation',
  'cover.language': 'Language: {{language}}',
  'page.ofTotal': 'Page {{page}} of {{total}}',
  'meta.version': 'Version {{version}}',
  'meta.published': 'Published {{date}}',
  'meta.reviewDue': 'Review due {{date}}',
  'back.sourcesHeading': 'Sources',
  'back.aboutHeading': 'About this leaflet',
  'back.contactHeading': 'Contact us',
  'back.onlineHeading': 'Read this leaflet online',
  'back.qrAlt': 'QR code: opens {{url}}',
  'back.disclaimer': 'This leaflet does not replace advice from your own doctor or nurse.',
  'contact.website': 'Website',
  'edition.booklet': 'Booklet for printing',
  'edition.printShop': 'Print shop (with bleed)',
};

/** A compiled leaflet built by hand, for render tests that should not depend on content files. */
export function sampleLeaflet(overrides: Partial<CompiledLeaflet> = {}): CompiledLeaflet {
  return {
    id: 'sample',
    locale: 'en-GB',
    sourceFile: 'content/en-GB/sample.md',
    frontMatter: {
      id: 'sample',
      title: 'Sample leaflet & <friends>',
      summary: 'A sample used by tests.',
      layout: 'standard',
      version: '1.0',
      published: '2026-11-26',
      reviewDue: '2027-11-26',
      audience: 'Test readers',
      keywords: ['alopecia'],
      sources: [{ key: 'nice-ta958', title: 'NICE TA958', url: 'https://www.nice.org.uk/guidance/ta958', lang: 'en-GB' }],
      clinical: false,
    },
    body: { blocks: sampleBlocks() },
    sources: [{ number: 1, key: 'nice-ta958', title: 'NICE TA958', url: 'https://www.nice.org.uk/guidance/ta958', lang: 'en-GB', targetId: 'source-1', citations: 0 }],
    governance: {
      author: 'Written by Alopecia UK.',
      clinicalReview: 'Awaiting clinical review: a doctor or nurse has not yet checked this leaflet.',
      awaitingClinicalReview: true,
      feedback: { text: 'Tell us what you think of this leaflet:', url: 'https://www.alopecia.org.uk' },
      alsoAvailable: { standardPrint: 'Also available in: large print.', largePrint: 'Also available in: standard print.' },
      status: [{ text: 'Version 1.0 · Published 2026-11-26 · Review due 2027-11-26' }],
    },
    translationState: 'source',
    t: (key, options = {}) => (STRINGS[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? '')),
    formatDate: (iso) => iso,
    languageName: 'English',
    ...overrides,
  };
}
