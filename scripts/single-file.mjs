#!/usr/bin/env node
// Trunk post_build hook: write quoteline.html, a single self-contained page that
// opens from file:// (no server, no network).
//
// Pages loaded from file:// cannot load module scripts or fetch the wasm, so this
// takes Trunk's finished index.html in the staging directory and
//   - replaces each <link rel="stylesheet" href="x.css"> with <style>…</style>,
//   - removes Trunk's loader <script type="module"> and its preload/modulepreload links,
//   - inlines the wasm-bindgen JS glue in one <script type="module"> (its `export`s
//     are harmless in an inline module; snippet imports become data: URLs),
//   - embeds the wasm bytes as base64 and starts the app with the glue's
//     initSync({ module: bytes }),
//   - turns any other local file reference (icons, images) into a data: URL.
// It fails the build if a reference to a local file would be left behind.
// The archive mode's module (quoteline-archive) is not inlined: an archive is fetched a
// file at a time over http(s), which a page opened from disk cannot do, so the single
// file is the explorer alone (its ?corpus= reads corpus files, and says why not from disk).
//
// Usage: run by trunk (see Trunk.toml), which sets TRUNK_STAGING_DIR and
// TRUNK_PROFILE. By hand: node scripts/single-file.mjs DIR [--force]
// where DIR holds a trunk-built index.html (e.g. dist).
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join, basename, resolve, sep } from "node:path";
import { mimeOf } from "./mime.mjs";
import { externalizeLoader, ARCHIVE } from "./csp-boot.mjs";
import { writeWorkerBoot, WORKER } from "./worker-boot.mjs";

const OUTPUT = "quoteline.html";
const args = process.argv.slice(2);
const force = args.includes("--force");
const dir = resolve(args.find((a) => !a.startsWith("--")) ?? process.env.TRUNK_STAGING_DIR ?? "dist");
const profile = process.env.TRUNK_PROFILE;

// Under `make serve` (QUOTELINE_SERVE=1) the single file is not needed: the dev server
// serves the page itself, and its live-reload script must stay out of a file for disk.
if (process.env.QUOTELINE_SERVE === "1" && !force) {
  console.log(`single-file: skipped under make serve (${OUTPUT} is made by make dist)`);
  writeWorkerBoot(dir);
  externalizeLoader(dir);
  process.exit(0);
}

if (profile && profile !== "release" && !force) {
  console.log(`single-file: skipped (TRUNK_PROFILE=${profile}; only release builds get ${OUTPUT})`);
  writeWorkerBoot(dir);
  externalizeLoader(dir);
  process.exit(0);
}


function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

