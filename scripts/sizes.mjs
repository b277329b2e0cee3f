// Prints the size of each file of a build (raw and brotli) and the totals, subfolders
// included (wasm-bindgen's JS snippets are in snippets/): the whole served build, the
// first page (everything but the loader worker's files, which are fetched only when
// articles are loaded, and the archive mode's module, fetched only for ?corpus=DIR/),
// the loader worker, the archive module, and the archive mode's first page (the first
// page with the archive module and page in place of the explorer's glue, wasm and
// page; the explorer's other snippets are counted in both, as they are small). The first
// page is what the page fetches before the explorer is interactive; before its first
// statement shows it needs only what blocks the first paint: index.html (which holds the
// prerendered first view) with its stylesheets and classic (non-module) scripts.
// Usage: node scripts/sizes.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
let raw = 0;
let br = 0;
let gz = 0;
// The loader worker's files (quoteline-worker*), and the rest: the first page.
const worker = { raw: 0, gz: 0, br: 0 };
// The archive mode's module (quoteline-archive*), and the explorer's (quoteline-web*).
const archive = { raw: 0, gz: 0, br: 0 };
const explorer = { raw: 0, gz: 0, br: 0 };
// The archive mode's page (archive.html, its boot script, its JS snippets under
// src/ui/archive/), and the explorer's (index.html and its boot script).
const archivePage = { raw: 0, gz: 0, br: 0 };
const explorerPage = { raw: 0, gz: 0, br: 0 };
const add = (to, r, g, c) => { to.raw += r; to.gz += g; to.br += c; };
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
  if (/^quoteline-worker/.test(f)) add(worker, b.length, g, c);
  if (/^quoteline-archive/.test(f)) add(archive, b.length, g, c);
  if (/^quoteline-web/.test(f)) add(explorer, b.length, g, c);
  if (/^archive[.-]/.test(f) || /^snippets\/.*\/archive\//.test(f)) add(archivePage, b.length, g, c);
  if (f === "index.html" || /^boot-/.test(f)) add(explorerPage, b.length, g, c);
  console.log(`${f.padEnd(48)} ${String(b.length).padStart(9)} B  ${String(g).padStart(8)} B gzip  ${String(c).padStart(8)} B brotli`);
}
const row = (label, r, g, c) => console.log(`${label.padEnd(48)} ${String(r).padStart(9)} B  ${String(g).padStart(8)} B gzip  ${String(c).padStart(8)} B brotli`);
row("total (served build)", raw, gz, br);
const less = (a, ...bs) => ({ raw: bs.reduce((x, b) => x - b.raw, a.raw), gz: bs.reduce((x, b) => x - b.gz, a.gz), br: bs.reduce((x, b) => x - b.br, a.br) });
const first = less({ raw, gz, br }, worker, archive, archivePage);
row("first page (all but the worker and the archive)", first.raw, first.gz, first.br);
row("loader worker (fetched on first load)", worker.raw, worker.gz, worker.br);
row("archive module (fetched for ?corpus=DIR/)", archive.raw, archive.gz, archive.br);
const archiveFirst = less(first, explorer, explorerPage, less({ raw: 0, gz: 0, br: 0 }, archive, archivePage));
row("archive mode's first page (archive.html)", archiveFirst.raw, archiveFirst.gz, archiveFirst.br);
// What blocks the first paint, read from index.html: the page, its stylesheets and its
// classic scripts (module scripts are deferred: the explorer's boot, glue and wasm).
const blocking = (() => {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const local = (u) => u.replace(/^\.?\//, "").split(/[?#]/)[0];
  const css = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => local(m[1]));
  const js = [...html.matchAll(/<script\b(?![^>]*\btype="module")[^>]*\bsrc="([^"]+)"/g)].map((m) => local(m[1]));
  return ["index.html", ...css, ...js];
})();
const firstPaint = { raw: 0, gz: 0, br: 0 };
for (const f of blocking) {
  const b = readFileSync(join(dir, f));
  add(firstPaint, b.length, gzipSync(b, { level: 9 }).length, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
}
const prerendered = /id="first-view"/.test(readFileSync(join(dir, "index.html"), "utf8"));
row(prerendered ? "before the first statement (HTML, CSS, sync JS)" : "first statement: no prerender, the first page", ...(prerendered ? [firstPaint.raw, firstPaint.gz, firstPaint.br] : [first.raw, first.gz, first.br]));
row("before the explorer is interactive (first page)", first.raw, first.gz, first.br);
const single = join(dir, "quoteline.html");
try {
  const b = readFileSync(single);
  console.log(`${"quoteline.html (single file)".padEnd(48)} ${String(b.length).padStart(9)} B  ${String(brotliCompressSync(b).length).padStart(8)} B brotli`);
} catch {}
