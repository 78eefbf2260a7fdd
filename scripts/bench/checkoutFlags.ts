import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node flags a checkout's `npm run <script>` starts node with (watch mode's young
 * generation, say: src/watch/watchHeap.ts), so a bench runs each checkout's code as that
 * checkout's command runs it. None for a checkout whose script has none.
 */
export function checkoutNodeFlags(root: string, script: 'build' | 'watch'): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts[script] ?? '').split(/\s+/);
  const entry = words.findIndex((word) => word.endsWith('leaflets.js'));
  return words[0] === 'node' && entry > 0 ? words.slice(1, entry).filter((word) => word.startsWith('--')) : [];
}
