import type { Brand } from '../load/brandSchema.ts';

/** What rendering needs from the brand: the validated brand plus resolved absolute file paths. */
export interface BrandForRender {
  brand: Brand;
  logoFile: string;
  fontFiles: {
    body: { regular: string; bold: string; italic?: string; boldItalic?: string };
  };
}
