import { z } from 'zod';

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
  website: z.url(),
  /**
   * Where each leaflet lives online, for the QR code; `{locale}` and `{id}` are filled in.
   * Relative to `website` unless absolute.
   */
  leafletUrlPattern: z.string().includes('{id}'),
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
      website: z.string().optional(),
      email: z.email().optional(),
      phone: z.string().optional(),
      address: z.string().optional(),
      charityNumber: z.string().optional(),
    })
    .default({}),
  /**
   * Where readers send comments on a leaflet (printed on the back page). Only a confirmed page
   * or address; left out, the back page sends readers to the website.
   */
  feedback: z.strictObject({ url: z.url().optional(), email: z.email().optional() }).optional(),
});

export type Brand = z.infer<typeof brandSchema>;
