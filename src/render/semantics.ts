/**
 * Semantic roles that React components attach to react-pdf elements (as a `semantics` prop).
 * The prop survives layout untouched, so the tagging pass can build the structure tree from
 * the leaflet model's own roles instead of guessing from geometry.
 */
export type StructRole =
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Figure'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Note'
  | 'Sect'
  | 'Span';

export type ArtifactKind = 'Pagination' | 'Layout' | 'Background';

export type Semantics =
  | {
      role: StructRole;
      /** Stable id: both halves of a block split across pages map to one structure element. */
      key: string;
      alt?: string;
      /** BCP 47 tag, only where the element's language differs from the document's. */
      lang?: string;
      /** Plain text for the outline (headings only). */
      outline?: string;
      scope?: 'Column' | 'Row';
    }
  | { role: 'Artifact'; artifact: ArtifactKind };

export type StructSemantics = Extract<Semantics, { key: string }>;

/** Spread onto a react-pdf element: `<Text {...semantic({ role: 'P', key })}>`. */
export const semantic = (semantics: Semantics): Record<string, unknown> => ({ semantics });

export const isHeadingRole = (role: StructRole): role is 'H1' | 'H2' | 'H3' =>
  role === 'H1' || role === 'H2' || role === 'H3';
