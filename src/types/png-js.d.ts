/** The part of `png-js` (pdfkit's PNG reader, pinned to pdfkit's version) the image tests reach. */
declare module 'png-js' {
  export default class PNG {
    decodePixels(done: (pixels: Uint8Array) => void): unknown;
  }
}
