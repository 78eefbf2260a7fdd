import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, sourceOf, type ProjectSnapshot } from '../../src/build/project.ts';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import { buildGovernance, type GovernanceInput } from '../../src/compile/governance.ts';
import { makeTranslate } from '../../src/load/locales.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

describe('governance strings', () => {
  let project: ProjectSnapshot;
  beforeAll(async () => {
    project = await loadProject(PROJECT_ROOT);
  });
  const compile = (locale: string, id: string) => {
    const source = project.sources.find((s) => s.locale === locale && s.id === id)!;
    const english = sourceOf(project, id);
    return compileLeaflet({ root: PROJECT_ROOT, source, brand: project.brand!, i18n: project.i18n, templates: project.templates, sameLeafletSources: project.sources, ...(english ? { sourceLeaflet: english } : {}) }).leaflet!;
  };

  it('an English leaflet: author, awaiting clinical review, feedback to the website, other formats and languages, approval line', () => {
    const { governance } = compile('en-GB', 'jak-inhibitors');
    expect(governance).toEqual({
      author: 'Written by Alopecia UK.',
      clinicalReview: 'Awaiting clinical review: a doctor or nurse has not yet checked this leaflet.',
      awaitingClinicalReview: true,
      feedback: { text: 'Tell us what you think of this leaflet:', url: 'https://www.alopecia.org.uk' },
      alsoAvailable: { standardPrint: 'Also available in: large print, Welsh (draft).', largePrint: 'Also available in: standard print, Welsh (draft).' },
      status: [{ text: 'Version 1.1 · Published 30 November 2026 · Review due 30 November 2027' }],
    });
  });

  it('a Welsh draft: notices in Welsh and English (tagged), no approval line, the draft on every page', () => {
    const { governance } = compile('cy', 'jak-inhibitors');
    expect(governance.author).toBe('Ysgrifennwyd gan Alopecia UK.');
    expect(governance.alsoAvailable.standardPrint).toBe('Ar gael hefyd: print bras, Saesneg.');
    expect(governance.status).toEqual([
      { text: 'Drafft o fersiwn Saesneg 1.1, heb ei gymeradwyo.' },
      { text: 'Draft of English version 1.1, not approved.', lang: 'en-GB' },
    ]);
    expect(governance.notice).toEqual([
      { text: expect.stringMatching(/^Cyfieithiad drafft:/) },
      { text: 'Draft translation.', lang: 'en-GB' },
    ]);
    expect(governance.pageNotice).toBe('Cyfieithiad drafft · Draft translation');
  });

  it('names the clinical reviewer when there is one, and a confirmed feedback route before the website', () => {
    const english = project.sources.find((s) => s.locale === 'en-GB' && s.id === 'support')!;
    const base: GovernanceInput = {
      frontMatter: { ...english.frontMatter!, clinicalReviewer: { name: 'Dr A Example', role: 'consultant dermatologist' } },
      locale: 'en-GB',
      translationState: 'source',
      t: makeTranslate(project.i18n, 'en-GB'),
      tSource: makeTranslate(project.i18n, 'en-GB'),
      sourceLocale: 'en-GB',
      formatDate: (iso) => iso,
      brand: { charityName: 'Alopecia UK', website: 'https://www.alopecia.org.uk' },
      otherLanguages: [],
    };
    const reviewed = buildGovernance(base);
    expect(reviewed.clinicalReview).toBe('Checked by Dr A Example, consultant dermatologist.');
    expect(reviewed.awaitingClinicalReview).toBe(false);
    expect(reviewed.alsoAvailable.standardPrint).toBe('Also available in: large print.');
    expect(buildGovernance({ ...base, brand: { ...base.brand, feedback: { url: 'https://example.org/feedback', email: 'a@example.org' } } }).feedback.url).toBe('https://example.org/feedback');
    expect(buildGovernance({ ...base, brand: { ...base.brand, feedback: { email: 'a@example.org' } } }).feedback.url).toBe('mailto:a@example.org');
  });
});
