// Draws the app icons (a coffee cup on teal, and its white outline) as PNGs for appPackage/.
// Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';

type Rgba = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Signed distance of the cup shape in a unit square (negative inside).
function cupDistance(u: number, v: number): number {
  const box = (cx: number, cy: number, hw: number, hh: number, r: number) => {
    const dx = Math.abs(u - cx) - hw + r;
    const dy = Math.abs(v - cy) - hh + r;
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
  };
  const body = box(0.44, 0.6, 0.22, 0.17, 0.07);
  const ring = Math.abs(Math.hypot(u - 0.68, v - 0.57) - 0.075) - 0.028;
  const handle = Math.max(ring, -(u - 0.66));
  const saucer = box(0.46, 0.83, 0.3, 0.025, 0.025);
  const steam = (x0: number) => {
    const wave = x0 + 0.03 * Math.sin((v - 0.2) * 22);
    return Math.max(Math.abs(u - wave) - 0.022, Math.abs(v - 0.3) - 0.09);
  };
  return Math.min(body, handle, saucer, steam(0.38), steam(0.5));
}

function coverage(d: number, pixel: number): number {
  return Math.min(1, Math.max(0, 0.5 - d / pixel));
}

const TEAL: Rgba = [11, 106, 110, 255];

const color = png(192, (x, y) => {
  const u = (x + 0.5) / 192;
  const v = (y + 0.5) / 192;
  const a = coverage(cupDistance(u, v), 1 / 192);
  return [Math.round(TEAL[0] + (255 - TEAL[0]) * a), Math.round(TEAL[1] + (255 - TEAL[1]) * a), Math.round(TEAL[2] + (255 - TEAL[2]) * a), 255];
});

const outline = png(32, (x, y) => {
  const u = (x + 0.5) / 32;
  const v = (y + 0.5) / 32;
  const a = coverage(cupDistance(u, v), 1 / 32);
  return [255, 255, 255, Math.round(255 * a)];
});

const dir = join(projectRoot(), 'appPackage');
writeFileSync(join(dir, 'color.png'), color);
writeFileSync(join(dir, 'outline.png'), outline);
console.log('wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)');
