/**
 * The young generation of the threads that render in watch mode. A render allocates megabytes
 * of objects that die within it (react-pdf's node trees, text runs, content stream text), and
 * each scavenge copies whatever of the render in progress is still alive; with V8's default
 * semi-space (16 MB) a warm process scavenges every few renders. At 64 MB the collector's
 * share of a warm render's profile is about halved (scripts/bench/README.md, Render), for
 * 25-165 MB more resident memory; the time from save to PDF, where a render now spends under
 * a millisecond less in the collector, measured the same. A one-shot build spends its time
 * warming up rather than re-rendering and measured no quicker with it, so `npm run build`
 * keeps V8's default and its memory. The watch process's main thread takes it as a Node flag (`npm run watch` carries it:
 * tests/watch/watchHeap.test.ts checks that it agrees with this number); its render worker
 * threads take it as a resource limit (V8's young generation is three semi-spaces).
 */
export const WATCH_SEMI_SPACE_MB = 64;

/** The Node flag that gives the watch process's main thread this young generation. */
export const WATCH_NODE_FLAG = `--max-semi-space-size=${WATCH_SEMI_SPACE_MB}`;

/** The resource limits that give a watch render worker thread the same young generation. */
export const watchWorkerLimits = { maxYoungGenerationSizeMb: 3 * WATCH_SEMI_SPACE_MB } as const;
