import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedBrand } from '../load/brand.ts';
import type { LeafletSource } from '../load/content.ts';
import { languageName, SOURCE_LOCALE, type I18n } from '../load/locales.ts';
import type { ProjectFiles } from '../load/projectFiles.ts';
import { isPseudoLocale } from '../i18n/pseudoLocaleTag.ts';
import { staleTranslationDiagnostics } from '../i18n/staleness.ts';
import { uncitedClinicalDiagnostics } from './clinicalCitations.ts';
import { buildGovernance, type OtherLanguage } from './governance.ts';
import { renderLeafletTemplate } from './handlebars.ts';
import type { CompiledLeaflet } from './leaflet.ts';
import { markdownToLeafletBody } from './markdown.ts';
import { rememberedTranslate } from './rememberedTranslate.ts';
import { SourceIndex } from './sources.ts';
import { translationStateOf } from './translationState.ts';
import { templateServicesFor } from './templateServices.ts';
import { loadTemplates, partialsUsedBy, type TemplateSet } from './templates.ts';

export interface CompileInput {
  /** Absolute project root. */
  root: string;
  source: LeafletSource;
  brand: LoadedBrand;
  i18n: I18n;
  /** The en-GB source of this leaflet, when compiling a translation (for staleness). */
  sourceLeaflet?: LeafletSource;
  /**
   * Partials loaded once with loadTemplates(root) and shared by every leaflet of a build.
   * When left out they are read here, and their own problems are added to this leaflet's.
   */
  templates?: TemplateSet;
  /** How files are read (the build's project store); the disk when left out. */
  files?: ProjectFiles;
  /** This leaflet in every locale of the project (for "Also available in: …"); only this one when left out. */
  sameLeafletSources?: readonly LeafletSource[];
}

export { dateFormatter } from './dateFormatter.ts';

function ownPartialDiagnostics(body: string, templates: TemplateSet): Diagnostic[] {
  const usedFiles = new Set(partialsUsedBy(body, templates).map((name) => templates.partials.get(name)?.file));
  return templates.diagnostics.filter((d) => usedFiles.has(d.file));
}

/**
 * One leaflet in one locale: Handlebars (values escaped for Markdown), then Markdown to the
 * leaflet model. Returns no leaflet when anything is an error; warnings come along either way.
 * A source whose front matter failed to load was already reported by the loader.
 */
export function compileLeaflet(input: CompileInput): { leaflet?: CompiledLeaflet; diagnostics: Diagnostic[] } {
  const { source, brand, i18n } = input;
  const frontMatter = source.frontMatter;
  if (frontMatter === undefined) return { diagnostics: [] };

  const ownTemplates = input.templates === undefined;
  const templates = input.templates ?? loadTemplates(input.root, input.files);
  // Problems in partials this leaflet does not use are the build's to report, not this leaflet's
  // (finding them parses the body: only when this leaflet read the partials itself).
  const diagnostics: Diagnostic[] = ownTemplates ? ownPartialDiagnostics(source.body, templates) : [];
  // A stale translation still builds (its cover says so) unless --strict makes this an error.
  diagnostics.push(...staleTranslationDiagnostics(source, input.sourceLeaflet));
  const services = templateServicesFor(i18n, source.locale);
  const { t, formatDate } = services;

  const templated = renderLeafletTemplate({
    place: { file: source.file, firstLine: source.bodyStartLine },
    body: source.body,
    context: {
      leaflet: frontMatter,
      brand: { charityName: brand.charityName, website: brand.website, contact: brand.contact },
      locale: source.locale,
    },
    services,
    templates,
    maxDepth: brand.limits.markdownDepth,
  });
  diagnostics.push(...templated.diagnostics);
  if (templated.markdown === undefined || templated.lineMap === undefined) return { diagnostics };

  const sources = new SourceIndex(frontMatter.sources);
  const markdown = markdownToLeafletBody({
    markdown: templated.markdown,
    file: source.file,
    absPath: source.absPath,
    root: input.root,
    lineMap: templated.lineMap,
    ...(input.files ? { files: input.files } : {}),
    limits: brand.limits,
    sources,
  });
  diagnostics.push(...markdown.diagnostics);
  diagnostics.push(...uncitedClinicalDiagnostics(source.file, markdown.body.blocks, markdown.sectionMarks, frontMatter.clinical));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const translationState = translationStateOf(frontMatter, source.locale, input.sourceLeaflet);
  const governance = buildGovernance({
    frontMatter,
    locale: source.locale,
    translationState,
    t,
    tSource: rememberedTranslate(i18n, SOURCE_LOCALE),
    sourceLocale: SOURCE_LOCALE,
    formatDate,
    brand,
    otherLanguages: otherLanguages(input),
  });
  return {
    leaflet: {
      id: source.id,
      locale: source.locale,
      sourceFile: source.file,
      frontMatter,
      body: markdown.body,
      sources: sources.sources,
      governance,
      translationState,
      t,
      formatDate,
      languageName: languageName(source.locale),
    },
    diagnostics,
  };
}

/** The other languages this leaflet exists in (pseudo-locales never count), with their translation state. */
function otherLanguages(input: CompileInput): OtherLanguage[] {
  const english = input.sourceLeaflet ?? input.sameLeafletSources?.find((s) => s.locale === SOURCE_LOCALE && s.id === input.source.id);
  return (input.sameLeafletSources ?? [])
    .filter((other) => other.id === input.source.id && other.locale !== input.source.locale && !isPseudoLocale(other.locale) && other.frontMatter)
    .map((other) => ({ locale: other.locale, state: translationStateOf(other.frontMatter!, other.locale, english) }));
}
