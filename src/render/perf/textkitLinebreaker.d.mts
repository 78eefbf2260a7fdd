type LinebreakerFactory = (options: Record<string, unknown>) => (attributedString: unknown, availableWidths: number[]) => unknown[];

/** textkit's `linebreaker` engine factory in a quicker form giving the same lines. */
export function quickLinebreaker(linebreaker: LinebreakerFactory): LinebreakerFactory;
