import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Why a locale name, leaflet id or path was refused; the CLI prints it and exits 1. */
export class UnsafePathError extends Error {}

const LEAFLET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAMESPACE = /^[A-Za-z0-9_-]+$/;

/** A locale name as a folder name: a valid BCP 47 tag, nothing else (no `..`, no slashes). */
export function checkedLocale(locale: string): string {
  let valid = false;
  try {
    valid = /^[A-Za-z0-9-]+$/.test(locale) && Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    valid = false;
  }
  if (!valid) throw new UnsafePathError(`"${locale}" is not a language tag such as pl, cy or pt-BR`);
  return locale;
}

export function checkedLeafletId(id: string): string {
  if (!LEAFLET_ID.test(id)) throw new UnsafePathError(`"${id}" is not a leaflet id (lower-case words joined by hyphens)`);
  return id;
}

export function checkedNamespace(namespace: string): string {
  if (!NAMESPACE.test(namespace)) throw new UnsafePathError(`"${namespace}" is not a strings namespace such as common`);
  return namespace;
}

/** The real path of the deepest existing ancestor, so a symlinked folder cannot lead outside. */
function realExisting(target: string): string {
  let existing = target;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

/**
 * The one place the translator's commands turn a project-relative path into a file to read or
 * write: the result is inside the project root (after following symlinks), or it is refused.
 */
export function insideProject(root: string, relative: string): string {
  const realRoot = realExisting(path.resolve(root));
  const target = realExisting(path.resolve(root, relative));
  const fromRoot = path.relative(realRoot, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    throw new UnsafePathError(`${relative} is outside the project folder`);
  }
  return target;
}
