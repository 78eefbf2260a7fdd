/**
 * Leaflet bodies are Handlebars templates, run before Markdown parsing. Values are escaped
 * for Markdown (not HTML): a value is always plain text, while the template and partials
 * write the Markdown structure.
 */
import type Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedBrand } from '../load/brand.ts';
import type { FrontMatter } from '../load/frontMatterSchema.ts';
import type { Translate } from './leaflet.ts';
import { markTemplateLines, resolveLineMarkers } from './lineMarkers.ts';
import { templateInPieces } from './templatedPieces.ts';
import { environmentFor, withServices, type TemplateEnvironment } from './templateEnvironment.ts';
import { runtimeErrorDiagnostic, type TemplatePlace } from './templateErrors.ts';
import { checkTemplate, parseTemplate, type TemplateSet } from './templates.ts';

export { partialsUsedBy, loadTemplates, type TemplateSet, type PartialTemplate } from './templates.ts';

/** What a template can read: `{{leaflet.title}}`, `{{brand.website}}`, `{{locale}}`. */
export interface TemplateContext {
  leaflet: FrontMatter;
  brand: Pick<LoadedBrand, 'charityName' | 'website' | 'contact'>;
  locale: string;
}

/** Locale-bound services the helpers call. */
export interface TemplateServices {
  locale: string;
  t: Translate;
  /** Whether a translation key exists (in the locale or the fallback), given the same options. */
  hasKey: (key: string, options: Record<string, unknown>) => boolean;
  /** Whether a key names a group of strings rather than one string (it cannot be printed). */
  isGroup?: (key: string, options: Record<string, unknown>) => boolean;
  formatDate: (isoDate: string) => string;
}

export interface TemplateInput {
  /** The leaflet's Markdown file and where its body starts. */
  place: TemplatePlace;
  body: string;
  context: TemplateContext;
  services: TemplateServices;
  templates: TemplateSet;
  /** Deepest block and sub-expression nesting accepted (limits.markdownDepth). */
  maxDepth?: number;
}

export interface TemplateOutput {
  markdown?: string;
  /** File line of each Markdown line (index 0 = Markdown line 1). */
  lineMap?: number[];
  diagnostics: Diagnostic[];
}

/**
 * Leaflet bodies kept compiled whole per environment, one per file: a body edited in watch mode
 * replaces its file's entry, so edits never add up in memory. (Only bodies whose pieces cannot
 * be templated alone come here: see renderLeafletTemplate.)
 */
const MAX_COMPILED_BODIES = 200;

/** The body compiled with line markers; `undefined` with the problems when it does not parse or check. */
function compiledBody(environment: TemplateEnvironment, input: TemplateInput): { template?: Handlebars.TemplateDelegate; diagnostics: Diagnostic[] } {
  const { place, templates } = input;
  const key = `${place.file}\u0000${input.maxDepth ?? ''}`;
  const source = `${place.firstLine}\u0000${input.body}`;
  const known = environment.bodies.get(key);
  if (known?.source === source) return { template: known.template, diagnostics: [] };
  const parsed = parseTemplate(input.body, place, input.maxDepth);
  if (!parsed.ast) return { diagnostics: parsed.diagnostics };
  const problems = checkTemplate(parsed.ast, place, templates.partials);
  if (problems.length > 0) return { diagnostics: problems };
  markTemplateLines(parsed.ast, place.firstLine);
  const template = environment.handlebars.compile(parsed.ast, { strict: true });
  environment.bodies.delete(key);
  if (environment.bodies.size >= MAX_COMPILED_BODIES) environment.bodies.delete(environment.bodies.keys().next().value!);
  environment.bodies.set(key, { source, template });
  return { template, diagnostics: [] };
}

/** Runs one leaflet body through Handlebars as one template; reports any problem at its place. */
export function renderWholeTemplate(input: TemplateInput): TemplateOutput {
  const { place, templates } = input;
  const environment = environmentFor(templates);
  const body = compiledBody(environment, input);
  if (!body.template) return { diagnostics: body.diagnostics };
  const partialFiles = new Map([...templates.partials.values()].map((p) => [p.name, p.file]));
  try {
    const marked = withServices(environment, input.services, () => body.template!(input.context));
    const { text, lineMap } = resolveLineMarkers(marked, place.firstLine);
    return { markdown: text, lineMap, diagnostics: [] };
  } catch (error) {
    return { diagnostics: [runtimeErrorDiagnostic(error, place, partialFiles)] };
  }
}

/**
 * Runs one leaflet body through Handlebars; returns Markdown plus a map back to file lines.
 * Piece by piece, reusing what did not change (templatedPieces.ts); a body with a problem is
 * templated whole, which reports it.
 */
export function renderLeafletTemplate(input: TemplateInput): TemplateOutput {
  const marked = templateInPieces(environmentFor(input.templates), input);
  if (marked === undefined) return renderWholeTemplate(input);
  const { text, lineMap } = resolveLineMarkers(marked, input.place.firstLine);
  return { markdown: text, lineMap, diagnostics: [] };
}
