import type { Node } from 'mdast';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.ts';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.ts';
import { diskFiles, type ProjectFiles } from '../load/projectFiles.ts';
import type { CitedSource, SourcePosition } from './model.ts';
import { restoreCitations, type WrittenCitation } from './citations.ts';
import type { SourceIndex } from './sources.ts';

/** `<!-- clinical -->` or `<!-- not clinical -->`, and how many block keys were issued before it. */
export interface SectionMark {
  clinical: boolean;
  keysBefore: number;
  position?: SourcePosition;
}

/** Shared state while turning one leaflet's mdast into the model. */
export class MarkdownContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly sectionMarks: SectionMark[] = [];
  private keyCount = 0;
  /** Markdown lines before the piece whose nodes are being converted (their positions count from the piece's start). */
  private nodeLineOffset = 0;

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
    /** The citations the author wrote, in the order of their placeholders (see citations.ts). */
    readonly citations: readonly WrittenCitation[] = [],
    /** The leaflet's sources, for citations; without it every citation is an unknown key. */
    private readonly sources?: SourceIndex,
  ) {}

  /** The written text of any citation placeholders in a value that is not prose. */
  restore(value: string): string {
    return this.citations.length === 0 ? value : restoreCitations(value, this.citations);
  }

  /** Resolves one citation key, or reports it as unknown at `position`. */
  cite(key: string, position: SourcePosition): CitedSource | undefined {
    const cited = this.sources?.cite(key);
    if (cited) return cited;
    const known = this.sources?.keys ?? [];
    this.diagnostics.push(
      diagnostic({
        file: this.file,
        ...position,
        rule: 'unknown-source',
        source: 'compile',
        message: `Citation [@${key}] names no source: no entry in the front matter's sources has key "${key}"`,
        note: known.length > 0 ? `Add the source with key: ${key}, or cite one of: ${known.join(', ')}.` : `Add the source to sources with key: ${key}.`,
      }),
    );
    return undefined;
  }

  markSection(clinical: boolean, node: Node): void {
    const position = this.positionOf(node);
    this.sectionMarks.push({ clinical, keysBefore: this.keyCount, ...(position ? { position } : {}) });
  }

  /** `b1`, `b2`, ... in document order: stable for the same input. */
  nextKey(): string {
    this.keyCount += 1;
    return `b${this.keyCount}`;
  }

  /** Converts nodes parsed from a piece that starts after `linesBefore` lines of the Markdown. */
  fromLine<T>(linesBefore: number, convert: () => T): T {
    const outer = this.nodeLineOffset;
    this.nodeLineOffset = linesBefore;
    try {
      return convert();
    } finally {
      this.nodeLineOffset = outer;
    }
  }

  fileLine(markdownLine: number): number {
    return this.lineMap[markdownLine - 1] ?? (this.lineMap.at(-1) ?? 0) + markdownLine - this.lineMap.length;
  }

  positionOf(node: Node): SourcePosition | undefined {
    const start = node.position?.start;
    return start ? { line: this.fileLine(start.line + this.nodeLineOffset), column: start.column } : undefined;
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
