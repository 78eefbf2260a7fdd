// pdfkit ships no types; the slice we use is typed in src/render/tagging/pdfkitTypes.ts.
declare module 'pdfkit' {
  const PDFDocument: new (options?: Record<string, unknown>) => unknown;
  export default PDFDocument;
}
