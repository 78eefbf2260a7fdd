// Types of textkitShim.mjs: textkit's own.
export * from '@react-pdf/textkit';
export { default } from '@react-pdf/textkit';
