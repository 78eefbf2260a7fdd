import type { LeafletSource } from '../load/content.ts';
import type { TranslationInfo } from '../load/frontMatterSchema.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { bodyHash } from './sourceHash.ts';

/** Why a translation no longer matches its English source; empty when it is up to date. */
export interface Staleness {
  stale: boolean;
  /** The source as it is now. */
  currentHash: string;
  currentVersion?: string;
  /** What the translation says it was made from. */
  recordedHash?: string;
  recordedVersion: string;
  reasons: string[];
}

/**
 * A translation is stale when the source's version or its body hash differs from the ones
 * recorded in the translation's front matter. Without a recorded hash only the version counts.
 */
export function stalenessOf(translation: TranslationInfo, source: LeafletSource): Staleness {
  const currentHash = bodyHash(source.body);
  const currentVersion = source.frontMatter?.version;
  const reasons: string[] = [];
  if (currentVersion !== undefined && currentVersion !== translation.sourceVersion) {
    reasons.push(`source version is ${currentVersion}, translation was made from ${translation.sourceVersion}`);
  }
  if (translation.sourceHash !== undefined && !currentHash.startsWith(translation.sourceHash) && !translation.sourceHash.startsWith(currentHash)) {
    reasons.push(`source text changed (hash ${translation.sourceHash} -> ${currentHash})`);
  }
  return {
    stale: reasons.length > 0,
    currentHash,
    ...(currentVersion === undefined ? {} : { currentVersion }),
    ...(translation.sourceHash === undefined ? {} : { recordedHash: translation.sourceHash }),
    recordedVersion: translation.sourceVersion,
    reasons,
  };
}

/** File line of a front-matter key (first match), for pointing a diagnostic at it. */
export function frontMatterLine(raw: string, pattern: RegExp): number | undefined {
  const lines = raw.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  const index = lines.slice(0, end === -1 ? lines.length : end).findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : index + 1;
}

/** The `stale-translation` warning for a translated leaflet (an error under --strict). */
export function staleTranslationDiagnostics(translated: LeafletSource, source: LeafletSource | undefined): Diagnostic[] {
  const translation = translated.frontMatter?.translation;
  if (translation === undefined || source?.frontMatter === undefined) return [];
  const staleness = stalenessOf(translation, source);
  if (!staleness.stale) return [];
  const line = frontMatterLine(translated.raw, /^\s+sourceHash:/) ?? frontMatterLine(translated.raw, /^translation:/);
  return [
    diagnostic({
      file: translated.file,
      ...(line === undefined ? {} : { line, column: 1 }),
      severity: 'warning',
      rule: 'stale-translation',
      source: 'i18n',
      message: `Translation is out of date: ${source.file} changed since it was translated (${staleness.reasons.join('; ')})`,
      note: `See what changed with \`leaflets i18n status --locale ${translated.locale}\`; once updated, run \`leaflets i18n mark-translated ${translated.locale} ${translated.id}\`.`,
    }),
  ];
}
