// Renders public/icons/*.svg into the PNGs that the web manifest and Apple devices ask for, and
// public/favicon.ico for clients that request it without reading the page. Run after editing an icon:
// `npx tsx scripts/render-icons.ts` (needs rsvg-convert: `apt-get install librsvg2-bin`).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

const publicDir = path.resolve(__dirname, "../public");
const icons = path.join(publicDir, "icons");

function render(svg: string, size: number): Buffer {
  return execFileSync("rsvg-convert", ["--width", String(size), "--height", String(size), path.join(icons, svg)]);
}

/** An ICO whose images are PNGs, which every current browser reads (no BMP encoder needed). */
function packIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

writeFileSync(path.join(icons, "icon-192.png"), render("icon.svg", 192));
writeFileSync(path.join(icons, "icon-512.png"), render("icon.svg", 512));
writeFileSync(path.join(icons, "icon-maskable-512.png"), render("icon-maskable.svg", 512));
// Full bleed: iOS rounds the corners itself and would show a transparent corner as black.
writeFileSync(path.join(icons, "apple-touch-icon.png"), render("icon-maskable.svg", 180));
writeFileSync(path.join(publicDir, "favicon.ico"), packIco([16, 32, 48].map((size) => ({ size, png: render("icon.svg", size) }))));
