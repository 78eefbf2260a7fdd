import type { Node } from 'mdast';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.ts';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.ts';
import { diskFiles, type ProjectFiles } from '../load/projectFiles.ts';
import type { SourcePosition } from './model.ts';

/** Shared state while turning one leaflet's mdast into the model. */
export class MarkdownContext {
  readonly diagnostics: Diagnostic[] = [];
  private keyCount = 0;

  constructor(
    /** Project-relative Markdown file, for diagnostics. */
    readonly file: string,
    /** Absolute project root; images must live under it. */
    readonly root: string,
    /** Absolute directory of the Markdown file; relative image paths start here. */
    readonly markdownDir: string,
    /** File line of each Markdown line (index 0 = line 1). */
    private readonly lineMap: readonly number[],
    /** How images are looked up (the build's project store records them as this leaflet's inputs). */
    readonly files: ProjectFiles = diskFiles,
    readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  /** `b1`, `b2`, ... in document order: stable for the same input. */
  nextKey(): string {
    this.keyCount += 1;
    return `b${this.keyCount}`;
  }

  fileLine(markdownLine: number): number {
    return this.lineMap[markdownLine - 1] ?? (this.lineMap.at(-1) ?? 0) + markdownLine - this.lineMap.length;
  }

  positionOf(node: Node): SourcePosition | undefined {
    const start = node.position?.start;
    return start ? { line: this.fileLine(start.line), column: start.column } : undefined;
  }

  report(node: Node | { line: number; column: number }, severity: Severity, rule: string, message: string, note?: string): void {
    const position = 'line' in node ? { line: this.fileLine(node.line), column: node.column } : this.positionOf(node);
    this.diagnostics.push(
      diagnostic({
        file: this.file,
        ...position,
        severity,
        rule,
        source: 'compile',
        message,
        ...(note === undefined ? {} : { note }),
      }),
    );
  }
}
