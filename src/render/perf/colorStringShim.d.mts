// Types of colorStringShim.mjs.
import type colorString from 'color-string';
declare const shim: typeof colorString;
export default shim;
