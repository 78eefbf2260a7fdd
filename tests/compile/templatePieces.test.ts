import { afterEach, describe, expect, it } from 'vitest';
import { renderLeafletTemplate, renderWholeTemplate, type TemplateInput } from '../../src/compile/handlebars.ts';
import { splitTemplateIntoPieces } from '../../src/compile/templatePieces.ts';
import { templateServicesFor } from '../../src/compile/templateServices.ts';
import { loadTemplates, type TemplateSet } from '../../src/compile/templates.ts';
import { loadBrand, type LoadedBrand } from '../../src/load/brand.ts';
import { loadLeafletSources, type LeafletSource } from '../../src/load/content.ts';
import { loadLocales, type I18n } from '../../src/load/locales.ts';
import { tempProject } from '../fixtures/tempProject.ts';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

interface Project {
  brand: LoadedBrand;
  i18n: I18n;
  sources: LeafletSource[];
  templates: TemplateSet;
}

async function loadProject(root: string): Promise<Project> {
  const [{ brand }, { sources }, { i18n }] = await Promise.all([loadBrand(root), loadLeafletSources(root), loadLocales(root)]);
  return { brand: brand!, i18n, sources, templates: loadTemplates(root) };
}

/** What compileLeaflet hands the templating step. */
function templateInput(project: Project, source: LeafletSource, body = source.body): TemplateInput {
  return {
    place: { file: source.file, firstLine: source.bodyStartLine },
    body,
    context: {
      leaflet: source.frontMatter!,
      brand: { charityName: project.brand.charityName, website: project.brand.website, contact: project.brand.contact },
      locale: source.locale,
    },
    services: templateServicesFor(project.i18n, source.locale),
    templates: project.templates,
    maxDepth: project.brand.limits.markdownDepth,
  };
}

/** A fixture project with extra partials; its en-GB leaflet is the one to template. */
async function fixture(partials: Record<string, string> = {}) {
  const files = Object.fromEntries(Object.entries(partials).map(([name, text]) => [`templates/partials/${name}.hbs`, text]));
  const project = await loadProject(tempProject(files));
  const source = (locale = 'en-GB') => project.sources.find((s) => s.locale === locale && s.id === 'example')!;
  return { project, source };
}

const epoch = process.env.SOURCE_DATE_EPOCH;
afterEach(() => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
});

describe('cutting a leaflet body into template pieces', () => {
  const texts = (body: string) => splitTemplateIntoPieces(body).map((piece) => piece.text);

  it('cuts before a line that follows a blank line, and gives each piece its first line', () => {
    const body = '# {{leaflet.title}}\n\nOne.\nStill one.\n\n\n{{> support}}\n';
    expect(splitTemplateIntoPieces(body)).toEqual([
      { text: '# {{leaflet.title}}\n\n', line: 0 },
      { text: 'One.\nStill one.\n\n\n', line: 2 },
      { text: '{{> support}}\n', line: 6 },
    ]);
  });

  it('never cuts inside a block, a comment or a mustache spread over lines', () => {
    expect(texts('{{#if leaflet.clinical}}\n\nA.\n\n{{else}}\n\nB.\n\n{{/if}}\n\nC.\n')).toEqual(['{{#if leaflet.clinical}}\n\nA.\n\n{{else}}\n\nB.\n\n{{/if}}\n\n', 'C.\n']);
    expect(texts('{{!-- a note\n\nover lines --}}\n\nText.\n')).toEqual(['{{!-- a note\n\nover lines --}}\n\n', 'Text.\n']);
    expect(texts('{{t "intro"\n\ncharity="x"}}\n\nText.\n')).toEqual(['{{t "intro"\n\ncharity="x"}}\n\n', 'Text.\n']);
    expect(texts('{{#each leaflet.keywords}}\n\n{{this}}\n\n{{/each}}')).toHaveLength(1);
  });

  it('keeps the body whole where a construct reaches across lines: ~ whitespace control, raw blocks, escaped mustaches', () => {
    for (const body of ['A.\n\n{{~leaflet.title}}\n\nB.\n', 'A.\n\n{{leaflet.title~}}\n\nB.\n', '{{{{raw}}}}\n\n{{x}}\n\n{{{{/raw}}}}\n', 'A \\{{x}}\n\nB.\n']) {
      expect(texts(body)).toEqual([body]);
    }
  });
});

