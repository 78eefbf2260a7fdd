/**
 * Leaflet bodies are Handlebars templates, run before Markdown parsing. Values are escaped
 * for Markdown (not HTML): a value is always plain text, while the template and partials
 * write the Markdown structure.
 */
import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { isCalendarDate } from '../load/calendarDate.ts';
import type { FrontMatter } from '../load/frontMatterSchema.ts';
import type { Translate } from './leaflet.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { markPartialOutput, markTemplateLines, resolveLineMarkers } from './lineMarkers.ts';
import { PARTIAL_FILE, runtimeErrorDiagnostic, TemplateProblem, type TemplatePlace } from './templateErrors.ts';
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

type HelperOptions = Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation; name?: string };
type TemplateSpec = { main: (container: { escapeExpression: (value: unknown) => string }, ...rest: unknown[]) => string };

/** `{{year}}` is the build year (SOURCE_DATE_EPOCH when set, for reproducible output); `{{year date}}` a date's year. */
function buildYear(): number {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).getUTCFullYear();
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
const isIsoDate = (value: unknown): value is string => typeof value === 'string' && isCalendarDate(value);

function registerHelpers(env: typeof Handlebars, current: () => TemplateServices): void {
  env.registerHelper('t', (key: unknown, options: HelperOptions) => {
    if (typeof key !== 'string') throw new TemplateProblem('{{t}} needs a key in quotes, e.g. {{t "common:title"}}', 'unknown-key', options.loc);
    const services = current();
    const values = { ...options.hash };
    if (!services.hasKey(key, values)) {
      if (!('count' in values) && services.hasKey(key, { ...values, count: 2 })) {
        throw new TemplateProblem(`Translation key "${key}" has plural forms and needs count=…`, 'unknown-key', options.loc);
      }
      throw new TemplateProblem(`Unknown translation key "${key}"`, 'unknown-key', options.loc, 'Add it to the en-GB locale files (namespace:key; default namespace common).');
    }
    if (services.isGroup?.(key, values)) {
      throw new TemplateProblem(`Translation key "${key}" is a group of strings, not one string`, 'unknown-key', options.loc, `Name one of the strings inside it, e.g. {{t "${key}.<name>"}}.`);
    }
    return services.t(key, values);
  });
  env.registerHelper('formatDate', (date: unknown, options: HelperOptions) => {
    if (!isIsoDate(date)) {
      throw new TemplateProblem(`formatDate needs a real date written as YYYY-MM-DD, got ${JSON.stringify(date)}`, 'bad-date', options.loc);
    }
    return current().formatDate(date);
  });
  env.registerHelper('year', (...args: unknown[]) => {
    const options = args.at(-1) as HelperOptions;
    if (args.length === 1) return String(buildYear());
    const date = args[0];
    if (!isIsoDate(date)) {
      throw new TemplateProblem(`year needs a real date written as YYYY-MM-DD, got ${JSON.stringify(date)}`, 'bad-date', options.loc);
    }
    return date.slice(0, 4);
  });
}

/**
 * An isolated Handlebars environment whose `{{value}}` output is Markdown-escaped.
 * Handlebars takes its escape function from the shared Utils module, so the per-environment
 * hook is the template container: every compiled template (body and partials) gets
 * `escapeMarkdown` before it runs.
 *
 * One environment per set of partials, made once: its partials compile on first use and stay
 * compiled, and so do leaflet bodies (by file, first line and text). Helpers reach the locale's
 * services through `services`, set for the length of each (synchronous) run.
 */
interface Environment {
  handlebars: typeof Handlebars;
  services?: TemplateServices;
  bodies: Map<string, { source: string; template: Handlebars.TemplateDelegate }>;
}

/**
 * Leaflet bodies kept compiled per environment, one per file: a body edited in watch mode
 * replaces its file's entry, so edits never add up in memory.
 */
const MAX_COMPILED_BODIES = 200;
const environments = new WeakMap<TemplateSet, Environment>();

function environmentFor(templates: TemplateSet): Environment {
  const known = environments.get(templates);
  if (known) return known;
  const env = Handlebars.create();
  const environment: Environment = { handlebars: env, bodies: new Map() };
  const baseTemplate = env.template.bind(env);
  const baseParse = env.parse.bind(env);
  Object.assign(env, {
    template: (spec: TemplateSpec) =>
      baseTemplate({
        ...spec,
        main(container, ...rest) {
          container.escapeExpression = escapeMarkdown;
          return spec.main.call(this, container, ...rest);
        },
      } satisfies TemplateSpec),
    // The body arrives as an AST that has had whitespace control and line markers applied; do not process it twice.
    parse: (input: string | hbs.AST.Program, options?: Handlebars.ParseOptions) => (typeof input === 'string' ? baseParse(input, options) : input),
  });
  registerHelpers(env, () => {
    if (!environment.services) throw new Error('Template helpers ran outside renderLeafletTemplate');
    return environment.services;
  });
  for (const partial of templates.partials.values()) {
    const compiled = env.compile(partial.source, { strict: true });
    env.registerPartial(partial.name, ((context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return markPartialOutput(compiled(context, options));
      } catch (error) {
        if (error instanceof Object && !(PARTIAL_FILE in error)) Object.assign(error, { [PARTIAL_FILE]: partial.name });
        throw error;
      }
    }) as Handlebars.TemplateDelegate);
  }
  environments.set(templates, environment);
  return environment;
}

/** The body compiled with line markers; `undefined` with the problems when it does not parse or check. */
function compiledBody(environment: Environment, input: TemplateInput): { template?: Handlebars.TemplateDelegate; diagnostics: Diagnostic[] } {
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

/** Runs one leaflet body through Handlebars; returns Markdown plus a map back to file lines. */
export function renderLeafletTemplate(input: TemplateInput): TemplateOutput {
  const { place, templates } = input;
  const environment = environmentFor(templates);
  const body = compiledBody(environment, input);
  if (!body.template) return { diagnostics: body.diagnostics };
  const partialFiles = new Map([...templates.partials.values()].map((p) => [p.name, p.file]));
  const outer = environment.services;
  environment.services = input.services;
  try {
    const marked = body.template(input.context);
    const { text, lineMap } = resolveLineMarkers(marked, place.firstLine);
    return { markdown: text, lineMap, diagnostics: [] };
  } catch (error) {
    return { diagnostics: [runtimeErrorDiagnostic(error, place, partialFiles)] };
  } finally {
    environment.services = outer;
  }
}
