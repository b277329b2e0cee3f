#!/usr/bin/env node
// Trunk post_build hook: move Trunk's inline loader <script type="module"> into a file
// (boot-<hash>.js) that starts the explorer, or sends ?corpus=DIR/ and ?open=directory
// on to the archive mode's page, and refer to it with <script type="module" src>; and
// write that page, archive.html (writeArchivePage: index.html's head with the archive
// module's own boot script and preloads, none of the explorer's), so that the served
// build runs under a strict Content-Security-Policy with no 'unsafe-inline':
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

/** The archive mode's page, beside index.html (written by writeArchivePage). */
export const ARCHIVE_PAGE = "archive.html";

/**
 * index.html's boot script, from Trunk's loader `body` (which imports the explorer's
 * glue and starts its wasm): when `?corpus=` names a directory (a value whose path ends
 * in `/` or names `root.json`, as src/ui/archive/fetcher.rs's `directory_of` reads it)
 * or `?open=directory` asks for a directory on disk, it sends the page on to the archive
 * mode's own page (archive.html, query and fragment kept, by `location.replace`, so
 * Back skips it); else it starts the explorer, whose files index.html preloads (Trunk's
 * links, left where Trunk wrote them). Returns `body` unchanged if it is not Trunk's
 * loader.
 */
export function chooserOf(dir, body) {
  const glue = body.match(/import\s+init\b[^;]*?from\s+['"]([^'"]+\.js)['"]/)?.[1];
  const wasm = body.match(/['"]([^'"]+\.wasm)['"]/)?.[1];
  if (!glue || !wasm) return body;
  for (const f of [`${ARCHIVE}.js`, `${ARCHIVE}_bg.wasm`]) {
    if (!existsSync(join(dir, f))) throw new Error(`csp-boot: ${f} is not in ${dir} (index.html builds it)`);
  }
  const q = JSON.stringify;
  return `// Quoteline's boot (scripts/csp-boot.mjs): ?corpus=DIR/ (or DIR/root.json), or
// ?open=directory, is the archive mode's page (${ARCHIVE_PAGE}); anything else starts
// the explorer, whose files this page preloads.
const params = new URLSearchParams(location.search);
const corpus = params.get("corpus") ?? "";
const path = corpus.trim() === "" ? "" : corpus.split(/[?#]/)[0];
const archive = path.endsWith("/") || path === "root.json" || path.endsWith("/root.json") || params.get("open") === "directory";
if (archive) {
  const to = new URL(${q(`${baseOf(glue)}${ARCHIVE_PAGE}`)}, location.href);
  to.search = location.search;
  to.hash = location.hash;
  location.replace(to.href);
} else {
  const bindings = await import(${q(glue)});
  const wasm = await bindings.default({ module_or_path: ${q(wasm)} });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
`;
}

/** The public URL Trunk's loader imports from (`./`, `/`, `/sub/`): a file URL's folder. */
function baseOf(url) {
  return url.slice(0, url.lastIndexOf("/") + 1);
}

/**
 * archive.html, from index.html as `externalizeLoader` leaves it (`html`, its boot
 * script at `boot`, Trunk's loader importing the explorer's glue `glue`): the same head
 * (title, styles, icon) without the explorer's preloads and scripts, with the archive
 * module's glue, snippets and wasm preloaded and its own boot script; an empty body
 * (whatever index.html's body holds is the explorer's). Returns the page and its boot
 * script's name and text.
 */
export function archivePageOf(dir, html, glue) {
  const base = baseOf(glue);
  const archiveGlue = readFileSync(join(dir, `${ARCHIVE}.js`), "utf8");
  const snippets = [...new Set([...archiveGlue.matchAll(/\bfrom\s*['"]\.\/(snippets\/[^'"]+)['"]/g)].map((m) => m[1]))];
  const q = JSON.stringify;
  const body = `// Quoteline's archive page (scripts/csp-boot.mjs): starts the archive mode's module,
// whose glue and wasm the page preloads.
import init, * as bindings from ${q(`${base}${ARCHIVE}.js`)};
const wasm = await init({ module_or_path: ${q(`${base}${ARCHIVE}_bg.wasm`)} });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
`;
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const name = `archive-boot-${hash}.js`;
  const preloads = [
    `<link rel="modulepreload" href="${base}${ARCHIVE}.js">`,
    ...snippets.map((s) => `<link rel="modulepreload" href="${base}${s}">`),
    `<link rel="preload" href="${base}${ARCHIVE}_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`,
    `<script type="module" src="./${name}"></script>`,
  ].join("\n    ");
  let page = html
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>\s*/g, "")
    .replace(/<script type="module" src="[^"]*boot-[0-9a-f]+\.js"><\/script>\s*/g, "")
    // trunk serve's live reload (index.html's only; the dev server fills it in there).
    .replace(/<script(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>\s*/g, "")
    .replace(/<title>([^<]*)<\/title>/, "<title>$1 (archive)</title>")
    .replace(/<body\b[^>]*>[\s\S]*<\/body>/, "<body>\n    <noscript>Quoteline needs JavaScript and WebAssembly to run.</noscript>\n  </body>");
  if (!/<\/head>/.test(page)) throw new Error("csp-boot: index.html has no </head> to put the archive page's preloads before");
  page = page.replace(/<\/head>/, () => `  ${preloads}\n  </head>`);
  return { page, name, body };
}

/**
 * `html` without the preloads of JS snippets that the explorer's glue (`glue`, a URL as
 * Trunk's loader writes it) does not import: Trunk preloads every snippet of the crate,
 * and the archive mode's (its directory picker) is not the explorer's.
 */
export function explorerPreloadsOnly(dir, html, glue) {
  const file = join(dir, glue.slice(baseOf(glue).length));
  if (!existsSync(file)) return html;
  const text = readFileSync(file, "utf8");
  return html.replace(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="[^"]*?\/(snippets\/[^"]+)"[^>]*>/g, (link, snippet) =>
    text.includes(`./${snippet}`) ? link : "",
  );
}

/** Writes DIR/archive.html and its boot script (see `archivePageOf`). */
export function writeArchivePage(dir, html, glue) {
  const { page, name, body } = archivePageOf(dir, html, glue);
  writeFileSync(join(dir, name), body);
  writeFileSync(join(dir, ARCHIVE_PAGE), page);
}

/** Moves the inline loader of DIR/index.html into a file. Returns how many it moved. */
export function externalizeLoader(dir) {
  const indexPath = join(dir, "index.html");
  if (!existsSync(indexPath)) throw new Error(`csp-boot: no index.html in ${dir}`);
  let html = readFileSync(indexPath, "utf8");
  let moved = 0;
  const glue = html.match(/<script type="module">[\s\S]*?import\s+init\b[^;]*?from\s+['"]([^'"]+\.js)['"]/)?.[1];
  html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, loader) => {
    const body = chooserOf(dir, loader);
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
  if (glue) html = explorerPreloadsOnly(dir, html, glue);
  writeFileSync(indexPath, html);
  if (glue) writeArchivePage(dir, html, glue);
  return moved;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist");
  console.log(`csp-boot: moved ${externalizeLoader(dir)} inline loader script(s) to files`);
}
