// Types of stylesheetShim.mjs: the stylesheet package's own.
export * from '@react-pdf/stylesheet';
export { default } from '@react-pdf/stylesheet';
