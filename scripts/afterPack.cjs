// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before electron-builder signs it.
// Why: a packaged app must not be usable as a general Node.js runtime or debugged through its own binary.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: electron-builder loads hooks with require(). */
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** Arch values of builder-util's enum for which macOS needs its ad-hoc signature redone after the flip. */
const ARM64 = 3;
const UNIVERSAL = 4;

const FUSES = Object.freeze({
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --inspect …) would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash recorded at build time (macOS and Windows; Linux has no support yet).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Without this, an app/ folder beside app.asar would be loaded instead and skip the integrity check.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The UI is served from app://, never file://, so file: needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The Electron binary electron-builder just laid out (the same rule as its own addElectronFuses). */
function electronBinaryPath(context) {
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[context.electronPlatformName];
  if (ext === undefined) throw new Error(`afterPack: unknown platform ${context.electronPlatformName}`);
  const name = context.electronPlatformName === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${ext}`);
}

async function afterPack(context) {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const resetAdHocDarwinSignature = darwin && (context.arch === ARM64 || context.arch === UNIVERSAL);
  await flipFuses(electronBinaryPath(context), { ...FUSES, resetAdHocDarwinSignature });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
