/**
 * The deepest nesting of `{…}` and `[…]` in JSON or YAML text, found in one linear pass
 * without parsing, so that text nested thousands deep is refused before a recursive parser
 * runs out of stack. Brackets inside quoted strings (and YAML comments) do not count.
 */
export function bracketDepth(text: string, syntax: 'json' | 'yaml'): { depth: number; offset: number } {
  let depth = 0;
  let deepest = 0;
  let deepestAt = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"' && (syntax === 'json' || startsYamlScalar(text, index))) {
      index = endOfDoubleQuoted(text, index);
    } else if (char === "'" && syntax === 'yaml' && startsYamlScalar(text, index)) {
      index = endOfSingleQuoted(text, index);
    } else if (char === '#' && syntax === 'yaml' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? text.length : newline;
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        deepestAt = index;
      }
    } else if ((char === '}' || char === ']') && depth > 0) {
      depth -= 1;
    }
  }
  return { depth: deepest, offset: deepestAt };
}

function endOfDoubleQuoted(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return text.length;
}

function endOfSingleQuoted(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] !== "'") continue;
    if (text[index + 1] === "'") index += 1;
    else return index;
  }
  return text.length;
}

/** In YAML an apostrophe opens a quoted scalar only where a value starts, not inside a word ("don't"). */
const startsYamlScalar = (text: string, index: number): boolean => index === 0 || /[\s:,[{-]/.test(text[index - 1]!);
