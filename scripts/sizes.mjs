// Prints the size of each file of a build (raw and brotli) and the totals, subfolders
// included (wasm-bindgen's JS snippets are in snippets/).
// Usage: node scripts/sizes.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
let raw = 0;
let br = 0;
let gz = 0;
const files = (d, prefix = "") =>
  readdirSync(d).sort().flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? files(p, `${prefix}${f}/`) : [`${prefix}${f}`];
  });
for (const f of files(dir)) {
  const p = join(dir, f);
  if (f === "quoteline.html") continue;
  const b = readFileSync(p);
  const c = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const g = gzipSync(b, { level: 9 }).length;
  raw += b.length;
  br += c;
  gz += g;
  console.log(`${f.padEnd(48)} ${String(b.length).padStart(9)} B  ${String(g).padStart(8)} B gzip  ${String(c).padStart(8)} B brotli`);
}
console.log(`${"total (served build)".padEnd(48)} ${String(raw).padStart(9)} B  ${String(gz).padStart(8)} B gzip  ${String(br).padStart(8)} B brotli`);
const single = join(dir, "quoteline.html");
try {
  const b = readFileSync(single);
  console.log(`${"quoteline.html (single file)".padEnd(48)} ${String(b.length).padStart(9)} B  ${String(brotliCompressSync(b).length).padStart(8)} B brotli`);
} catch {}
