#!/usr/bin/env node
// Trunk post_build hook: move Trunk's inline loader <script type="module"> into a file
// (boot-<hash>.js), made to choose the page's module (the explorer's, or the archive
// mode's for ?corpus=DIR/ and ?open=directory) and to preload only that one's files
// (Trunk's preload links for the explorer move into it), and refer to it with
// <script type="module" src>, so that the served build runs under a strict Content-Security-Policy with no 'unsafe-inline':
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   object-src 'none'; base-uri 'none'
// single-file.mjs calls it when it is done (it reads the inline loader to find the glue
// and the wasm first; Trunk starts hooks of one stage together, so they cannot be two).
// By hand: node scripts/csp-boot.mjs DIR
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createHash } from "node:crypto";

import { fileURLToPath } from "node:url";

/** The archive mode's module (index.html builds it like a worker: no script tag). */
export const ARCHIVE = "quoteline-archive";

/**
 * Trunk's preload links (`<link rel="modulepreload">` for the explorer's glue and
 * snippets, `<link rel="preload" as="fetch">` for its wasm) as attribute maps, in order.
 */
export function preloadsOf(html) {
  const out = [];
  for (const m of html.matchAll(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g)) {
    const a = {};
    for (const [, k, v] of m[0].matchAll(/([a-z-]+)="([^"]*)"/g)) a[k] = v;
    out.push(a);
  }
  return out;
}

/**
 * The boot script that chooses the page's module, from Trunk's loader `body` (which
 * imports the explorer's glue and starts its wasm): the archive mode's module when
 * `?corpus=` names a directory (a value whose path ends in `/` or names `root.json`, as
 * src/ui/archive/fetcher.rs's `directory_of` reads it) or `?open=directory` asks for a
 * directory on disk, else the explorer's. Both are imported dynamically, so the page
 * starts one, and only the chosen module's files are preloaded: the explorer's
 * `preloads` (Trunk's links, taken out of index.html) are added to the page by this
 * script, so an archive page never fetches them. Returns `body` unchanged if it is not
 * Trunk's loader.
 */
export function chooserOf(dir, body, preloads = []) {
  const glue = body.match(/import\s+init\b[^;]*?from\s+['"]([^'"]+\.js)['"]/)?.[1];
  const wasm = body.match(/['"]([^'"]+\.wasm)['"]/)?.[1];
  if (!glue || !wasm) return body;
  for (const f of [`${ARCHIVE}.js`, `${ARCHIVE}_bg.wasm`]) {
    if (!existsSync(join(dir, f))) throw new Error(`csp-boot: ${f} is not in ${dir} (index.html builds it)`);
  }
  // The archive's files sit beside the explorer's, under the same public URL.
  const base = glue.slice(0, glue.lastIndexOf("/") + 1);
  const q = JSON.stringify;
  return `// Quoteline's boot (scripts/csp-boot.mjs): ?corpus=DIR/ (or DIR/root.json), or
// ?open=directory, starts the archive mode's module, anything else the explorer's; only
// the chosen module's files are fetched.
const params = new URLSearchParams(location.search);
const corpus = params.get("corpus") ?? "";
const path = corpus.trim() === "" ? "" : corpus.split(/[?#]/)[0];
const archive = path.endsWith("/") || path === "root.json" || path.endsWith("/root.json") || params.get("open") === "directory";
const [glue, wasmUrl] = archive
  ? [${q(`${base}${ARCHIVE}.js`)}, ${q(`${base}${ARCHIVE}_bg.wasm`)}]
  : [${q(glue)}, ${q(wasm)}];
// The explorer's preloads, as Trunk wrote them (taken out of index.html so that an
// archive page does not fetch them), added before its glue is imported.
const preloads = ${q(preloads)};
let source = wasmUrl;
if (archive) {
  // Not preloaded: its wasm is fetched while its glue loads rather than after.
  source = fetch(wasmUrl);
} else {
  for (const attrs of preloads) {
    const link = document.createElement("link");
    for (const [k, v] of Object.entries(attrs)) link.setAttribute(k, v);
    document.head.append(link);
  }
}
const bindings = await import(glue);
const wasm = await bindings.default({ module_or_path: source });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
`;
}

/** Moves the inline loader of DIR/index.html into a file. Returns how many it moved. */
export function externalizeLoader(dir) {
  const indexPath = join(dir, "index.html");
  if (!existsSync(indexPath)) throw new Error(`csp-boot: no index.html in ${dir}`);
  let html = readFileSync(indexPath, "utf8");
  let moved = 0;
  // Trunk's preloads are the explorer's: the boot script adds them when it starts it.
  const preloads = preloadsOf(html);
  const loaders = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
  if (loaders.some((m) => chooserOf(dir, m[1]) !== m[1])) {
    html = html.replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/g, "");
  }
  html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, loader) => {
    const body = chooserOf(dir, loader, preloads);
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
    const name = `boot-${hash}.js`;
    writeFileSync(join(dir, name), body.trim() + "\n");
    moved += 1;
    return `<script type="module" src="./${name}"></script>`;
  });
  // `trunk serve` adds its live-reload script (it talks to .well-known/trunk/ws, and
  // the server fills in its {{__TRUNK_ADDRESS__}} when it sends the page, so it must
  // stay in index.html). The dev server sends no CSP, so under `make serve`
  // (QUOTELINE_SERVE=1) it stays; anywhere else an inline script left behind fails the
  // build.
  const serving = process.env.QUOTELINE_SERVE === "1";
  const inline = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
  for (const m of html.matchAll(inline)) {
    if (!/\S/.test(m[1])) continue;
    const liveReload = /trunk\/ws|__TRUNK_ADDRESS__/.test(m[1]);
    if (serving && liveReload) continue;
    throw new Error(
      "csp-boot: an inline script is left in index.html; a strict CSP would block it" +
        (liveReload ? " (it is trunk serve's live reload: serve with `make serve`, which allows it)" : ""),
    );
  }
  writeFileSync(indexPath, html);
  return moved;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist");
  console.log(`csp-boot: moved ${externalizeLoader(dir)} inline loader script(s) to files`);
}
