import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { wcagContrast } from 'culori';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedBrand } from '../load/brand.ts';
import { parsePositionedYaml, placeOfPath } from '../load/yamlDiagnostics.ts';
import type { Edition } from '../render/editions.ts';
import { buildStyles, colourPairs } from '../render/styles.ts';

/** WCAG 2.2 AA for normal-size text. */
export const MIN_CONTRAST = 4.5;
/** UK clear print guidance: 12 pt minimum in standard print. */
export const MIN_BODY_SIZE = 12;

/**
 * Accessibility checks on the brand and on the styles each edition actually draws with:
 * contrast of every text colour pair, the smallest text size, and justified text.
 */
export async function lintBrandAndStyles(root: string, brand: LoadedBrand, editions: Edition[]): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const text = await readFile(path.join(root, brand.file), 'utf8').catch(() => '');
  const yaml = parsePositionedYaml(text);
  const colourNames = Object.entries(brand.colours);
  const placeOfColour = (hex: string) => {
    const name = colourNames.find(([, value]) => value === hex)?.[0];
    return name ? placeOfPath(yaml, ['colours', name]) : undefined;
  };

  for (const pair of colourPairs(brand.colours)) {
    const ratio = wcagContrast(pair.foreground, pair.background);
    if (ratio >= MIN_CONTRAST) continue;
    diagnostics.push(
      diagnostic({
        file: brand.file,
        ...placeOfColour(pair.foreground),
        rule: 'contrast',
        source: 'lint',
        message: `Colour contrast ${ratio.toFixed(2)}:1 for ${pair.name} (${pair.foreground} on ${pair.background}) is below ${MIN_CONTRAST}:1`,
        note: 'Choose a darker text colour or a lighter background (WCAG 2.2 AA).',
      }),
    );
  }

  for (const edition of editions) {
    const minimum = Math.max(MIN_BODY_SIZE, edition.minTextSize);
    for (const [name, style] of Object.entries(buildStyles(brand.colours, edition))) {
      const { fontSize, textAlign } = style as { fontSize?: number; textAlign?: string };
      if (fontSize !== undefined && fontSize < minimum) {
        diagnostics.push(
          diagnostic({
            file: brand.file,
            rule: 'min-text-size',
            source: 'lint',
            message: `Style "${name}" in the ${edition.id} edition uses ${fontSize} pt text, below the ${minimum} pt minimum`,
          }),
        );
      }
      if (textAlign === 'justify') {
        diagnostics.push(
          diagnostic({
            file: brand.file,
            severity: 'warning',
            rule: 'justified-text',
            source: 'lint',
            message: `Style "${name}" in the ${edition.id} edition is justified; use left-aligned, ragged-right text`,
          }),
        );
      }
    }
  }
  return diagnostics;
}
