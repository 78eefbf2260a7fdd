import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/sampleLeaflet.ts';

const NODE_MODULES = path.join(PROJECT_ROOT, 'node_modules');
const versionAt = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/** Every installed copy of a package: the top-level one and any nested under @react-pdf packages. */
function installedVersions(name: string): string[] {
  const nested = readdirSync(path.join(NODE_MODULES, '@react-pdf'))
    .map((pkg) => path.join(NODE_MODULES, '@react-pdf', pkg, 'node_modules', name))
    .filter((dir) => {
      try {
        return readdirSync(dir).includes('package.json');
      } catch {
        return false;
      }
    });
  return [path.join(NODE_MODULES, name), ...nested].map(versionAt);
}

/**
 * The render speed-ups wrap textkit's layout engine (src/render/perf/textkitShim.mjs), fontkit's
 * shaping (shapingCache.ts) and pdfkit's font and stream internals (perf/pdfkitFastPaths.ts).
 * The tagging pass drives @react-pdf/render's `render` node by node and intercepts pdfkit's
 * content operators; pagination reads @react-pdf/layout's laid-out boxes and textkit's lines
 * (src/render/pagination). All are internals. A silent upgrade could leave content untagged or
 * pages cut wrongly, so the versions are pinned (dependencies + overrides) and this test fails
 * loudly if they drift.
 */
describe('pinned renderer versions', () => {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    overrides: Record<string, string>;
  };
  it.each(['@react-pdf/renderer', '@react-pdf/render', '@react-pdf/layout', '@react-pdf/textkit', '@react-pdf/stylesheet', 'pdfkit', 'fontkit'])('%s is installed at the exact pinned version', (name) => {
    const pinned = pkg.overrides[name] ?? pkg.dependencies[name];
    expect(pinned, `${name} must be pinned to an exact version`).toMatch(/^\d+\.\d+\.\d+$/);
    for (const version of installedVersions(name)) {
      expect(version, `${name} drifted: re-run the tagging, pagination, layout memo and draw tests against the new version before changing the pin`).toBe(pinned);
    }
  });
});
