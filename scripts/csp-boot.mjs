#!/usr/bin/env node
// Trunk post_build hook: move Trunk's inline loader <script type="module"> into a file
// (boot-<hash>.js) and refer to it with <script type="module" src>, so that the served
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

/** Moves the inline loader of DIR/index.html into a file. Returns how many it moved. */
export function externalizeLoader(dir) {
  const indexPath = join(dir, "index.html");
  if (!existsSync(indexPath)) throw new Error(`csp-boot: no index.html in ${dir}`);
  let html = readFileSync(indexPath, "utf8");
  let moved = 0;
  html = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_, body) => {
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
