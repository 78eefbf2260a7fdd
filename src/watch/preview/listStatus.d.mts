// Types of listStatus.mjs.
import type { RebuildStatus } from './previewState.ts';
export function clock(at: number): string;
export function listStatusWords(status: RebuildStatus, failed: boolean, pages: number | undefined): string;
