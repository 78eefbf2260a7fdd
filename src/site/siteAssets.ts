import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import type { LoadedBrand } from '../load/brand.ts';
import type { FontUrls } from './pageStyles.ts';

export const ASSETS_DIR = 'assets';

export interface SiteAssets {
  logo: string;
  fonts?: FontUrls;
}

async function copyInto(outDir: string, from: string, relative: string): Promise<string> {
  await writeFileAtomic(path.join(outDir, ...relative.split('/')), await readFile(from));
  return relative;
}

/**
 * Copies the brand's logo and body font (regular and bold, when TrueType/OpenType) into
 * `output/assets/`, so the page shows the same branding as the leaflets with no outside requests.
 */
export async function copySiteAssets(outDir: string, brand: LoadedBrand): Promise<SiteAssets> {
  const logo = await copyInto(outDir, brand.resolved.logo, `${ASSETS_DIR}/logo${path.extname(brand.resolved.logo).toLowerCase()}`);
  const { regular, bold } = brand.resolved.fonts.body;
  const webFont = (file: string) => /\.(ttf|otf)$/i.test(file);
  if (!webFont(regular) || !webFont(bold)) return { logo };
  const fonts = {
    regular: await copyInto(outDir, regular, `${ASSETS_DIR}/fonts/body-regular${path.extname(regular).toLowerCase()}`),
    bold: await copyInto(outDir, bold, `${ASSETS_DIR}/fonts/body-bold${path.extname(bold).toLowerCase()}`),
  };
  return { logo, fonts };
}
