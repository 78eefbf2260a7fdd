/**
 * Every problem the pipeline finds is a Diagnostic: plain data, like unified's vfile messages.
 * The CLI, watch mode, `--json` and the tests all read these objects; only the printer formats them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Project-relative path of the file at fault (content, locale, brand, template...). */
  file: string;
  /** 1-based line, when the problem has a place in the file. */
  line?: number;
  /** 1-based column. */
  column?: number;
  severity: Severity;
  /** Stable kebab-case rule id, e.g. `missing-alt`, `front-matter`, `missing-key`. */
  rule: string;
  /** Which pipeline stage reported it: load, compile, render, lint, emit, i18n. */
  source: string;
  /** One short sentence: what is wrong. */
  message: string;
  /** Optional: what to do about it. */
  note?: string;
  /** For `internal-error` only: where the code failed, printed with `--verbose`. */
  stack?: string;
}

export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'DiagnosticError';
  }
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

export function diagnostic(
  partial: Omit<Diagnostic, 'severity'> & { severity?: Severity },
): Diagnostic {
  return { severity: 'error', ...partial };
}
