import jsQRModule from 'jsqr';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE_MODULES, qrMatrix, qrPathData } from '../../src/render/components/QrCode.tsx';
import type { EditionId } from '../../src/render/editions.ts';
import { rasterisePage } from '../support/rasterise.ts';
import { openPdf, structTree, walkStruct } from '../support/readPdf.ts';
import { SAMPLE_URL, renderSample } from '../support/renderSample.ts';

const MM = 72 / 25.4;
// jsqr is CommonJS typed as an ES module: to TypeScript the default import is the module
// object, at run time it is the function (which also carries itself as `.default`).
const jsQR = jsQRModule.default;

/** Reads the path data back into a module grid (quiet zone removed). */
function modulesFromPath(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const rectangles = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(rectangles.map((m) => m[0]).join('')).toBe(d);
  for (const [, x, y, width, back] of rectangles) {
    expect(back).toBe(width);
    for (let dx = 0; dx < Number(width); dx += 1) {
      const row = Number(y) - QUIET_ZONE_MODULES;
      const column = Number(x) + dx - QUIET_ZONE_MODULES;
      expect(grid[row]![column]).toBe(false);
      grid[row]![column] = true;
    }
  }
  return grid;
}

describe('QR code path', () => {
  it.each([SAMPLE_URL, 'https://www.alopecia.org.uk/leaflets/cy/jak-inhibitors', 'https://example.org/a'])(
    'draws exactly the modules qrcode computes for %s, merged into row runs',
    (url) => {
      const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
      const d = qrPathData(qrMatrix(url));
      const grid = modulesFromPath(d, modules.size);
      let dark = 0;
      for (let row = 0; row < modules.size; row += 1) {
        for (let column = 0; column < modules.size; column += 1) {
          expect(grid[row]![column], `module ${row},${column}`).toBe(modules.get(row, column) === 1);
          if (grid[row]![column]) dark += 1;
        }
      }
      // Runs of dark modules share one rectangle: far fewer subpaths than dark modules.
      expect(d.match(/M/g)!.length).toBeLessThan(dark * 0.7);
    },
  );
});

interface BackPageLocation {
  page: number;
  /** Horizontal slice of the page (points) that holds the back page, for imposed sheets. */
  from?: number;
  to?: number;
}

async function decodeQr(edition: EditionId, where: (pageCount: number) => BackPageLocation) {
  const rendered = await renderSample(edition);
  const pdf = await openPdf(rendered.bytes);
  const location = where(pdf.numPages);
  const raster = await rasterisePage(pdf, location.page, 3);
  const from = Math.round((location.from ?? 0) * raster.scale);
  const to = Math.min(raster.width, Math.round((location.to ?? raster.width / raster.scale) * raster.scale));
  // Crop to the back page's half of an imposed sheet, so the code is found on the right page.
  const width = to - from;
  const cropped = new Uint8ClampedArray(width * raster.height * 4);
  for (let y = 0; y < raster.height; y += 1) {
    cropped.set(raster.data.subarray((y * raster.width + from) * 4, (y * raster.width + to) * 4), y * width * 4);
  }
  const code = jsQR(cropped, width, raster.height);
  const symbolModules = code ? code.version * 4 + 17 : 0;
  const symbolWidthPt = code
    ? Math.hypot(code.location.topRightCorner.x - code.location.topLeftCorner.x, code.location.topRightCorner.y - code.location.topLeftCorner.y) /
      raster.scale
    : 0;
  return { code, widthWithQuietZone: (symbolWidthPt * (symbolModules + 2 * QUIET_ZONE_MODULES)) / symbolModules, pdf };
}

describe('QR code on the back page', () => {
  it('decodes to the leaflet URL on the A5 back page and is at least 25 mm wide', async () => {
    const { code, widthWithQuietZone } = await decodeQr('a5', (n) => ({ page: n }));
    expect(code?.data).toBe(SAMPLE_URL);
    expect(widthWithQuietZone / MM).toBeGreaterThanOrEqual(25);
  });

  it.each<[EditionId, (n: number) => BackPageLocation]>([
    ['a4', (n) => ({ page: n })],
    ['large-print', (n) => ({ page: n })],
    // The back page is the left half of the first sheet's front.
    ['booklet', () => ({ page: 1, from: 0, to: 842 / 2 })],
    ['print-shop', (n) => ({ page: n })],
  ])('decodes to the leaflet URL in the %s edition', async (edition, where) => {
    const { code } = await decodeQr(edition, where);
    expect(code?.data).toBe(SAMPLE_URL);
  });

  it('is a vector Figure whose alt text gives the address, not an image or an artifact', async () => {
    const rendered = await renderSample('a5');
    const pdf = await openPdf(rendered.bytes);
    const tree = await structTree(pdf, pdf.numPages);
    const figures = [...walkStruct(tree!)].filter((node) => node.role === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual([`QR code: opens ${SAMPLE_URL}`]);
    // The figure owns marked content (its paths) on the page.
    expect(figures[0]!.children.some((child) => 'type' in child && child.type === 'content')).toBe(true);
    const operators = await (await pdf.getPage(pdf.numPages)).getOperatorList();
    expect(operators.fnArray).not.toContain(OPS.paintImageXObject);
    expect(operators.fnArray).not.toContain(OPS.paintInlineImageXObject);
  });
});
