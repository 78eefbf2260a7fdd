/**
 * The objects of the last render, kept until the next render replaces them.
 *
 * Why: V8's optimized code refers weakly to the hidden classes ("maps") of the objects it has
 * seen (a pdfkit document, the tagging pass's marker). A render's objects all die when it ends,
 * and the next full collection then frees their maps and throws away every piece of optimized
 * code that refers to one ("marking dependent code ... reason: weak objects" under
 * `--trace-deopt`): about 90 functions at each full collection, compiled again over the next
 * renders. A later render builds objects of the same shapes, so keeping one set alive keeps
 * their maps and that code. Costs one render's document of memory per thread. (React's
 * reconciler is kept the same way by layoutTree.ts, which unmounts each laid-out tree only when
 * the next layout finishes.)
 */
const kept = new Map<string, unknown>();

/** Keeps `objects` alive until the next call with the same `slot`. */
export function keepUntilNextRender(slot: string, objects: unknown): void {
  kept.set(slot, objects);
}
