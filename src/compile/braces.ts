/**
 * Mistakes translators make with `{{ … }}`: a brace dropped or added. Handlebars either fails
 * with a parser dump or, for a stray `}}`, prints it as text; i18next prints `{{name}` as is.
 */
export interface BraceProblem {
  kind: 'unclosed' | 'unopened';
  /** Offset of the `{{` (unclosed) or `}}` (unopened) in the text. */
  offset: number;
  /** The expression as written, e.g. `{{language}`. */
  text: string;
}

const UNCLOSED_TEXT = /^\{\{[^{}\n]*\}?/;
const UNOPENED_TEXT = /\{?[^{}\n]*\}\}$/;

/** Every `{{` without its `}}` (before the next `{{`) and every `}}` without a `{{`, in order. */
export function braceProblems(text: string): BraceProblem[] {
  const problems: BraceProblem[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const close = text.indexOf('}}', at);
    if (open === -1 && close === -1) break;
    if (open === -1 || (close !== -1 && close < open)) {
      problems.push({ kind: 'unopened', offset: close, text: UNOPENED_TEXT.exec(text.slice(Math.max(0, close - 60), close + 2))?.[0] ?? '}}' });
      at = close + 2;
      continue;
    }
    const nextClose = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', text[open + 2] === '{' ? open + 3 : open + 2);
    if (nextClose === -1 || (nextOpen !== -1 && nextOpen < nextClose)) {
      problems.push({ kind: 'unclosed', offset: open, text: UNCLOSED_TEXT.exec(text.slice(open, open + 80))![0] });
      at = open + 2;
      continue;
    }
    // `{{{raw}}}` closes with three braces.
    at = nextClose + (text[nextClose + 2] === '}' ? 3 : 2);
  }
  return problems;
}

/** The line and column (1-based) of an offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Curly quotes a word processor put where the template needs straight ones (`{{t “key”}}`). */
export const CURLY_QUOTES = /[“”„‟‘’‚‛«»]/;

export const COPY_EXACTLY = 'copy everything in {{ }} exactly as it is in the English';

/** The translator's wording of a brace problem. */
export function braceMessage(problem: BraceProblem): string {
  return problem.kind === 'unclosed'
    ? `Unclosed {{ … }}: "${problem.text}" has no closing }} — ${COPY_EXACTLY}`
    : `Unopened {{ … }}: "${problem.text}" has no opening {{ — ${COPY_EXACTLY}`;
}
