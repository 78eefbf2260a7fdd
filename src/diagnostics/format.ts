import type { Diagnostic } from './diagnostic.ts';

/** `content/en-GB/support.md:12:3  error  Image has no alt text  missing-alt` */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const head = `${place}  ${d.severity}  ${d.message}  ${d.rule}`;
  return d.note ? `${head}\n    ${d.note}` : head;
}

/** As formatDiagnostic, plus the stack of an internal error (`--verbose`). */
export function formatDiagnosticVerbose(d: Diagnostic): string {
  const text = formatDiagnostic(d);
  return d.stack ? `${text}\n${d.stack.replace(/^/gm, '    ')}` : text;
}
