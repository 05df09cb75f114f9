#!/usr/bin/env node
// Draws the extension's icon (images/icon.png, 128×128): an official document's quotation
// marks with a check mark, on the navy of a policy office. No image tools needed: shapes are
// rasterised here with 4×4 supersampling and written as a PNG with zlib.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const N = 128;
const SS = 4;
const navy = [22, 48, 94];
const white = [255, 255, 255];
const green = [46, 204, 113];

function inRoundedSquare(x, y) {
  const r = 24;
  const cx = Math.min(Math.max(x, r), N - r);
  const cy = Math.min(Math.max(y, r), N - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && y >= 0 && x <= N && y <= N;
}
// A typographic opening quotation mark: a dot with a tail curving up-right.
function inQuoteMark(x, y, ox, oy) {
  const dot = (x - ox) ** 2 + (y - oy) ** 2 <= 11 * 11;
  const tx = x - ox;
  const ty = y - oy;
  const tail = tx >= -11 && tx <= 4 && ty <= 0 && ty >= -26 && Math.abs(tx + 11 - ((-ty) ** 2) / 60) <= 5.5;
  return dot || tail;
}
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function inCheck(x, y) {
  const w = 7.5;
  return distToSegment(x, y, 62, 88, 78, 104) <= w || distToSegment(x, y, 78, 104, 108, 62) <= w;
}

const rgba = Buffer.alloc(N * N * 4);
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS;
        const py = y + (sy + 0.5) / SS;
        if (!inRoundedSquare(px, py)) continue;
        let c = navy;
        if (inQuoteMark(px, py, 36, 58) || inQuoteMark(px, py, 66, 58)) c = white;
        if (inCheck(px, py)) c = green;
        r += c[0]; g += c[1]; b += c[2]; a += 255;
      }
    }
    const n = SS * SS;
    const i = (y * N + x) * 4;
    const cov = a / 255;
    rgba[i] = cov ? Math.round(r / cov) : 0;
    rgba[i + 1] = cov ? Math.round(g / cov) : 0;
    rgba[i + 2] = cov ? Math.round(b / cov) : 0;
    rgba[i + 3] = Math.round(a / n);
  }
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) rgba.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(__dirname, '..', 'images', 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);
