import { BoundedMemo } from './boundedMemo.ts';

export interface PathContext {
  addContent(data: string): PathContext;
  path(data: string): PathContext;
}

/** Operators of SVG path data, one line each, as pdfkit writes them. */
const pathOperators = new BoundedMemo<string[]>(100);

/**
 * pdfkit 0.20's `path(d)`: its SVG path runner resets its own position before each path and
 * writes only moveTo, lineTo, curve and closePath operators, so the operators depend on `d`
 * alone. The first time they are caught as pdfkit writes them; after that the same lines are
 * written again, one call each (the tagging pass reads each operator as it is written).
 */
export function installPathMemo(doc: PathContext): void {
  const path = doc.path;
  doc.path = function rememberedPath(this: PathContext, data: string): PathContext {
    let operators = pathOperators.get(data);
    if (operators === undefined) {
      const written: string[] = [];
      const addContent = this.addContent;
      this.addContent = function collect(this: PathContext, line: string) {
        written.push(line);
        return this;
      };
      try {
        path.call(this, data);
      } finally {
        // Assigned back even where it was the prototype's: `delete` would turn the document
        // into a dictionary-mode object (perf/keptShapes.ts).
        this.addContent = addContent;
      }
      operators = written;
      pathOperators.set(data, operators);
    }
    for (const operator of operators) this.addContent(operator);
    return this;
  };
}

/** Forgets every path's operators (the render bench's fresh scenario, tests). */
export const clearPathOperators = (): void => pathOperators.clear();
