// Types of scripts/uiBundle.mjs, for the first-run test.
export function uiBuildReason(root?: string): 'missing' | 'stale' | null;
export function buildUi(root?: string): boolean;
export function ensureUi(root?: string): boolean;
