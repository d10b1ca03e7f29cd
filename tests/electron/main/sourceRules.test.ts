// Checklist items that are about what the code never does: read straight from the sources of electron/main and
// electron/preload (and the builder config), so that a later change cannot bring them in unnoticed.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const sources = ['electron/main', 'electron/preload'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') })),
);

const FORBIDDEN: [RegExp, string][] = [
  [/nodeIntegration\w*\s*:\s*true/, 'Node.js integration in a renderer (checklist 2)'],
  [/contextIsolation\s*:\s*false/, 'context isolation off (3)'],
  [/sandbox\s*:\s*false|--no-sandbox|no-sandbox/, 'sandbox off (4)'],
  [/webSecurity\s*:\s*false|disable-web-security/, 'web security off (6)'],
  [/allowRunningInsecureContent\s*:\s*true/, 'insecure content (8)'],
  [/experimentalFeatures\s*:\s*true/, 'experimental features (9)'],
  [/enableBlinkFeatures/, 'extra Blink features (10)'],
  [/webviewTag\s*:\s*true|allowpopups/, 'webview / allowpopups (11, 12)'],
  [/loadFile\(|file:\/\/`|'file:\/\/|"file:\/\//, 'UI over file:// (18)'],
  [/setAsDefaultProtocolClient|registerFileProtocol|registerHttpProtocol/, 'an OS-level URL scheme or a legacy protocol API'],
  [/setProxy\(/, 'a proxy setting (every request is local)'],
  [/enableRemoteModule|@electron\/remote/, 'the remote module'],
  [/openDevTools\(/, 'devtools opened by code'],
  [/exposeInMainWorld\([^)]*ipcRenderer\b(?!\.)/, 'ipcRenderer exposed to the page (20)'],
  [/certificate-error|setCertificateVerifyProc/, 'certificate checks overridden'],
  [/ELECTRON_RUN_AS_NODE|child_process['"]\)\.fork|\bfork\(/, 'RunAsNode reliance (the fuse turns it off)'],
];

describe('electron/main and electron/preload never', () => {
  for (const [pattern, what] of FORBIDDEN) {
    it(`use ${what}`, () => {
      const hits = sources.filter((s) => pattern.test(s.text)).map((s) => s.file);
      expect(hits).toEqual([]);
    });
  }

  it('expose more than one key to the page', () => {
    const exposed = sources.flatMap((s) => [...s.text.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1]));
    expect(exposed).toEqual(['tiecheck']);
  });

  it('open an external URL without isSafeExternalUrl right before it', () => {
    for (const { file, text } of sources) {
      for (const line of text.split('\n').filter((l) => l.includes('openExternal('))) expect(line, file).toMatch(/isSafeExternalUrl\(/);
    }
  });
});

describe('the Electron in use', () => {
  it('is a current major (checklist 16): 41 or later, as package.json and the installed types say', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
    expect(Number(/\d+/.exec(pkg.devDependencies.electron)![0])).toBeGreaterThanOrEqual(41);
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(41);
  });
});
