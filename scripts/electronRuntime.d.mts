// Types of scripts/electronRuntime.mjs, for the Electron smoke test.
export function electronMissingReason(root?: string): string | null;
export function electronBinary(root?: string): string | null;
export function installElectron(root?: string): { ok: true } | { ok: false; reason: string };
export function buildSqliteForElectron(root?: string): string | null;
