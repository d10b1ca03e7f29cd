// Types of scripts/cliBundle.mjs, for the tests that build a bundle of their own.
export const projectRoot: string;
export function cliDir(root?: string): string;
export function cliIsStale(root?: string): boolean;
export function buildCli(opts?: { root?: string; quiet?: boolean }): Promise<{ built: boolean; ms: number }>;
export function engineWorkers(root?: string): Record<string, string>;
export function bundleOptions(opts: { root?: string; entryPoints: Record<string, string>; outdir: string; quiet?: boolean }): import('esbuild').BuildOptions & { metafile: true };
export function copyMigrations(root: string, outdir: string): string;
