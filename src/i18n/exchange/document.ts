/** What XLIFF and PO files carry, independent of the format: files of units with notes. */
export interface ExchangeUnit {
  /** Unique within its file: `cover.language`, `title`, `keywords.0`, `body.12`. */
  id: string;
  /** The English. */
  source: string;
  /** The translation; absent while untranslated (import then leaves the text as it is). */
  target?: string;
  /** For people: the key, the file and line of the translation, and of the English. */
  notes: string[];
}

export interface ExchangeFile {
  kind: 'leaflet' | 'strings';
  /** Leaflet id or strings namespace. */
  name: string;
  units: ExchangeUnit[];
}

export interface ExchangeDocument {
  sourceLocale: string;
  targetLocale: string;
  files: ExchangeFile[];
}

/** XLIFF `<file id>` and PO `msgctxt` prefixes: `leaflet.support`, `strings.common`. */
export const fileKey = (file: Pick<ExchangeFile, 'kind' | 'name'>): string => `${file.kind}.${file.name}`;

export function parseFileKey(key: string): Pick<ExchangeFile, 'kind' | 'name'> | undefined {
  const match = /^(leaflet|strings)\.(.+)$/.exec(key);
  return match ? { kind: match[1] as ExchangeFile['kind'], name: match[2]! } : undefined;
}

/** The note a unit's file and line are read back from on import (to see whether the file moved on). */
export const FILE_NOTE = 'file: ';

export function notedLine(unit: ExchangeUnit): number | undefined {
  const note = unit.notes.find((n) => n.startsWith(FILE_NOTE));
  const line = note && /:(\d+)$/.exec(note)?.[1];
  return line ? Number(line) : undefined;
}

/** The piece's kind from its key note (`key: support body.3 (list item)`), for leaflets. */
export function notedKind(unit: ExchangeUnit): string | undefined {
  const note = unit.notes.find((n) => n.startsWith('key: '));
  return note ? /\(([^)]+)\)$/.exec(note)?.[1] : undefined;
}
