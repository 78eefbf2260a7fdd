/** What a call gives: its result, or the kind of error it threw (to compare a quicker form with the original, failures included). */
export function outcome(run: () => unknown): { result: unknown } | { threw: string } {
  try {
    return { result: run() };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}
