// Installs textkitResolveHook.mjs. Must run before anything imports @react-pdf/renderer or
// @react-pdf/layout (the process entry points call it first); a process that skips it renders
// the same bytes, only without the text layout memo.
import { register } from 'node:module';

register('./textkitResolveHook.mjs', import.meta.url);
