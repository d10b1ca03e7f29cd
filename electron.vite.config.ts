// electron-vite: main and preload bundled for Node in Electron, the renderer exactly as `vite.renderer.config.ts` builds it.
import { defineConfig } from 'electron-vite';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { rendererConfig } from './vite.renderer.config';

/** The SQL migrations are read at run time, so they travel beside the main bundle. */
function copyMigrations() {
  return {
    name: 'tiecheck-copy-migrations',
    closeBundle() {
      cpSync(resolve(import.meta.dirname, 'electron/engine/db/migrations'), resolve(import.meta.dirname, 'out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/main/index.ts'), importWorker: resolve(import.meta.dirname, 'electron/engine/jobs/importWorker.ts'), parseWorker: resolve(import.meta.dirname, 'electron/engine/imports/parseWorker.ts'), threadScanWorker: resolve(import.meta.dirname, 'electron/engine/audit/threadScanWorker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    build: { ...rendererConfig.build, rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') } },
  },
});
