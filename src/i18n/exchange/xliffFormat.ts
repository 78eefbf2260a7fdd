/**
 * XLIFF 2.0: written with the `xliff` package, read with `xml-js` keeping every space (the
 * `xliff` package's reader trims text before a line break and drops spaces between inline
 * codes, which would change the leaflet). `{{…}}` and `$t(…)` travel as `<ph>` codes whose
 * `disp`/`equiv` hold the original, so CAT tools protect them.
 */
import js2xliff from 'xliff/js2xliff';
import convert from 'xml-js';
import type { Element } from 'xml-js';
import { parseFileKey, fileKey, type ExchangeDocument, type ExchangeFile, type ExchangeUnit } from './document.ts';
import { PROTECTED } from './segments.ts';

type Inline = string | { Standalone: { id: string; disp: string; equiv: string } };

function toInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  let count = 0;
  for (const match of text.matchAll(PROTECTED)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    count += 1;
    parts.push({ Standalone: { id: `c${count}`, disp: match[0], equiv: match[0] } });
    last = match.index + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push(text.slice(last));
  return parts;
}

/** Line breaks between structural elements only (never inside `<source>`/`<target>`), for people reading the file. */
const readable = (xml: string): string =>
  xml
    .replace(/><(file|\/file|unit|\/unit|notes|\/notes|note|segment|\/segment|source|target|\/xliff)\b/g, (_, tag: string) => {
      const depth: Record<string, number> = { file: 1, '/file': 1, unit: 2, '/unit': 2, notes: 3, '/notes': 3, segment: 3, '/segment': 3, note: 4, source: 4, target: 4, '/xliff': 0 };
      return `>\n${'  '.repeat(depth[tag] ?? 0)}<${tag}`;
    });

export async function writeXliff(document: ExchangeDocument): Promise<string> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const file of document.files) {
    const units: Record<string, unknown> = {};
    for (const unit of file.units) {
      units[unit.id] = {
        source: toInline(unit.source),
        ...(unit.target === undefined ? {} : { target: toInline(unit.target) }),
        note: unit.notes,
        additionalAttributes: { 'xml:space': 'preserve' },
      };
    }
    resources[fileKey(file)] = units;
  }
  const xml = await js2xliff({ sourceLanguage: document.sourceLocale, targetLanguage: document.targetLocale, resources }, { indent: '' });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${readable(xml)}\n`;
}

const childrenOf = (element: Element | undefined, name: string): Element[] => (element?.elements ?? []).filter((e) => e.type === 'element' && e.name === name);

/** Text of a `<source>`/`<target>`: text as is, `<ph>` as its original (`disp`, else the source's code with the same id). */
function inlineText(element: Element, sourceCodes: ReadonlyMap<string, string>): string {
  let text = '';
  for (const child of element.elements ?? []) {
    if (child.type === 'text' || child.type === 'cdata') text += String(child.text ?? child.cdata ?? '');
    else if (child.type === 'element' && child.name === 'ph') {
      const attributes = child.attributes ?? {};
      const original = attributes.disp ?? sourceCodes.get(String(attributes.id));
      if (original === undefined) throw new Error(`A <ph id="${String(attributes.id)}"> code has no original text`);
      text += String(original);
    } else if (child.type === 'element') text += inlineText(child, sourceCodes);
  }
  return text;
}

function codesOf(element: Element | undefined): Map<string, string> {
  const codes = new Map<string, string>();
  for (const child of element?.elements ?? []) {
    if (child.type === 'element' && child.name === 'ph' && child.attributes?.disp !== undefined) codes.set(String(child.attributes.id), String(child.attributes.disp));
  }
  return codes;
}

function readUnit(unit: Element): ExchangeUnit {
  const notes = childrenOf(childrenOf(unit, 'notes')[0], 'note').map((note) => inlineText(note, new Map()));
  const segment = childrenOf(unit, 'segment')[0];
  const sourceElement = childrenOf(segment, 'source')[0];
  const targetElement = childrenOf(segment, 'target')[0];
  const codes = codesOf(sourceElement);
  return {
    id: String(unit.attributes?.id ?? ''),
    source: sourceElement ? inlineText(sourceElement, codes) : '',
    ...(targetElement ? { target: inlineText(targetElement, codes) } : {}),
    notes,
  };
}

export function readXliff(xml: string): ExchangeDocument {
  const root = (convert.xml2js(xml, { captureSpacesBetweenElements: true }) as Element).elements?.find((e) => e.name === 'xliff');
  if (!root || !String(root.attributes?.version ?? '').startsWith('2.')) throw new Error('Not an XLIFF 2 file (no <xliff version="2.x">)');
  const files: ExchangeFile[] = [];
  for (const file of childrenOf(root, 'file')) {
    const key = parseFileKey(String(file.attributes?.id ?? ''));
    if (!key) throw new Error(`<file id="${String(file.attributes?.id)}"> is not one this project exported (leaflet.<id> or strings.<namespace>)`);
    const units = [...childrenOf(file, 'unit'), ...childrenOf(file, 'group').flatMap((group) => childrenOf(group, 'unit'))].map(readUnit);
    files.push({ ...key, units });
  }
  return { sourceLocale: String(root.attributes?.srcLang ?? ''), targetLocale: String(root.attributes?.trgLang ?? ''), files };
}
