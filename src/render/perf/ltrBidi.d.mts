type BidiEngine = (attributedString: { string: string; runs: Array<{ attributes: { direction?: string } }> }) => { string: string; runs: unknown[] };
export function ltrBidi(bidi: () => BidiEngine): () => BidiEngine;
