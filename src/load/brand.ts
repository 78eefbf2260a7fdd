import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { brandSchema, type Brand } from './brandSchema.ts';
import { diskFiles, type ProjectFiles } from './projectFiles.ts';
import { parsePositionedYaml, placeOfPath, yamlSyntaxDiagnostics, zodIssueDiagnostics, type PositionedYaml } from './yamlDiagnostics.ts';

export const BRAND_FILE = 'templates/brand.yaml';

export interface ResolvedFontFace {
  regular: string;
  bold: string;
  italic?: string;
  boldItalic?: string;
}

/** The brand as written, plus absolute paths of the files it names (checked to exist). */
export interface LoadedBrand extends Brand {
  /** Project-relative path of the brand file. */
  file: string;
  resolved: {
    logo: string;
    fonts: {
      body: ResolvedFontFace;
      fallbacks: Array<{ name: string; face: ResolvedFontFace }>;
    };
  };
}

/** Directory of an installed npm package, found the way Node looks it up from the project root. */
function packageDirectory(root: string, packageName: string): string | undefined {
  const require = createRequire(join(root, 'package.json'));
  const searchPaths = require.resolve.paths(packageName) ?? [];
  return searchPaths.map((dir) => join(dir, packageName)).find((dir) => existsSync(join(dir, 'package.json')));
}

/** `npm:<package>/<file>` (scoped packages too) or a path relative to the brand file. */
function resolveAssetPath(root: string, brandDir: string, spec: string): string | undefined {
  if (!spec.startsWith('npm:')) return resolve(brandDir, spec);
  const parts = spec.slice('npm:'.length).split('/');
  const nameLength = parts[0]?.startsWith('@') ? 2 : 1;
  const dir = packageDirectory(root, parts.slice(0, nameLength).join('/'));
  return dir === undefined ? undefined : join(dir, ...parts.slice(nameLength));
}

class AssetResolver {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly root: string,
    private readonly yaml: PositionedYaml,
  ) {}

  resolve(spec: string, path: readonly PropertyKey[], what: string): string {
    const absolute = resolveAssetPath(this.root, join(this.root, dirname(BRAND_FILE)), spec);
    if (absolute === undefined || !existsSync(absolute)) {
      this.diagnostics.push(
        diagnostic({
          file: BRAND_FILE,
          ...placeOfPath(this.yaml, path),
          rule: 'missing-asset',
          source: 'load',
          message: `${what} file not found: ${spec}`,
          note: spec.startsWith('npm:')
            ? 'Check the package is installed and the file path inside it.'
            : 'Paths are relative to templates/.',
        }),
      );
    }
    return absolute ?? spec;
  }

  face(face: Brand['fonts']['body'], path: readonly PropertyKey[]): ResolvedFontFace {
    const resolved: ResolvedFontFace = {
      regular: this.resolve(face.regular, [...path, 'regular'], 'Font'),
      bold: this.resolve(face.bold, [...path, 'bold'], 'Font'),
    };
    if (face.italic !== undefined) resolved.italic = this.resolve(face.italic, [...path, 'italic'], 'Font');
    if (face.boldItalic !== undefined) {
      resolved.boldItalic = this.resolve(face.boldItalic, [...path, 'boldItalic'], 'Font');
    }
    return resolved;
  }
}

/** Reads and validates `templates/brand.yaml`; every problem is a diagnostic at its line. */
export async function loadBrand(root: string, files: ProjectFiles = diskFiles): Promise<{ brand?: LoadedBrand; diagnostics: Diagnostic[] }> {
  const context = { file: BRAND_FILE, source: 'load', rule: 'brand' };
  let text: string;
  try {
    text = await files.readText(join(root, BRAND_FILE));
  } catch {
    return {
      diagnostics: [diagnostic({ file: BRAND_FILE, rule: 'missing-file', source: 'load', message: 'Brand file not found' })],
    };
  }
  const yaml = parsePositionedYaml(text);
  const syntax = yamlSyntaxDiagnostics(yaml, context);
  if (syntax.length > 0) return { diagnostics: syntax };

  const parsed = brandSchema.safeParse(yaml.doc.toJS());
  if (!parsed.success) return { diagnostics: zodIssueDiagnostics(parsed.error.issues, yaml, context) };

  const brand = parsed.data;
  const assets = new AssetResolver(root, yaml);
  const resolved: LoadedBrand['resolved'] = {
    logo: assets.resolve(brand.logo.path, ['logo', 'path'], 'Logo'),
    fonts: {
      body: assets.face(brand.fonts.body, ['fonts', 'body']),
      fallbacks: brand.fonts.fallbacks.map((fallback, index) => ({
        name: fallback.name,
        face: assets.face(fallback.face, ['fonts', 'fallbacks', index, 'face']),
      })),
    },
  };
  if (assets.diagnostics.length > 0) return { diagnostics: assets.diagnostics };
  return { brand: { ...brand, file: BRAND_FILE, resolved }, diagnostics: [] };
}
