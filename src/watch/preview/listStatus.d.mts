// Types of listStatus.mjs.
import type { RebuildStatus } from './previewState.ts';
export function clock(epochMs: number): string;
export function listStatusWords(status: RebuildStatus, failed: boolean, pages: number | undefined): string;
