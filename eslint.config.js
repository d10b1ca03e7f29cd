// Lint rules, including the layer boundaries of DESIGN §1: shared/ is pure, the renderer never reaches
// Node or the engine, and only electron/main and electron/preload import Electron.
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'better-sqlite3', 'jsdom', 'playwright-core'];
const restrict = (names, patterns, message) => ({
  'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', '.electron-abi/**', 'bench-data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: restrict([...node, 'electron', 'react', 'react-dom', 'recharts'], ['node:*', '**/electron/**', '**/renderer/**'], 'shared/ is pure: no Node, DOM, React or Electron'),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict([...node, 'electron'], ['node:*', '**/electron/**'], 'the renderer talks to the engine only through api.ts'),
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts', 'electron/serve/**/*.ts'],
    ignores: ['electron/engine/report/**'],
    rules: restrict(['electron'], ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], 'only electron/main and electron/preload import Electron; the engine does not import the UI'),
  },
  {
    // The one sanctioned crossing: the report is the renderer's React component rendered to static HTML.
    files: ['electron/engine/report/**/*.ts', 'electron/engine/report/**/*.tsx'],
    rules: restrict(['electron'], ['**/electron/main/**', '**/electron/preload/**'], 'the engine does not import Electron'),
  },
);
