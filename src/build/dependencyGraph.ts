import path from 'node:path';
import { PARTIALS_DIR, partialsUsedBy } from '../compile/templates.ts';
import { CONTENT_DIR } from '../load/content.ts';
import { LOCALES_DIR, SOURCE_LOCALE } from '../load/locales.ts';
import type { ProjectSnapshot } from './project.ts';

/** One leaflet in one locale: every edition of it is rebuilt together. */
export interface OutputPair {
  leafletId: string;
  locale: string;
}

/** What an input file is, by where it sits in the project. */
export type InputKind =
  | { kind: 'leaflet'; locale: string; leafletId: string }
  | { kind: 'locale-strings'; locale: string }
  | { kind: 'partial'; name: string }
  | { kind: 'content-file'; locale?: string }
  | { kind: 'brand' }
  /** A deleted folder, written with a trailing slash (its files may not be reported one by one). */
  | { kind: 'removed-folder'; prefix: string }
  | { kind: 'unrelated' };

const CONTENT_PREFIX = `${CONTENT_DIR}/`;
const LOCALES_PREFIX = `${LOCALES_DIR}/`;
const PARTIALS_PREFIX = `${PARTIALS_DIR}/`;

/**
 * Classifies a project-relative path (forward slashes). Anything under templates/ that is
 * not a partial (brand file, logo, other assets) and the brand's font files affect every output.
 */
export function classifyInput(file: string, brandFiles: ReadonlySet<string> = new Set()): InputKind {
  if (brandFiles.has(file)) return { kind: 'brand' };
  if (file.endsWith('/')) return { kind: 'removed-folder', prefix: file };
  const parts = file.split('/');
  if (file.startsWith(CONTENT_PREFIX)) {
    if (parts.length === 3 && file.endsWith('.md')) {
      return { kind: 'leaflet', locale: parts[1]!, leafletId: path.posix.basename(file, '.md') };
    }
    return parts.length >= 3 ? { kind: 'content-file', locale: parts[1]! } : { kind: 'content-file' };
  }
  if (file.startsWith(LOCALES_PREFIX)) {
    return parts.length === 3 && file.endsWith('.json') ? { kind: 'locale-strings', locale: parts[1]! } : { kind: 'unrelated' };
  }
  if (file.startsWith(PARTIALS_PREFIX)) {
    return parts.length === 3 && file.endsWith('.hbs') ? { kind: 'partial', name: path.posix.basename(file, '.hbs') } : { kind: 'unrelated' };
  }
  if (file.startsWith('templates/')) return { kind: 'brand' };
  return { kind: 'unrelated' };
}

const pairOf = (source: { id: string; locale: string }): OutputPair => ({ leafletId: source.id, locale: source.locale });

/**
 * The (leaflet, locale) pairs whose PDFs depend on a changed input, from one project snapshot:
 * - a leaflet's Markdown -> that leaflet in that locale (an en-GB source also feeds its
 *   translations, whose staleness is judged against it);
 * - a locale's strings -> every leaflet of that locale (en-GB strings are every locale's fallback);
 * - a partial -> every leaflet using it, directly or through other partials;
 * - an image or other file in content/ -> leaflets whose text names it;
 * - the brand, its logo and fonts, or any other template file -> everything.
 * Callers pass the snapshots before and after a change, so added and removed leaflets and
 * partials are both covered.
 */
export function affectedOutputs(project: ProjectSnapshot, changedFiles: Iterable<string>, brandFiles?: ReadonlySet<string>): OutputPair[] {
  const affected = new Map<string, OutputPair>();
  const add = (pair: OutputPair) => affected.set(`${pair.locale}/${pair.leafletId}`, pair);
  const sources = project.sources;
  const usedPartials = new Map<string, Set<string>>();
  const partialsOf = (source: (typeof sources)[number]) => {
    let used = usedPartials.get(source.file);
    if (!used) {
      used = new Set(partialsUsedBy(source.body, project.templates));
      usedPartials.set(source.file, used);
    }
    return used;
  };

  for (const file of changedFiles) {
    const input = classifyInput(file, brandFiles);
    switch (input.kind) {
      case 'leaflet':
        add({ leafletId: input.leafletId, locale: input.locale });
        if (input.locale === SOURCE_LOCALE) sources.filter((s) => s.id === input.leafletId).forEach((s) => add(pairOf(s)));
        break;
      case 'locale-strings':
        sources.filter((s) => input.locale === SOURCE_LOCALE || s.locale === input.locale).forEach((s) => add(pairOf(s)));
        break;
      case 'partial':
        sources.filter((s) => partialsOf(s).has(input.name)).forEach((s) => add(pairOf(s)));
        break;
      case 'content-file': {
        const name = path.posix.basename(file);
        sources.filter((s) => s.raw.includes(name) || s.raw.includes(encodeURI(name))).forEach((s) => add(pairOf(s)));
        break;
      }
      case 'brand':
        sources.forEach((s) => add(pairOf(s)));
        break;
      case 'removed-folder': {
        const locale = input.prefix.startsWith(LOCALES_PREFIX) ? input.prefix.split('/')[1] : undefined;
        const everything = input.prefix.startsWith('templates/') || input.prefix === LOCALES_PREFIX || locale === SOURCE_LOCALE;
        sources
          .filter((s) => everything || s.file.startsWith(input.prefix) || s.locale === locale)
          .forEach((s) => add(pairOf(s)));
        break;
      }
      case 'unrelated':
        break;
    }
  }
  return [...affected.values()].sort((a, b) => a.locale.localeCompare(b.locale) || a.leafletId.localeCompare(b.leafletId));
}

/** Files outside the watched folders that still feed every output: the brand's fonts. */
export function brandInputFiles(project: ProjectSnapshot): string[] {
  const brand = project.brand;
  if (!brand) return [];
  const { body, fallbacks } = brand.resolved.fonts;
  const faces = [body, ...fallbacks.map((fallback) => fallback.face)];
  const fonts = faces.flatMap((face) => [face.regular, face.bold, face.italic, face.boldItalic]).filter((file): file is string => file !== undefined);
  return [...new Set([brand.resolved.logo, ...fonts])];
}
