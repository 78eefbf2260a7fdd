import Handlebars from 'handlebars';
import type { TemplateServices } from './handlebars.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { markPartialOutput } from './lineMarkers.ts';
import type { CompiledPiece } from './templatedPieces.ts';
import { registerHelpers } from './templateHelpers.ts';
import { PARTIAL_FILE } from './templateErrors.ts';
import type { TemplateSet } from './templates.ts';

type TemplateSpec = { main: (container: { escapeExpression: (value: unknown) => string }, ...rest: unknown[]) => string };

/**
 * An isolated Handlebars environment whose `{{value}}` output is Markdown-escaped.
 * Handlebars takes its escape function from the shared Utils module, so the per-environment
 * hook is the template container: every compiled template (body and partials) gets
 * `escapeMarkdown` before it runs.
 *
 * One environment per set of partials, made once: its partials compile on first use and stay
 * compiled, and so do leaflet bodies (whole, by file, first line and text) and their pieces
 * (templatedPieces.ts). Helpers reach the locale's services through `services`, set for the
 * length of each (synchronous) run.
 */
export interface TemplateEnvironment {
  handlebars: typeof Handlebars;
  services?: TemplateServices;
  bodies: Map<string, { source: string; template: Handlebars.TemplateDelegate }>;
  pieces: Map<string, CompiledPiece>;
}

const environments = new WeakMap<TemplateSet, TemplateEnvironment>();

export function environmentFor(templates: TemplateSet): TemplateEnvironment {
  const known = environments.get(templates);
  if (known) return known;
  const env = Handlebars.create();
  const environment: TemplateEnvironment = { handlebars: env, bodies: new Map(), pieces: new Map() };
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

/** Runs `run` with the helpers bound to `services`. */
export function withServices<T>(environment: TemplateEnvironment, services: TemplateServices, run: () => T): T {
  const outer = environment.services;
  environment.services = services;
  try {
    return run();
  } finally {
    environment.services = outer;
  }
}