describe('templating a body piece by piece', () => {
  it('gives every shipped leaflet, in every language, the same Markdown and line map as templating it whole', async () => {
    const project = await loadProject(PROJECT_ROOT);
    expect(project.sources.length).toBeGreaterThanOrEqual(8);
    for (const source of project.sources.filter((s) => s.frontMatter)) {
      const input = templateInput(project, source);
      expect(splitTemplateIntoPieces(source.body).length, source.file).toBeGreaterThan(3);
      const whole = renderWholeTemplate(input);
      expect(whole.diagnostics, source.file).toEqual([]);
      expect(renderLeafletTemplate(input), source.file).toEqual(whole);
      // Again, from the remembered pieces and outputs.
      expect(renderLeafletTemplate(input), source.file).toEqual(whole);
    }
  });

  const TRICKY: Array<[string, string]> = [
    ['standalone partials at the start and end of pieces', '{{> support}}\n\nText.\n\n  {{> support}}\n\n{{> note}}\n'],
    ['a partial indented on its own line after a blank line', 'Intro:\n\n    {{> note}}\n\nAfter.\n'],
    ['blocks with else over blank lines, standalone', '{{#if leaflet.clinical}}\n\nClinical.\n\n{{else}}\n\nNot clinical.\n\n{{/if}}\n\nAfter {{leaflet.title}}.\n'],
    ['each over keywords, then text', '# Words\n\n{{#each leaflet.keywords}}\n- {{this}}\n{{/each}}\n\nEnd.\n'],
    ['comments, standalone and inline', '{{!-- a note\n\nover lines --}}\n\nText {{! inline }} here.\n\n{{! standalone }}\n\nMore.\n'],
    ['spaces on the blank lines and at piece starts', 'One.\n  \n\t\n   Two {{leaflet.title}}.\n \n{{#if leaflet.clinical}}x{{/if}}\n\nThree.'],
    ['values spread over lines and helpers', '{{t "intro"\n  charity=brand.charityName}}\n\nPublished {{formatDate leaflet.published}}, {{year}} and {{year leaflet.reviewDue}}.\n'],
    ['Windows line ends', 'One {{leaflet.title}}.\r\n\r\nTwo.\r\n\r\n{{> support}}\r\n'],
    ['a body of text only', 'Just text.\n\nAnd more.\n'],
    ['an empty body', ''],
  ];

  it.each(TRICKY)('%s: the same as templating it whole', async (_name, body) => {
    const { project, source } = await fixture({ note: 'A note\nover two lines.\n' });
    for (const locale of ['en-GB', 'cy']) {
      const input = templateInput(project, source(locale), body);
      const whole = renderWholeTemplate(input);
      expect(whole.diagnostics).toEqual([]);
      expect(renderLeafletTemplate(input)).toEqual(whole);
    }
  });

  it('gives the text after a standalone block and a blank line its own file line', async () => {
    const { project, source } = await fixture();
    const body = '{{#if leaflet.clinical}}\nClinical.\n{{/if}}\n\n{{t "intro" charity="X"}}\n';
    for (const render of [renderWholeTemplate, renderLeafletTemplate]) {
      const { markdown, lineMap } = render(templateInput(project, source(), body));
      const lines = markdown!.split('\n');
      expect(lineMap![lines.findIndex((line) => line.startsWith('This leaflet'))]).toBe(source().bodyStartLine + 4);
    }
  });

  it.each([
    ['an unknown helper in a later piece', 'Fine.\n\nAlso fine.\n\nNot {{shout "x"}}.\n', 'unknown-helper'],
    ['an unknown variable', 'Fine.\n\n\nBy {{leaflet.author}}.\n', 'unknown-variable'],
    ['an unknown key inside a partial', 'Fine.\n\n{{> broken}}\n', 'unknown-key'],
    ['a block opened and never closed', 'Fine.\n\n{{#if leaflet.clinical}}\n\nText.\n', 'template-syntax'],
    ['a block closed that was never opened', 'Fine.\n\nText.\n\n{{/if}}\n', 'template-syntax'],
  ])('%s: reported as templating the whole body reports it', async (_name, body, rule) => {
    const { project, source } = await fixture({ broken: '{{t "no.such.key"}}\n' });
    const input = templateInput(project, source(), body);
    const whole = renderWholeTemplate(input);
    expect(whole.diagnostics.map((d) => d.rule)).toEqual([rule]);
    for (let round = 0; round < 2; round += 1) expect(renderLeafletTemplate(input)).toEqual(whole);
  });
});

