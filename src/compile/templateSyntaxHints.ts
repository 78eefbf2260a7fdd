import { braceMessage, braceProblems, COPY_EXACTLY, lineColumnOf } from './braces.ts';
import { diagnosticAt, parseErrorDiagnostic, type TemplatePlace } from './templateErrors.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** The block a `{{#name …}}` opens, when no `{{/name}}` closes it. */
function unclosedBlock(source: string): { name: string; offset: number } | undefined {
  const open: Array<{ name: string; offset: number }> = [];
  for (const match of source.matchAll(/\{\{~?\s*([#/])\s*([^\s}~]+)/g)) {
    const name = match[2]!;
    if (match[1] === '#') open.push({ name, offset: match.index });
    else if (open.at(-1)?.name === name) open.pop();
    else return { name: `/${name}`, offset: match.index };
  }
  return open.at(-1);
}

/**
 * A Handlebars parse error said in a translator's words, at the exact line and column of the
 * mistake (a missing brace, an unclosed quote or block); the parser's own message otherwise.
 */
export function templateSyntaxDiagnostic(source: string, error: unknown, place: TemplatePlace): Diagnostic {
  const braces = braceProblems(source).find((problem) => problem.kind === 'unclosed');
  if (braces) {
    return diagnosticAt(place, toLoc(source, braces.offset), { rule: 'template-syntax', message: braceMessage(braces) });
  }
  for (const match of source.matchAll(/\{\{[^{}]*\}\}/g)) {
    const quotes = (match[0].match(/"/g) ?? []).length;
    if (quotes % 2 === 1) {
      return diagnosticAt(place, toLoc(source, match.index), {
        rule: 'template-syntax',
        message: `Unclosed quote in "${match[0]}" — ${COPY_EXACTLY}`,
        note: 'Keys are written in straight double quotes: {{t "blocks:key"}}.',
      });
    }
  }
  const block = unclosedBlock(source);
  if (block) {
    const closing = block.name.startsWith('/');
    return diagnosticAt(place, toLoc(source, block.offset), {
      rule: 'template-syntax',
      message: closing
        ? `"{{${block.name}}}" closes a block that was never opened — ${COPY_EXACTLY}`
        : `"{{#${block.name} …}}" is never closed with {{/${block.name}}} — ${COPY_EXACTLY}`,
    });
  }
  return parseErrorDiagnostic(error, place);
}

/** diagnosticAt takes a 0-based column, as Handlebars gives them. */
function toLoc(source: string, offset: number): { line: number; column: number } {
  const { line, column } = lineColumnOf(source, offset);
  return { line, column: column - 1 };
}
