// What src/ looks like now (file count, total size, newest change), to tell whether dist/ was
// compiled from it, and which files are the tool's sources (the build cache's key hashes them).
// Plain JavaScript: bin/leaflets.js and scripts/compile.mjs run it before anything is compiled.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function sourceState(srcDir) {
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).sort();
  let count = 0;
  let bytes = 0;
  let newestMs = 0;
  const regular = [];
  for (const file of files) {
    // Notes beside the code (a folder's README) are not compiled: editing one keeps dist/.
    if (file.endsWith('.md')) continue;
    const info = statSync(path.join(srcDir, file));
    if (!info.isFile()) continue;
    regular.push(file);
    count += 1;
    bytes += info.size;
    newestMs = Math.max(newestMs, info.mtimeMs);
  }
  return { files: regular, count, bytes, newestMs };
}
