// The installer configuration as far as it can be checked without the Electron binary: electron-builder's own
// loader and schema accept it, the targets, files and native-module rules are as documented, the icons are real
// images, and the afterPack hook really flips the fuses (on a stand-in binary carrying Electron's fuse wire).
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: { filter: string[] }[] | string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  publish: unknown;
  protocols?: unknown;
  electronFuses?: unknown;
  linux: { target: string[]; icon: string; maintainer?: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  directories: { output: string; buildResources: string };
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util');
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder’s own loader and schema', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('app.tiecheck.desktop');
    expect(config.productName).toBe('Tiecheck');
  });

  it('builds AppImage and deb, dmg, and nsis', async () => {
    const config = await loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('ships only the build in an asar, better-sqlite3 unpacked and rebuilt for Electron, no URL scheme, no publishing', async () => {
    const config = await loadConfig();
    const files = (config.files as { filter: string[] }[]).flatMap((f) => f.filter ?? f);
    expect(files).toEqual(['out/**', '!out/cli/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.protocols).toBeUndefined();
    expect(config.publish).toBeNull();
    // Fuses come from our hook alone, so that there is one place that says what they are.
    expect(config.electronFuses).toBeUndefined();
    expect(config.afterPack).toBe('scripts/afterPack.cjs');
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toMatch(/^out\//);
    expect(pkg.dependencies['better-sqlite3']).toBeTruthy();
  });

  it('points at real icons: PNG 512 and 256, an .ico with a 256 entry, an .icns', async () => {
    const config = await loadConfig();
    const png = readFileSync(join(ROOT, config.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const png256 = readFileSync(join(ROOT, 'resources/icon-256.png'));
    expect([png256.readUInt32BE(16), png256.readUInt32BE(20)]).toEqual([256, 256]);
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 512 512"/);
    for (const file of ['icon.png', 'icon-256.png', 'icon.ico', 'icon.icns']) expect(readFileSync(join(ROOT, 'resources', file)).length).toBeLessThan(100_000);
  });
});

describe('scripts/afterPack.cjs', () => {
  const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
  const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants');
  const afterPack = require(join(ROOT, 'scripts/afterPack.cjs'));

  /** A file laid out as Electron's binary is around its fuse wire: sentinel, version 1, length, then one byte per fuse (all on). */
  function standInBinary(path: string, wireLength = 8): void {
    writeFileSync(path, Buffer.concat([Buffer.from('ELF-ish prefix'), Buffer.from(SENTINEL), Buffer.from([1, wireLength]), Buffer.alloc(wireLength, FuseState.ENABLE), Buffer.from('suffix')]));
  }

  for (const [platform, name, context] of [
    ['linux', 'tiecheck', { packager: { executableName: 'tiecheck' } }],
    ['win32', 'Tiecheck.exe', { packager: { appInfo: { productFilename: 'Tiecheck' } } }],
  ] as const) {
    it(`flips the fuses in the ${platform} binary`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tiecheck-fuses-'));
      try {
        const binary = join(dir, name);
        standInBinary(binary);
        await afterPack({ electronPlatformName: platform, appOutDir: dir, arch: 1, ...context });
        const wire = await getCurrentFuseWire(binary);
        const state = (fuse: number) => wire[fuse];
        expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
        expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
        expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
        expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
        expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
        expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
        expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('fails the build when the binary has no fuse wire, rather than shipping it unflipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiecheck-fuses-'));
    try {
      writeFileSync(join(dir, 'tiecheck'), 'no sentinel here');
      await expect(afterPack({ electronPlatformName: 'linux', appOutDir: dir, arch: 1, packager: { executableName: 'tiecheck' } })).rejects.toThrow(/sentinel/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