describe('remembered pieces never give another leaflet, language or edit a stale output', () => {
  const markdownOf = (input: TemplateInput) => renderLeafletTemplate(input).markdown;

  it('the same piece in another language prints that language', async () => {
    const { project, source } = await fixture();
    const body = 'Intro.\n\n{{> support}}\n';
    expect(markdownOf(templateInput(project, source('en-GB'), body))).toContain('Getting support');
    expect(markdownOf(templateInput(project, source('cy'), body))).toContain('Cael cymorth');
    expect(markdownOf(templateInput(project, source('en-GB'), body))).toContain('Getting support');
  });

  it('the same piece with other front matter or another brand prints the new values', async () => {
    const { project, source } = await fixture();
    const input = templateInput(project, source(), 'Intro.\n\n# {{leaflet.title}} from {{brand.charityName}}\n');
    expect(markdownOf(input)).toContain('# An example leaflet from');
    const retitled = { ...input, context: { ...input.context, leaflet: { ...input.context.leaflet, title: 'A new title' } } };
    expect(markdownOf(retitled)).toContain('# A new title from');
    const rebranded = { ...input, context: { ...input.context, brand: { ...input.context.brand, charityName: 'Another Charity' } } };
    expect(markdownOf(rebranded)).toContain('# An example leaflet from Another Charity');
    expect(markdownOf(input)).toContain('# An example leaflet from');
  });

  it('tells a field left undefined from one that is missing (strict mode reports only the missing one)', async () => {
    const { project, source } = await fixture();
    const input = templateInput(project, source(), 'Intro.\n\nBy {{leaflet.author}}.\n');
    const withUndefined = { ...input, context: { ...input.context, leaflet: { ...input.context.leaflet, author: undefined } } };
    expect(renderLeafletTemplate(withUndefined).markdown).toContain('By .');
    expect(renderLeafletTemplate(input).diagnostics.map((d) => d.rule)).toEqual(['unknown-variable']);
  });

  it('an edited paragraph, or a paragraph moved to another line, is templated again', async () => {
    const { project, source } = await fixture();
    const first = renderLeafletTemplate(templateInput(project, source(), 'One {{leaflet.title}}.\n\nTwo.\n'));
    const edited = renderLeafletTemplate(templateInput(project, source(), 'One {{leaflet.title}}!\n\nTwo.\n'));
    expect(edited.markdown).toBe('One An example leaflet!\n\nTwo.\n');
    const moved = renderLeafletTemplate(templateInput(project, source(), '\n\nOne {{leaflet.title}}.\n\nTwo.\n'));
    expect(moved.lineMap!.slice(2)).toEqual(first.lineMap!.map((line) => line + 2).slice(0, moved.lineMap!.length - 2));
  });

  it('changed strings (a new i18n instance) are printed, not the old ones', async () => {
    const { project, source } = await fixture();
    const body = 'Intro.\n\n{{t "intro" charity="X"}}\n';
    expect(markdownOf(templateInput(project, source(), body))).toContain('This leaflet comes from X\\.');
    const root = tempProject({ 'locales/en-GB/common.json': JSON.stringify({ intro: 'Brought to you by {{charity}}.', cover: { reviewDue: 'Review due' } }) });
    const { i18n } = await loadLocales(root);
    expect(markdownOf(templateInput({ ...project, i18n }, source(), body))).toContain('Brought to you by X\\.');
  });

  it('{{year}} follows SOURCE_DATE_EPOCH', async () => {
    const { project, source } = await fixture();
    const input = templateInput(project, source(), 'Intro.\n\nIn {{year}}.\n');
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2030, 5, 1) / 1000);
    expect(markdownOf(input)).toContain('In 2030.');
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2031, 5, 1) / 1000);
    expect(markdownOf(input)).toContain('In 2031.');
  });
});
