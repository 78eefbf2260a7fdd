/**
 * Templating a leaflet body piece by piece (templatePieces.ts), remembering each piece's
 * compiled template and its output. After a one-paragraph edit only that paragraph's piece is
 * parsed and compiled again, and a piece that did not change is not run again.
 *
 * A piece's output depends on its text and first line (the line markers), the partials (one
 * environment per set), the strings and locale (the services object: one per i18n instance and
 * locale, see templateServices.ts), the context (front matter, brand, locale) and the build
 * year (`{{year}}`). Compiled pieces are kept by text and line in the environment; outputs
 * are kept in the compiled piece, by services object and then by the context and year written
 * out, so none of them can be handed to another leaflet, locale or edit.
 */
import type Handlebars from 'handlebars';
import type { TemplateInput, TemplateServices } from './handlebars.ts';
import { markTemplateLines } from './lineMarkers.ts';
import { withServices, type TemplateEnvironment } from './templateEnvironment.ts';
import { buildYear } from './templateHelpers.ts';
import { splitTemplateIntoPieces, type TemplatePiece } from './templatePieces.ts';
import { checkTemplate, parseTemplate } from './templates.ts';

export interface CompiledPiece {
  /** The output of a piece that is text only (no `{{…}}`): it needs no compiling or running. */
  text?: string;
  template?: Handlebars.TemplateDelegate;
  /** Outputs by services object, then by context and year. */
  outputs: WeakMap<TemplateServices, Map<string, string>>;
}

/**
 * Compiled pieces per environment: about 25 for each leaflet in each language (so some 200
 * bodies, as many as were kept compiled whole before), most of them plain text; each edit in
 * watch mode adds one until the oldest go.
 */
const MAX_PIECES = 5_000;
/** Outputs per piece and services: a piece shared by leaflets (a partial call) runs once per front matter. */
const MAX_OUTPUTS = 16;

/** Whether a value holds a field set to undefined, at any depth (JSON would leave it out). */
function holdsUndefined(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || holdsUndefined(field)) return true;
  }
  return false;
}

const markUndefined = (_key: string, value: unknown): unknown => (value === undefined ? { '\u0000undefined': true } : value);

/**
 * The context and build year written out. A field left undefined is kept apart from a missing
 * one (strict mode reports only the missing one); JSON without a replacer is the fast path.
 */
function contextKeyOf(input: TemplateInput): string {
  const written = holdsUndefined(input.context) ? JSON.stringify(input.context, markUndefined) : JSON.stringify(input.context);
  return `${buildYear()}\u0000${written}`;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/** The piece parsed, checked and compiled; undefined when it has a problem (the whole body then reports it). */
function compiledPiece(environment: TemplateEnvironment, input: TemplateInput, piece: TemplatePiece): CompiledPiece | undefined {
  const firstLine = input.place.firstLine + piece.line;
  const key = `${input.maxDepth ?? ''}\u0000${firstLine}\u0000${piece.text}`;
  const known = environment.pieces.get(key);
  if (known) {
    environment.pieces.delete(key);
    environment.pieces.set(key, known);
    return known;
  }
  const place = { file: input.place.file, firstLine };
  const parsed = parseTemplate(piece.text, place, input.maxDepth);
  if (!parsed.ast || checkTemplate(parsed.ast, place, input.templates.partials).length > 0) return undefined;
  markTemplateLines(parsed.ast, place.firstLine);
  const statements = parsed.ast.body;
  const textOnly = statements.every((statement) => statement.type === 'ContentStatement');
  const compiled: CompiledPiece = textOnly
    ? { text: (statements as hbs.AST.ContentStatement[]).map((content) => content.value).join(''), outputs: new WeakMap() }
    : { template: environment.handlebars.compile(parsed.ast, { strict: true }), outputs: new WeakMap() };
  return remember(environment.pieces, key, compiled, MAX_PIECES);
}

function outputOf(environment: TemplateEnvironment, input: TemplateInput, piece: CompiledPiece, contextKey: string): string | undefined {
  if (piece.text !== undefined) return piece.text;
  let outputs = piece.outputs.get(input.services);
  if (!outputs) {
    outputs = new Map();
    piece.outputs.set(input.services, outputs);
  }
  const known = outputs.get(contextKey);
  if (known !== undefined) return known;
  try {
    return remember(outputs, contextKey, withServices(environment, input.services, () => piece.template!(input.context)), MAX_OUTPUTS);
  } catch {
    return undefined;
  }
}

/**
 * The body's templated output with line markers (what the whole template gives), or undefined
 * when a piece does not parse, check or run: the caller then templates the whole body, which
 * reports the problem at its place.
 */
export function templateInPieces(environment: TemplateEnvironment, input: TemplateInput): string | undefined {
  const contextKey = contextKeyOf(input);
  let output = '';
  for (const piece of splitTemplateIntoPieces(input.body)) {
    const compiled = compiledPiece(environment, input, piece);
    const text = compiled && outputOf(environment, input, compiled, contextKey);
    if (text === undefined) return undefined;
    output += text;
  }
  return output;
}
