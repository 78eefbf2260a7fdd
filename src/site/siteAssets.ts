import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { writeFileAtomic } from '../emit/atomicWrite.ts';
import { sha256Of } from '../emit/manifest.ts';
import { siteStyles, type WebFont } from '../html/siteStyles.ts';
import type { LoadedBrand } from '../load/brand.ts';
import type { SharedAssets } from './siteContext.ts';
import { HASH_CHARS } from './siteLayout.ts';

export const ASSETS_DIR = 'assets';

/** Every asset's name carries its content hash, so a cache can keep it for ever. */
const hashedName = (stem: string, bytes: Uint8Array, extension: string) => `${stem}.${sha256Of(bytes).slice(0, HASH_CHARS)}${extension.toLowerCase()}`;

/** Writes assets into `output/assets/`, remembering each path so stale ones can be removed. */
export class AssetWriter {
  readonly written = new Set<string>();
  private readonly images = new Map<string, Promise<string>>();

  constructor(private readonly outDir: string) {}

  async write(relative: string, bytes: Uint8Array): Promise<string> {
    await writeFileAtomic(path.join(this.outDir, ...relative.split('/')), bytes);
    this.written.add(relative);
    return relative;
  }

  /** A leaflet's image, copied once however many pages show it. */
  image(absolutePath: string): Promise<string> {
    let copied = this.images.get(absolutePath);
    if (!copied) {
      copied = readFile(absolutePath).then((bytes) =>
        this.write(`${ASSETS_DIR}/images/${sha256Of(bytes).slice(0, HASH_CHARS)}${path.extname(absolutePath).toLowerCase()}`, bytes),
      );
      this.images.set(absolutePath, copied);
    }
    return copied;
  }
}

const FONT_FORMATS: Record<string, WebFont['format']> = { '.ttf': 'truetype', '.otf': 'opentype', '.woff2': 'woff2' };

/** The files of one brand's shared assets, read once while the loaded brand lives (watch mode keeps it). */
const sharedAssetFiles = new WeakMap<LoadedBrand, Promise<{ files: Array<[string, Uint8Array]>; shared: SharedAssets }>>();

/**
 * Copies the brand's logo and body font (every face it has) into `output/assets/` and writes
 * the stylesheet that uses them: the site shows the same branding as the leaflets, with no
 * requests to anywhere else.
 */
export async function writeSharedAssets(assets: AssetWriter, brand: LoadedBrand): Promise<SharedAssets> {
  let prepared = sharedAssetFiles.get(brand);
  if (!prepared) {
    const files = new AssetCollector();
    prepared = prepareSharedAssets(files, brand).then((shared) => ({ files: files.files, shared }));
    sharedAssetFiles.set(brand, prepared);
    prepared.catch(() => sharedAssetFiles.delete(brand));
  }
  const { files, shared } = await prepared;
  for (const [relative, bytes] of files) await assets.write(relative, bytes);
  return shared;
}

/** Collects files instead of writing them, so they can be written again on every site update. */
class AssetCollector {
  readonly files: Array<[string, Uint8Array]> = [];

  async write(relative: string, bytes: Uint8Array): Promise<string> {
    this.files.push([relative, bytes]);
    return relative;
  }

  async copy(from: string, folder: string, stem: string): Promise<{ path: string; bytes: Buffer }> {
    const bytes = await readFile(from);
    return { path: await this.write(`${folder}/${hashedName(stem, bytes, path.extname(from))}`, bytes), bytes };
  }
}

/** The logo is shown 3.5rem (56 px) high. */
async function prepareSharedAssets(assets: AssetCollector, brand: LoadedBrand): Promise<SharedAssets> {
  const logo = await assets.copy(brand.resolved.logo, ASSETS_DIR, 'logo');
  const image = await loadImage(logo.bytes);
  const height = 56;
  const width = Math.round((image.width * height) / image.height);
  const { regular, bold, italic, boldItalic } = brand.resolved.fonts.body;
  const faces: Array<[string | undefined, string, WebFont['weight'], WebFont['style']]> = [
    [regular, 'body-regular', 400, 'normal'],
    [bold, 'body-bold', 700, 'normal'],
    [italic, 'body-italic', 400, 'italic'],
    [boldItalic, 'body-bold-italic', 700, 'italic'],
  ];
  const fonts: WebFont[] = [];
  for (const [file, stem, weight, style] of faces) {
    const format = file ? FONT_FORMATS[path.extname(file).toLowerCase()] : undefined;
    if (!file || !format) continue;
    const copied = await assets.copy(file, `${ASSETS_DIR}/fonts`, stem);
    fonts.push({ url: path.posix.relative(ASSETS_DIR, copied.path), format, weight, style });
  }
  const css = Buffer.from(siteStyles(brand.colours, fonts));
  const stylesheet = await assets.write(`${ASSETS_DIR}/${hashedName('site', css, '.css')}`, css);
  return { stylesheet, logo: { path: logo.path, width, height } };
}
