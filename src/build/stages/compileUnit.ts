import { compileLeaflet } from '../../compile/compileLeaflet.ts';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import { partialsUsedBy, PARTIALS_DIR } from '../../compile/templates.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { leafletGlyphDiagnostics } from '../../lint/glyphCoverage.ts';
import { lintGovernance } from '../../lint/governanceLint.ts';
import { lintLeafletBody } from '../../lint/leafletLint.ts';
import { buildDate } from '../../lint/reviewDates.ts';
import { CONTENT_DIR, type LeafletSource } from '../../load/content.ts';
import { LOCALES_DIR, SOURCE_LOCALE } from '../../load/locales.ts';
import { sourceOf, type ProjectSnapshot } from '../project.ts';
import { promoteStrict } from '../selection.ts';
import type { ProjectStore } from '../store/projectStore.ts';
import { changedReads, listingKey, type ReadLog } from '../store/readLog.ts';
import { noteStringReads } from './stringReads.ts';

export { sourceFileOf, unitKey, type Unit } from './unit.ts';

export interface CompiledUnit {
  /** Undefined when an error stops every output of the unit. */
  leaflet?: CompiledLeaflet;
  diagnostics: Diagnostic[];
  /** Everything the compile read (files, strings, partials, images, brand assets) with digests. */
  reads: ReadLog;
}

/**
 * Compile stage of one unit: Handlebars and Markdown to the leaflet model, then the checks on
 * that model (accessibility lint, glyph coverage, sources against citations, the review date).
 * A pure function of what it reads and of the build's date (the review date's diagnostics; see
 * REVIEW_DATE_RULES), and every read is recorded: the leaflet file (and the English source a
 * translation is judged against), the same leaflet in the project's other languages (the back
 * page's "Also available in"), the strings of its locale and of English, the partials it uses
 * (a missing one as absent), images, and the brand with its logo and fonts.
 */
export function compileUnit(project: ProjectSnapshot, store: ProjectStore, source: LeafletSource, strict: boolean, today: string = buildDate()): CompiledUnit {
  const { value, reads } = store.track(() => {
    store.noteReads(project.reads.brand);
    noteStringReads(store, project.reads.locales, source.locale);
    const english = sourceOf(project, source.id);
    if (english) store.noteRead(english.file);
    if (source.locale !== SOURCE_LOCALE || !english) store.noteRead(store.keyOf(source.absPath));
    if (source.locale !== SOURCE_LOCALE && source.file !== store.keyOf(source.absPath)) store.noteRead(source.file);
    for (const name of partialsUsedBy(source.body, project.templates)) store.noteRead(`${PARTIALS_DIR}/${name}.hbs`);
    const sameLeafletSources = otherLanguagesOf(project, store, source);
    if (!source.frontMatter || !project.brand) return { diagnostics: [] as Diagnostic[] };
    const compiled = compileLeaflet({
      root: project.root,
      source,
      brand: project.brand,
      i18n: project.i18n,
      ...(english ? { sourceLeaflet: english } : {}),
      templates: project.templates,
      files: store,
      sameLeafletSources,
    });
    const diagnostics = promoteStrict([...compiled.diagnostics, ...lintGovernance(source, compiled.leaflet, today)], strict);
    if (compiled.leaflet) diagnostics.push(...lintLeafletBody(source.file, compiled.leaflet.body.blocks));
    if (compiled.leaflet) diagnostics.push(...leafletGlyphDiagnostics(project, compiled.leaflet, source));
    const failed = diagnostics.some((d) => d.severity === 'error');
    return { ...(failed || !compiled.leaflet ? {} : { leaflet: compiled.leaflet }), diagnostics };
  });
  return { ...value, reads };
}

/**
 * This leaflet in every language of the project, with the reads that decide it: the language
 * folders and this leaflet's file in each (absent where it has no translation), so a new or
 * changed translation changes the other languages' back pages. A language whose strings do not
 * load builds nothing new, so it is not offered; its strings are noted, so mending them offers
 * it again. (One that loads is offered without noting its strings: if an edit breaks them, its
 * last good PDFs stay in place, so the offer still holds.)
 */
function otherLanguagesOf(project: ProjectSnapshot, store: ProjectStore, source: LeafletSource): LeafletSource[] {
  store.noteRead(listingKey(CONTENT_DIR, 'dir'));
  const broken = (locale: string) =>
    project.diagnostics.some((d) => d.severity === 'error' && (d.file === `${LOCALES_DIR}/${locale}` || d.file.startsWith(`${LOCALES_DIR}/${locale}/`)));
  const unavailable = new Set<string>();
  for (const locale of new Set(project.sources.map((other) => other.locale))) {
    if (locale === source.locale) continue;
    store.noteRead(`${CONTENT_DIR}/${locale}/${source.id}.md`);
    if (broken(locale)) {
      unavailable.add(locale);
      noteStringReads(store, project.reads.locales, locale);
    }
  }
  return project.sources.filter((other) => other.id === source.id && !unavailable.has(other.locale));
}

/**
 * Compiled units per store, kept while everything they read is unchanged: watch mode asks a
 * thread for one edition at a time, and the leaflet is still compiled once, not per edition;
 * the site stage takes the model for a leaflet's HTML page from here too.
 */
const compiledUnits = new WeakMap<ProjectStore, Map<string, { strict: boolean; today: string; compiled: CompiledUnit }>>();

export function compileUnitOnce(project: ProjectSnapshot, store: ProjectStore, source: LeafletSource, strict: boolean, today: string): CompiledUnit {
  const memo = compiledUnits.get(store) ?? new Map<string, { strict: boolean; today: string; compiled: CompiledUnit }>();
  compiledUnits.set(store, memo);
  const key = `${source.locale}/${source.id}`;
  const known = memo.get(key);
  if (known && known.strict === strict && known.today === today && changedReads(known.compiled.reads, (read) => store.digestOf(read)).length === 0) {
    store.noteReads(known.compiled.reads);
    return known.compiled;
  }
  const compiled = compileUnit(project, store, source, strict, today);
  memo.delete(key);
  memo.set(key, { strict, today, compiled });
  // A few dozen are plenty for watch mode; a large build must not keep every model alive.
  if (memo.size > 32) memo.delete(memo.keys().next().value!);
  return compiled;
}
