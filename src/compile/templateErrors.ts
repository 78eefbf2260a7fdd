import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** Where a template's line 1 sits: the partial file itself, or a leaflet body inside its Markdown file. */
export interface TemplatePlace {
  file: string;
  /** File line of the template's first line. */
  firstLine: number;
}

/** An error raised on purpose by a helper or check, carrying its rule and template location. */
export class TemplateProblem extends Error {
  constructor(
    message: string,
    readonly rule: string,
    readonly loc?: hbs.AST.SourceLocation,
    readonly note?: string,
  ) {
    super(message);
  }
}

/** Set on errors that happened inside a partial, by the partial's wrapper (innermost wins). */
export const PARTIAL_FILE = Symbol('partialFile');

export const diagnosticAt = (
  place: TemplatePlace,
  loc: { line: number; column?: number } | undefined,
  details: { rule: string; message: string; note?: string },
): Diagnostic =>
  diagnostic({
    file: place.file,
    ...(loc ? { line: place.firstLine + loc.line - 1 } : {}),
    ...(loc?.column !== undefined ? { column: loc.column + 1 } : {}),
    source: 'compile',
    ...details,
  });

/** Handlebars parse errors only say "Parse error on line N:" plus an excerpt; keep the line and the expectation. */
export function parseErrorDiagnostic(error: unknown, place: TemplatePlace): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const line = /on line (\d+)/.exec(message)?.[1];
  const lastLine = message.split('\n').at(-1) ?? message;
  return diagnosticAt(place, line === undefined ? undefined : { line: Number(line) }, {
    rule: 'template-syntax',
    message: `Template syntax error: ${lastLine.replace(/^Parse error on line \d+:?\s*/, '')}`,
  });
}

const AVAILABLE = 'Available: leaflet.<front matter field>, brand.charityName, brand.website, brand.contact.<field>, locale.';

/** Turns an error thrown while running a template into a diagnostic at the right file and line. */
export function runtimeErrorDiagnostic(error: unknown, leaflet: TemplatePlace, partialFiles: ReadonlyMap<string, string>): Diagnostic {
  const partialName = (error as { [PARTIAL_FILE]?: string })[PARTIAL_FILE];
  const partialFile = partialName === undefined ? undefined : partialFiles.get(partialName);
  const place: TemplatePlace = partialFile === undefined ? leaflet : { file: partialFile, firstLine: 1 };

  if (error instanceof TemplateProblem) {
    const loc = error.loc ? { line: error.loc.start.line, column: error.loc.start.column } : undefined;
    return diagnosticAt(place, loc, { rule: error.rule, message: error.message, ...(error.note ? { note: error.note } : {}) });
  }
  const raw = error instanceof Error ? error.message : String(error);
  const exception = error as { lineNumber?: number; column?: number };
  const loc = exception.lineNumber === undefined ? undefined : { line: exception.lineNumber, ...(exception.column === undefined ? {} : { column: exception.column }) };
  const message = raw.replace(/ - \d+:\d+$/, '');

  const unknownVariable = /^"(.+)" not defined in/.exec(message);
  if (unknownVariable) {
    return diagnosticAt(place, loc, { rule: 'unknown-variable', message: `Unknown variable "${unknownVariable[1]}"`, note: AVAILABLE });
  }
  const missingPartial = /^The partial (.+) could not be found/.exec(message);
  if (missingPartial) {
    return diagnosticAt(place, loc, { rule: 'unknown-partial', message: `Unknown partial "${missingPartial[1]}"` });
  }
  if (error instanceof Handlebars.Exception || /^Parse error/.test(message)) {
    return /^Parse error/.test(message)
      ? parseErrorDiagnostic(error, place)
      : diagnosticAt(place, loc, { rule: 'template', message });
  }
  return diagnosticAt(place, loc, { rule: 'template', message: `Template failed: ${message}` });
}