/** Attributes of one start tag, as a lower-cased name -> value map. */
function attrs(tag) {
  const out = {};
  const re = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const inner = tag.replace(/^<[a-zA-Z0-9-]+/, "").replace(/\/?>$/, "");
  for (const m of inner.matchAll(re)) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

/** Maps a URL as written in the page to a file in the staging dir, or null if not local. */
function localFile(url) {
  if (!url || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) return null; // data:, http:, //host, #frag
  let path = decodeURIComponent(url.split(/[?#]/)[0]);
  const publicUrl = process.env.TRUNK_PUBLIC_URL;
  if (publicUrl && publicUrl !== "/" && publicUrl.startsWith("/") && path.startsWith(publicUrl)) {
    path = path.slice(publicUrl.length);
  }
  path = path.replace(/^\.?\//, "");
  const file = resolve(dir, path);
  if (!(file === dir || file.startsWith(dir + sep))) return null;
  return existsSync(file) ? file : null;
}

function dataUrl(file) {
  const mime = mimeOf(file);
  return `data:${mime};base64,${readFileSync(file).toString("base64")}`;
}

// Text that goes inside <script> or <style> must not close the element early.
const safeInScript = (s) => s.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const safeInStyle = (s) => s.replace(/<\/(style)/gi, "\\3C/$1");

const indexPath = join(dir, "index.html");
if (!existsSync(indexPath)) fail(`no index.html in ${dir}`);
let html = readFileSync(indexPath, "utf8");

// 1. Find the glue and the wasm Trunk's loader refers to.
let glueUrl = null;
let wasmUrl = null;
html = html.replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, (whole, body) => {
  const open = whole.slice(0, whole.indexOf(">") + 1);
  const a = attrs(open);
  if (a.src) return whole; // external scripts are handled below
  const imp = body.match(/import\s+init\b[^;]*?from\s+['"]([^'"]+\.js)['"]/);
  if (imp && a.type === "module") {
    glueUrl = imp[1];
    const w = body.match(/['"]([^'"]+\.wasm)['"]/);
    if (w) wasmUrl = w[1];
    return ""; // Trunk's loader: replaced by ours
  }
  if (body.includes("{{__TRUNK_ADDRESS__}}") || body.includes(".well-known/trunk/ws")) {
    return ""; // trunk serve's live-reload client: meaningless from file://
  }
  return whole;
});

let glueFile = localFile(glueUrl);
let wasmFile = localFile(wasmUrl);
if (!glueFile || !wasmFile) {
  // Fall back to the one wasm-bindgen pair in the directory.
  const files = readdirSync(dir);
  const wasms = files.filter((f) => f.endsWith("_bg.wasm") && f !== `${WORKER}_bg.wasm` && f !== `${ARCHIVE}_bg.wasm`);
  if (wasms.length !== 1) fail(`could not find Trunk's loader script, and found ${wasms.length} *_bg.wasm files in ${dir}`);
  wasmFile = join(dir, wasms[0]);
  glueFile = join(dir, wasms[0].replace(/_bg\.wasm$/, ".js"));
  if (!existsSync(glueFile)) fail(`no JS glue ${basename(glueFile)} beside ${wasms[0]}`);
}

// 2. Links: stylesheets inline, preloads of the glue/wasm gone, other local files as data: URLs.
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const a = attrs(tag);
  const rel = (a.rel ?? "").toLowerCase().split(/\s+/);
  const file = localFile(a.href);
  if (rel.includes("modulepreload") || rel.includes("preload") || rel.includes("prefetch")) {
    return ""; // everything is inline; nothing to preload
  }
  if (rel.includes("stylesheet")) {
    if (!file) return tag; // an external stylesheet (none today) stays as written
    const media = a.media ? ` media="${a.media}"` : "";
    return `<style${media}>\n${safeInStyle(readFileSync(file, "utf8"))}\n</style>`;
  }
  if (file) return tag.replace(/\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, ` href="${dataUrl(file)}"`);
  return tag;
});

// 3. Other local references (img src, external script src) as data: URLs.
html = html.replace(/<(img|script|source|audio|video)\b[^>]*>/gi, (tag) => {
  const a = attrs(tag);
  const file = localFile(a.src);
  if (!file) return tag;
  return tag.replace(/\ssrc\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, ` src="${dataUrl(file)}"`);
});

// The integrity attributes Trunk wrote no longer describe anything.
html = html.replace(/\s(integrity|crossorigin)="[^"]*"/gi, "");

// 4. The glue, with any snippet imports (#[wasm_bindgen(module = ...)]) as data: URLs.
let glue = readFileSync(glueFile, "utf8");
glue = glue.replace(/(\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.\/snippets\/[^'"]+)\2/g, (m, lead, q, spec) => {
  const file = resolve(dir, spec);
  if (!existsSync(file)) fail(`glue imports ${spec}, which is not in ${dir}`);
  return `${lead}${q}${dataUrl(file)}${q}`;
});
if (/^\s*import\s[^;]*?from\s*['"]\.{1,2}\//m.test(glue)) fail("the JS glue imports a relative module that cannot be inlined");
if (!/\bfunction initSync\b/.test(glue)) fail(`${basename(glueFile)} has no initSync; build with wasm-bindgen --target web (Trunk's default)`);

const wasm = readFileSync(wasmFile);
// Chromium refuses synchronous compilation of very large modules on the main thread;
// past that size we start through the glue's async init with the same bytes.
const starter = `
// ---- Quoteline single-file starter: the wasm below is ${basename(wasmFile)}, base64 ----
const __qlWasmBase64 = "${wasm.toString("base64")}";
const __qlBytes = typeof Uint8Array.fromBase64 === "function"
  ? Uint8Array.fromBase64(__qlWasmBase64)
  : Uint8Array.from(atob(__qlWasmBase64), (c) => c.charCodeAt(0));
const __qlWasm = __qlBytes.length <= 8_000_000
  ? initSync({ module: __qlBytes })
  : await __wbg_init({ module_or_path: __qlBytes });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __qlWasm } }));
`;
// The loader worker, from inlined bytes: the page's quotelineWorker() (src/ui/worker.rs
// calls it when it is defined) makes a blob: worker of its glue and module. This file
// sends no Content-Security-Policy, so blob: workers are allowed; if the browser still
// refuses one, the page says so (the explorer keeps working) and the command-line
// extractor's corpus file is the way to load articles.
const workerGlue = readFileSync(join(dir, `${WORKER}.js`), "utf8");
const workerWasm = readFileSync(join(dir, `${WORKER}_bg.wasm`));
const workerSource = `${workerGlue}
;(async () => {
  try {
    const b64 = ${JSON.stringify(workerWasm.toString("base64"))};
    const bytes = typeof Uint8Array.fromBase64 === "function" ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    await wasm_bindgen({ module_or_path: bytes });
  } catch (e) {
    postMessage({ failed: "its WebAssembly module could not be started (" + e + ")" });
  }
})();
`;
const workerStarter = `
// ---- Quoteline single-file: the loader worker (${WORKER}), made from inlined bytes ----
const __qlWorkerSource = ${JSON.stringify(workerSource)};
let __qlWorkerUrl = null;
globalThis.quotelineWorker = () => {
  __qlWorkerUrl ??= URL.createObjectURL(new Blob([__qlWorkerSource], { type: "text/javascript" }));
  return new Worker(__qlWorkerUrl);
};
`;
const script = `<script type="module">\n${safeInScript(glue)}\n${safeInScript(workerStarter)}\n${starter}</script>`;

if (/<\/body>/i.test(html)) {
  html = html.replace(/<\/body>/i, () => `${script}\n</body>`);
} else {
  html += `\n${script}\n`;
}

// 5. Nothing may point at a local file any more.
const leftovers = [...html.matchAll(/\s(?:href|src)\s*=\s*["']([^"']+)["']/gi)]
  .map((m) => m[1])
  .filter((u) => localFile(u));
if (leftovers.length) fail(`references to local files remain: ${leftovers.join(", ")}`);

writeFileSync(join(dir, OUTPUT), html);
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`single-file: wrote ${join(dir, OUTPUT)} (${kib(Buffer.byteLength(html))}; wasm ${kib(wasm.length)} and the worker's ${kib(workerWasm.length)} inlined)`);
writeWorkerBoot(dir);
// Last: the served index.html gets its loader from a file (strict CSP); see csp-boot.mjs.
console.log(`single-file: moved ${externalizeLoader(dir)} inline loader script(s) to files (csp-boot)`);
