/**
 * PO (gettext), written and read with `gettext-parser`. `msgctxt` is `<file>|<unit>`
 * (`leaflet.support|body.3`), `msgid` the English, `msgstr` the translation (empty while
 * untranslated); notes are extracted comments (`#.`), the file and line a reference (`#:`).
 * Entries marked fuzzy are not imported.
 */
import { po, type PoData, type PoEntry } from 'gettext-parser';
import { fileKey, FILE_NOTE, parseFileKey, type ExchangeDocument, type ExchangeFile } from './document.ts';

const SEPARATOR = '|';

export function writePo(document: ExchangeDocument): string {
  const translations: PoData['translations'] = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const file of document.files) {
    for (const unit of file.units) {
      const msgctxt = `${fileKey(file)}${SEPARATOR}${unit.id}`;
      const reference = unit.notes.find((note) => note.startsWith(FILE_NOTE))?.slice(FILE_NOTE.length);
      translations[msgctxt] = {
        [unit.source]: {
          msgctxt,
          msgid: unit.source,
          msgstr: [unit.target ?? ''],
          comments: {
            extracted: unit.notes.filter((note) => !note.startsWith(FILE_NOTE)).join('\n'),
            ...(reference && !reference.includes(' ') ? { reference } : {}),
          },
        },
      };
    }
  }
  const data: PoData = {
    charset: 'utf-8',
    headers: {
      'Project-Id-Version': 'leaflets',
      Language: document.targetLocale,
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'X-Source-Language': document.sourceLocale,
    },
    translations,
  };
  return po.compile(data, { foldLength: 0 }).toString('utf8').concat('\n');
}

/** The `file: path:line` note back from the reference comment, so import can check the line. */
const notesOf = (entry: PoEntry): string[] => [
  ...(entry.comments?.extracted ? entry.comments.extracted.split('\n') : []),
  ...(entry.comments?.reference ? [`${FILE_NOTE}${entry.comments.reference}`] : []),
];

export function readPo(text: string): ExchangeDocument {
  const data = po.parse(text);
  const files = new Map<string, ExchangeFile>();
  for (const [context, entries] of Object.entries(data.translations)) {
    if (context === '') continue;
    const at = context.lastIndexOf(SEPARATOR);
    const key = parseFileKey(context.slice(0, at));
    if (at === -1 || !key) throw new Error(`msgctxt "${context}" is not one this project exported (leaflet.<id>|<piece> or strings.<namespace>|<key>)`);
    const file = files.get(fileKey(key)) ?? { ...key, units: [] };
    files.set(fileKey(key), file);
    for (const entry of Object.values(entries)) {
      const fuzzy = entry.comments?.flag?.split(',').map((f) => f.trim()).includes('fuzzy');
      const target = entry.msgstr[0] ?? '';
      file.units.push({ id: context.slice(at + 1), source: entry.msgid, ...(target === '' || fuzzy ? {} : { target }), notes: notesOf(entry) });
    }
  }
  return { sourceLocale: data.headers['X-Source-Language'] ?? '', targetLocale: data.headers.Language ?? '', files: [...files.values()] };
}
