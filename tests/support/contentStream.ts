/**
 * A small PDF content-stream tokenizer for tests: enough to follow marked-content nesting
 * and see which operators draw something. Strings, arrays, dictionaries and inline data are
 * skipped as operands; only operators are returned, with their operands' raw text.
 */
export interface ContentOperator {
  operator: string;
  operands: string[];
}

const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isWhite = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';

export function tokenizeContent(source: string): ContentOperator[] {
  const operators: ContentOperator[] = [];
  let operands: string[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    if (isWhite(c)) {
      i += 1;
    } else if (c === '%') {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (c === '(') {
      const start = i;
      let depth = 0;
      for (; i < n; i += 1) {
        const ch = source[i]!;
        if (ch === '\\') i += 1;
        else if (ch === '(') depth += 1;
        else if (ch === ')' && --depth === 0) break;
      }
      i += 1;
      operands.push(source.slice(start, i));
    } else if (c === '<' && source[i + 1] === '<') {
      const start = i;
      let depth = 0;
      for (; i < n; i += 1) {
        if (source.startsWith('<<', i)) {
          depth += 1;
          i += 1;
        } else if (source.startsWith('>>', i)) {
          depth -= 1;
          i += 1;
          if (depth === 0) break;
        }
      }
      i += 1;
      operands.push(source.slice(start, i));
    } else if (c === '<') {
      const end = source.indexOf('>', i);
      operands.push(source.slice(i, end + 1));
      i = end + 1;
    } else if (c === '[' || c === ']') {
      operands.push(c);
      i += 1;
    } else if (c === '/') {
      const start = i;
      i += 1;
      while (i < n && !isWhite(source[i]!) && !DELIMITERS.has(source[i]!)) i += 1;
      operands.push(source.slice(start, i));
    } else {
      const start = i;
      while (i < n && !isWhite(source[i]!) && !DELIMITERS.has(source[i]!)) i += 1;
      if (i === start) {
        i += 1;
        continue;
      }
      const token = source.slice(start, i);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token) || token === 'true' || token === 'false' || token === 'null') {
        operands.push(token);
      } else {
        operators.push({ operator: token, operands });
        operands = [];
      }
    }
  }
  return operators;
}
