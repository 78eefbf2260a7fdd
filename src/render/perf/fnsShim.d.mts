// Types of fnsShim.mjs: the fns package's own.
export * from '@react-pdf/fns';
