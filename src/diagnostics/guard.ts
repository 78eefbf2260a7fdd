import { diagnostic, type Diagnostic } from './diagnostic.ts';

const HINT = 'This is a fault in leaflets or a library it uses, not only in the file: the other leaflets were built. Run with --verbose for the stack trace and report it.';

/**
 * An unexpected exception while working on one file, as a diagnostic naming that file (and
 * line, where the caller knows it): rule `internal-error`, a one-line message and hint; the
 * stack is kept for `--verbose` only.
 */
export function internalErrorDiagnostic(error: unknown, place: { file: string; line?: number }, doing: string, source = 'build'): Diagnostic {
  const failure = error instanceof Error ? error : new Error(String(error));
  const firstLine = (failure.message.split('\n')[0] ?? '').slice(0, 200) || failure.name;
  return diagnostic({
    file: place.file,
    ...(place.line === undefined ? {} : { line: place.line }),
    rule: 'internal-error',
    source,
    message: `Internal error while ${doing}: ${firstLine}`,
    note: HINT,
    ...(failure.stack ? { stack: failure.stack } : {}),
  });
}

/**
 * One guard around every stage of one file: the stage's result, or undefined after its
 * exception was turned into a diagnostic (pushed to `into`).
 */
export async function guarded<T>(
  work: () => T | Promise<T>,
  into: Diagnostic[],
  place: { file: string; line?: number },
  doing: string,
  source?: string,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    into.push(internalErrorDiagnostic(error, place, doing, source));
    return undefined;
  }
}
