import { Path, Svg } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import { semantic } from '../semantics.ts';

/** Light modules around the symbol that scanners need to find it (ISO/IEC 18004). */
export const QUIET_ZONE_MODULES = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  isDark(row: number, column: number): boolean;
}

/** The QR symbol for a URL, error correction level M (about 15% damage tolerated). */
export function qrMatrix(url: string): QrMatrix {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/**
 * All dark modules as one SVG path in module units, the quiet zone included in the offset.
 * Each horizontal run of dark modules in a row becomes one rectangle (`M x y h w v 1 h -w z`),
 * which keeps the path, and so the PDF, small.
 */
export function qrPathData(matrix: QrMatrix, quietZone = QUIET_ZONE_MODULES): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row += 1) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column += 1;
      const width = column - start;
      parts.push(`M${start + quietZone} ${row + quietZone}h${width}v1h${-width}z`);
    }
  }
  return parts.join('');
}

interface QrCodeProps {
  url: string;
  /** Alt text saying where the code leads. */
  alt: string;
  /** Width and height in points, quiet zone included. */
  size: number;
  /** Dark module colour; light modules are the page (white) behind. */
  colour?: string;
}

/**
 * A QR code drawn as vector paths (sharp at any print resolution), tagged as one Figure:
 * the tagging pass marks paths inside a Figure as its content, not as artifacts.
 */
/** Symbols by URL: every render of a leaflet draws the same one (a few ms of CPU each). */
const symbols = new Map<string, { size: number; pathData: string }>();
const MAX_SYMBOLS = 256;

function qrSymbol(url: string): { size: number; pathData: string } {
  let symbol = symbols.get(url);
  if (!symbol) {
    const matrix = qrMatrix(url);
    symbol = { size: matrix.size, pathData: qrPathData(matrix) };
    if (symbols.size >= MAX_SYMBOLS) symbols.delete(symbols.keys().next().value!);
    symbols.set(url, symbol);
  }
  return symbol;
}

export function QrCode({ url, alt, size, colour = '#000000' }: QrCodeProps) {
  const symbol = qrSymbol(url);
  const modules = symbol.size + 2 * QUIET_ZONE_MODULES;
  return (
    <Svg
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      style={{ flexShrink: 0, backgroundColor: '#ffffff' }}
      {...semantic({ role: 'Figure', key: 'back-qr', alt })}
    >
      <Path d={symbol.pathData} fill={colour} />
    </Svg>
  );
}
