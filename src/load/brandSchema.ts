import { z } from 'zod';
import { limitsSchema } from './limits.ts';
import { linkProblem } from './linkPolicy.ts';

/** A web address that may become a link (https or http only; see linkPolicy.ts). */
const webAddress = z.url().superRefine((url, context) => {
  const problem = linkProblem(url, { web: true });
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** Where a pattern such as `/leaflets/{locale}/{id}` leads, relative to a website. */
function patternProblem(pattern: string): string | undefined {
  const sample = pattern.replaceAll('{locale}', 'en-GB').replaceAll('{id}', 'leaflet');
  if (/^[a-z][a-z0-9+.-]*:/i.test(sample)) return linkProblem(sample, { web: true });
  if (/^[\\/]{2}/.test(sample)) return 'Write an address on another website in full, starting https://';
  return undefined;
}

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour written as #rrggbb');

const fontFace = z.strictObject({
  /** Path to a TTF/OTF file, relative to the brand file, or `npm:<package>/<file>`. */
  regular: z.string(),
  bold: z.string(),
  italic: z.string().optional(),
  boldItalic: z.string().optional(),
});

export const brandSchema = z.strictObject({
  charityName: z.string().min(1),
  /** Logo image (PNG or JPEG), relative to the brand file. */
  logo: z.strictObject({ path: z.string(), alt: z.string().min(1) }),
  /** Website base URL, e.g. https://www.alopecia.org.uk */
  website: webAddress,
  /**
   * Where each leaflet lives online, for the QR code; `{locale}` and `{id}` are filled in.
   * Relative to `website` unless absolute.
   */
  leafletUrlPattern: z
    .string()
    .includes('{id}')
    .superRefine((pattern, context) => {
      const problem = patternProblem(pattern);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  /** Where the output folder is published; defaults to the pattern's fixed part (`https://<website>/leaflets/`). */
  baseUrl: webAddress.optional(),
  colours: z.strictObject({
    text: hexColour,
    background: hexColour,
    primary: hexColour,
    onPrimary: hexColour,
    accent: hexColour,
    calloutBackground: hexColour,
    calloutBorder: hexColour,
    muted: hexColour,
  }),
  fonts: z.strictObject({
    body: fontFace,
    /** Per-script fallbacks for characters the body font lacks, tried in order. */
    fallbacks: z.array(z.strictObject({ name: z.string(), face: fontFace })).default([]),
  }),
  /**
   * Contact details printed on the back page. Only confirmed values belong here:
   * never invent a phone number, address or charity number.
   */
  contact: z
    .strictObject({
      /** Printed as written; a link to it gets https:// when it has no scheme. */
      website: z
        .string()
        .refine((site) => !/^[a-z][a-z0-9+.-]*:/i.test(site) || linkProblem(site, { web: true }) === undefined, 'Use a web address (https or http)')
        .optional(),
      email: z.email().optional(),
      phone: z.string().optional(),
      address: z.string().optional(),
      charityNumber: z.string().optional(),
    })
    .default({}),
  /** Sizes and depths the build accepts (see limits.ts); defaults suit any real leaflet. */
  limits: limitsSchema.prefault({}),
  /**
   * Where readers send comments on a leaflet (printed on the back page). Only a confirmed page
   * or address; left out, the back page sends readers to the website.
   */
  feedback: z.strictObject({ url: webAddress.optional(), email: z.email().optional() }).optional(),
});

export type Brand = z.infer<typeof brandSchema>;
