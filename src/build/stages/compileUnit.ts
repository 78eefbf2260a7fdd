import { compileLeaflet } from '../../compile/compileLeaflet.ts';
import type { CompiledLeaflet } from '../../compile/leaflet.ts';
import { partialsUsedBy, PARTIALS_DIR } from '../../compile/templates.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { leafletGlyphDiagnostics } from '../../lint/glyphCoverage.ts';
import { lintLeafletBody } from '../../lint/leafletLint.ts';
import type { LeafletSource } from '../../load/content.ts';
import { SOURCE_LOCALE } from '../../load/locales.ts';
import { sourceOf, type ProjectSnapshot } from '../project.ts';
import { promoteStrict } from '../selection.ts';
import type { ProjectStore } from '../store/projectStore.ts';
import type { ReadLog } from '../store/readLog.ts';
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
 * that model (accessibility lint, glyph coverage). A pure function of what it reads, and every
 * read is recorded: the leaflet file (and the English source a translation is judged against),
 * the strings of its locale and of English, the partials it uses (a missing one as absent),
 * images, and the brand with its logo and fonts.
 */
export function compileUnit(project: ProjectSnapshot, store: ProjectStore, source: LeafletSource, strict: boolean): CompiledUnit {
  const { value, reads } = store.track(() => {
    store.noteReads(project.reads.brand);
    noteStringReads(store, project.reads.locales, source.locale);
    const english = sourceOf(project, source.id);
    if (english) store.noteRead(english.file);
    if (source.locale !== SOURCE_LOCALE || !english) store.noteRead(store.keyOf(source.absPath));
    if (source.locale !== SOURCE_LOCALE && source.file !== store.keyOf(source.absPath)) store.noteRead(source.file);
    for (const name of partialsUsedBy(source.body, project.templates)) store.noteRead(`${PARTIALS_DIR}/${name}.hbs`);
    if (!source.frontMatter || !project.brand) return { diagnostics: [] as Diagnostic[] };
    const compiled = compileLeaflet({
      root: project.root,
      source,
      brand: project.brand,
      i18n: project.i18n,
      ...(english ? { sourceLeaflet: english } : {}),
      templates: project.templates,
      files: store,
    });
    const diagnostics = promoteStrict(compiled.diagnostics, strict);
    if (compiled.leaflet) diagnostics.push(...lintLeafletBody(source.file, compiled.leaflet.body.blocks));
    if (compiled.leaflet) diagnostics.push(...leafletGlyphDiagnostics(project, compiled.leaflet, source));
    const failed = diagnostics.some((d) => d.severity === 'error');
    return { ...(failed || !compiled.leaflet ? {} : { leaflet: compiled.leaflet }), diagnostics };
  });
  return { ...value, reads };
}
