import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Image } from 'mdast';
import { checkProjectImage } from '../load/imageFile.ts';
import type { MarkdownContext } from './markdownContext.ts';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Checks an image and returns its absolute path, or undefined after reporting why it cannot
 * be used. Images are printed, so they must be local files inside the project: a relative
 * path starts at the Markdown file's folder, a path starting with `/` at the project root.
 * Alt text is required: it is the image's text for screen readers (PDF/UA). The file is checked
 * here, before layout, with links followed and by content (a whole PNG or JPEG within the size
 * limit), so a bad image fails the leaflet in every edition alike.
 */
export function resolveImage(node: Image, context: MarkdownContext): string | undefined {
  let usable = true;
  if (node.alt === null || node.alt === undefined || node.alt.trim() === '') {
    context.report(node, 'error', 'missing-alt', 'Image has no alt text', 'Describe the image in the brackets: ![what it shows](path).');
    usable = false;
  }
  const url = node.url.trim();
  if (url === '') {
    context.report(node, 'error', 'missing-image', 'Image has no path');
    return undefined;
  }
  if (HAS_SCHEME.test(url) || url.startsWith('//')) {
    context.report(node, 'error', 'remote-image', `Image must be a local file, not ${url}`, 'Save the image in the project and link to it by path.');
    return undefined;
  }
  let path: string;
  try {
    path = decodeURI(url.split(/[?#]/)[0] ?? url);
  } catch {
    path = url;
  }
  const absolute = path.startsWith('/') ? resolve(context.root, `.${path}`) : resolve(context.markdownDir, path);
  const inside = relative(context.root, absolute);
  if (inside.split(sep)[0] === '..' || isAbsolute(inside)) {
    context.report(node, 'error', 'image-outside-project', `Image path leaves the project: ${url}`);
    return undefined;
  }
  // Through the project store, so the image is recorded as one of this leaflet's inputs.
  context.files.isFile(absolute);
  const image = checkProjectImage(context.root, absolute, context.limits.imageFileSize);
  if (!image.ok) {
    const note = image.rule === 'missing-image' ? `Looked for ${inside.split(sep).join('/')}.` : image.note;
    context.report(node, 'error', image.rule, image.rule === 'missing-image' ? `Image file not found: ${url}` : image.message, note);
    return undefined;
  }
  // The real file, links followed: what was checked is what gets drawn.
  return usable ? image.realPath : undefined;
}
