import { loadProject, sourceOf } from '../../src/build/project.ts';
import { fontStoreFor } from '../../src/build/renderSession.ts';
import { leafletUrl } from '../../src/build/leafletUrl.ts';
import { compileLeaflet } from '../../src/compile/compileLeaflet.ts';
import { EDITIONS } from '../../src/render/editions.ts';
import type { RenderInput } from '../../src/render/renderLeaflet.tsx';

/** Each English leaflet of the project in this folder, compiled, as the render input of its A5 edition. */
export async function englishA5Inputs(): Promise<Array<{ id: string; input: RenderInput }>> {
  const project = await loadProject(process.cwd());
  const brand = project.brand!;
  const fontStore = fontStoreFor(brand);
  const inputs: Array<{ id: string; input: RenderInput }> = [];
  for (const source of project.sources.filter((s) => s.locale === 'en-GB')) {
    const { leaflet } = compileLeaflet({ root: project.root, source, brand, i18n: project.i18n, sourceLeaflet: sourceOf(project, source.id), templates: project.templates });
    if (!leaflet) continue;
    inputs.push({ id: source.id, input: { leaflet, brand, edition: EDITIONS.a5, fontStore, leafletUrl: leafletUrl(brand, source.locale, source.id) } });
  }
  return inputs;
}
