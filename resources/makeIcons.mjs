// Regenerates the app icons from resources/icon.svg: icon.png (512), icon-256.png, icon.ico (Windows) and icon.icns (macOS).
// Run from the repository root with `node resources/makeIcons.mjs`; it rasterises the SVG in the system Chromium and
// encodes everything else by hand, so no image tool is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const svg = readFileSync('resources/icon.svg', 'utf8');

/** RGBA pixels of the SVG drawn at size × size, straight from a canvas. */
async function rasterise(page, size) {
  const data = await page.evaluate(
    async ([text, n]) => {
      const img = new Image(n, n);
      img.src = `data:image/svg+xml;base64,${btoa(text)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = n;
      canvas.height = n;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0, n, n);
      return Array.from(g.getImageData(0, 0, n, n).data);
    },
    [svg, size],
  );
  return Buffer.from(data);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A PNG with the Sub filter on every row: small enough for flat artwork, and simple. */
function encodePng(rgba, size) {
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    const out = y * (stride + 1);
    raw[out] = 1;
    for (let x = 0; x < stride; x++) raw[out + 1 + x] = (rgba[y * stride + x] - (x >= 4 ? rgba[y * stride + x - 4] : 0)) & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A classic 32-bit DIB entry (bottom-up BGRA plus an all-zero AND mask): what every Windows tool, NSIS included, reads. */
function encodeDib(rgba, size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, pixels, mask]);
}

function encodeIco(entries) {
  const dir = Buffer.alloc(6 + 16 * entries.length);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(entries.length, 4);
  let offset = dir.length;
  entries.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    dir[at] = size >= 256 ? 0 : size;
    dir[at + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(data.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...entries.map((e) => e.data)]);
}

function encodeIcns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const png = {};
  const rgba = {};
  for (const size of [16, 32, 48, 128, 256, 512]) {
    rgba[size] = await rasterise(page, size);
    png[size] = encodePng(rgba[size], size);
  }
  writeFileSync('resources/icon.png', png[512]);
  writeFileSync('resources/icon-256.png', png[256]);
  writeFileSync('resources/icon.ico', encodeIco([16, 32, 48].map((size) => ({ size, data: encodeDib(rgba[size], size) })).concat([{ size: 256, data: png[256] }])));
  writeFileSync('resources/icon.icns', encodeIcns([{ type: 'ic07', data: png[128] }, { type: 'ic08', data: png[256] }, { type: 'ic09', data: png[512] }]));
} finally {
  await browser.close();
}
