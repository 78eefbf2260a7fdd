import type { BuildReport } from '../build/buildProject.ts';
import type { ProjectSnapshot } from '../build/project.ts';
import { writeDownloadsSite } from '../site/writeSite.ts';

/**
 * Brings the website files (manifest, cover thumbnails, downloads page) up to date with the
 * PDFs on disk, once per rebuild rather than once per PDF. The result is a report with
 * diagnostics only, so it is printed like any other.
 */
export async function updateSite(outDir: string, project: ProjectSnapshot): Promise<BuildReport> {
  const started = performance.now();
  const { sources, brand, i18n } = project;
  const site = await writeDownloadsSite({ outDir, root: project.root, sources, ...(brand ? { brand } : {}), i18n, templates: project.templates });
  const ok = !site.diagnostics.some((d) => d.severity === 'error');
  return { outputs: [], diagnostics: site.diagnostics, readingEase: [], durationMs: performance.now() - started, ok };
}
