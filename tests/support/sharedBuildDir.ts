import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's shared build of the real project lives (tests/support/sharedBuild.ts). */
    sharedBuildDir: string;
  }
}

/**
 * Gives the test run a folder for its one shared build of the real project. The build itself
 * happens when a test first asks for it, so a run of a few test files that never do pays nothing.
 */
export default function provideSharedBuildDir(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'leaflets-shared-build-'));
  project.provide('sharedBuildDir', dir);
  return () => {
    // One build per state of the inputs the run saw (tests/support/sharedBuild.ts).
    for (const key of readdirSync(dir)) {
      try {
        const { root } = JSON.parse(readFileSync(path.join(dir, key, 'build.json'), 'utf8')) as { root: string };
        if (root) rmSync(root, { recursive: true, force: true });
      } catch {
        // A build that never finished.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
