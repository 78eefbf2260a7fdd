import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { brandSchema, type Brand } from './brandSchema.ts';
import { fontProblem } from './fontFile.ts';
import { checkProjectImage } from './imageFile.ts';
import { BRAND_FILE_SIZE, DEFAULT_LIMITS } from './limits.ts';
import { checkProjectPath, diskFiles, readProjectText, type ProjectFiles } from './projectFiles.ts';
import {
  parsePositionedYaml,
  placeOfPath,
  yamlNestingDiagnostics,
  yamlSyntaxDiagnostics,
  yamlToJs,
  zodIssueDiagnostics,
  type PositionedYaml,
} from './yamlDiagnostics.ts';

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

const PACKAGE_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;

/** Directory of an installed npm package, found the way Node looks it up from the project root. */
function packageDirectory(root: string, packageName: string): string | undefined {
  if (!PACKAGE_NAME.test(packageName)) return undefined;
  const require = createRequire(join(root, 'package.json'));
  const searchPaths = require.resolve.paths(packageName) ?? [];
  return searchPaths.map((dir) => join(dir, packageName)).find((dir) => existsSync(join(dir, 'package.json')));
}

/**
 * `npm:<package>/<file>` (scoped packages too) or a path relative to the brand file. For npm
 * paths, `within` is the package's folder: the file must stay inside the package it names.
 */
function resolveAssetPath(root: string, brandDir: string, spec: string): { absolute?: string; within: string[] } {
  if (!spec.startsWith('npm:')) return { absolute: resolve(brandDir, spec), within: [root] };
  const parts = spec.slice('npm:'.length).split('/');
  const nameLength = parts[0]?.startsWith('@') ? 2 : 1;
  const dir = packageDirectory(root, parts.slice(0, nameLength).join('/'));
  return dir === undefined ? { within: [] } : { absolute: join(dir, ...parts.slice(nameLength)), within: [dir] };
}

class AssetResolver {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly root: string,
    private readonly yaml: PositionedYaml,
    private readonly maxImageBytes: number,
  ) {}

  private report(path: readonly PropertyKey[], rule: string, message: string, note?: string): void {
    this.diagnostics.push(
      diagnostic({ file: BRAND_FILE, ...placeOfPath(this.yaml, path), rule, source: 'load', message, ...(note === undefined ? {} : { note }) }),
    );
  }

  /**
   * The file a brand path names, checked: it exists, lies inside the project (an npm font inside
   * the project's node_modules) with links followed, and is what it claims to be (checked by content).
   */
  resolve(spec: string, path: readonly PropertyKey[], what: 'Logo' | 'Font'): string {
    const npm = spec.startsWith('npm:');
    const { absolute, within } = resolveAssetPath(this.root, join(this.root, dirname(BRAND_FILE)), spec);
    if (absolute === undefined || !existsSync(absolute)) {
      this.report(
        path,
        'missing-asset',
        `${what} file not found: ${spec}`,
        npm ? 'Check the package is installed and the file path inside it.' : 'Paths are relative to templates/.',
      );
      return absolute ?? spec;
    }
    const place = checkProjectPath(this.root, absolute, { name: spec, within });
    if (!place.ok) {
      const where = npm ? 'the npm package it names' : 'the project';
      this.report(path, place.rule, `${what} file ${spec} is outside ${where}`, place.rule === 'outside-project' ? `Put the ${what.toLowerCase()} file inside ${where}.` : place.message);
      return absolute;
    }
    if (what === 'Logo') {
      const image = checkProjectImage(this.root, absolute, this.maxImageBytes);
      if (!image.ok) this.report(path, image.rule, `Logo ${spec}: ${image.message}`, image.note);
    } else {
      const problem = fontProblem(place.realPath, place.bytes);
      if (problem) this.report(path, 'bad-font', `Font file ${spec} cannot be used: ${problem}`, 'Name a .ttf or .otf font file (or npm:<package>/<file>).');
    }
    return absolute;
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
  if (!files.isFile(join(root, BRAND_FILE))) {
    return {
      diagnostics: [diagnostic({ file: BRAND_FILE, rule: 'missing-file', source: 'load', message: 'Brand file not found' })],
    };
  }
  // The brand holds the limits, so its own reading uses the default ones.
  const read = readProjectText({ root, absolute: join(root, BRAND_FILE), maxBytes: BRAND_FILE_SIZE, what: 'brand file', source: 'load', files });
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const nesting = yamlNestingDiagnostics(read.text, context, DEFAULT_LIMITS);
  if (nesting.length > 0) return { diagnostics: nesting };
  const yaml = parsePositionedYaml(read.text);
  const syntax = yamlSyntaxDiagnostics(yaml, context);
  if (syntax.length > 0) return { diagnostics: syntax };
  const data = yamlToJs(yaml, context, DEFAULT_LIMITS);
  if (data.value === undefined && data.diagnostics.length > 0) return { diagnostics: data.diagnostics };

  const parsed = brandSchema.safeParse(data.value);
  if (!parsed.success) return { diagnostics: zodIssueDiagnostics(parsed.error.issues, yaml, context) };

  const brand = parsed.data;
  const assets = new AssetResolver(root, yaml, brand.limits.imageFileSize);
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
