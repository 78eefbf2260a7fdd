// registerLayoutMemo.mjs exports nothing: importing it installs the module hook.
export {};
