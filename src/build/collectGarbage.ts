import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, run when a long-lived watcher has nothing else to do. Rendering
 * allocates hundreds of megabytes per leaflet; without this V8 lets the heap (and RSS) drift
 * up for a long time before collecting, which looks like a leak from outside.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
