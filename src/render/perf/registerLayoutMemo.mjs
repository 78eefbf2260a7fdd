// Installs reactPdfResolveHook.mjs (the layout memos' shims). Must run before anything imports @react-pdf/renderer or
// @react-pdf/layout (the process entry points call it first); a process that skips it renders
// the same bytes, only without the layout memos.
import { register } from 'node:module';

register('./reactPdfResolveHook.mjs', import.meta.url);
