// Draws the extension icon (a transcript in a speech bubble on GHL-ish blue) into
// public/icon/<size>.png. Run once after changing the design: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const BLUE = [21, 94, 239];
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

/** Signed distance-free coverage test: is (x, y), in 0..1 units, inside a rounded rectangle? */
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour and opacity of the icon at (x, y) in 0..1 units. */
function shade(x, y) {
  if (!inRoundedRect(x, y, 0, 0, 1, 1, 0.22)) return null;
  const bubble = inRoundedRect(x, y, 0.16, 0.18, 0.84, 0.7, 0.12);
  const tail = y >= 0.68 && y <= 0.86 && x >= 0.26 && x <= 0.44 && x - 0.26 <= (0.86 - y) * 1.0;
  if (!bubble && !tail) return BLUE;
  const line = (top, right) => x >= 0.28 && x <= right && y >= top && y <= top + 0.07;
  if (line(0.3, 0.72) || line(0.41, 0.72) || line(0.52, 0.58)) return BLUE;
  return WHITE;
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0]; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = shade(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      row.push(
        a ? Math.round(r / a) : 0,
        a ? Math.round(g / a) : 0,
        a ? Math.round(b / a) : 0,
        Math.round((255 * a) / SUPERSAMPLE ** 2),
      );
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, png(size));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
