import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceState } from '../../src/build/sourceState.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Tests run the real command, which runs dist/ as users do. After an edit to src/, compile
 * again first, so the tests exercise the code being tested and not a stale copy of it.
 */
export default function compileDistWhenStale(): void {
  const stampFile = path.join(root, 'dist/.compiled.json');
  const now = sourceState(path.join(root, 'src'));
  const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { count: number; bytes: number; newestMs: number }) : undefined;
  if (stamp && stamp.count === now.count && stamp.bytes === now.bytes && now.newestMs <= stamp.newestMs) return;
  const compiled = spawnSync(process.execPath, [path.join(root, 'scripts/compile.mjs')], { stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error('compiling src/ to dist/ failed');
}
