#!/usr/bin/env node
// Writes quoteline-worker-boot.js beside the build's index.html: the script the page
// starts the loader worker with (src/ui/worker.rs names it). Trunk builds the worker as
// quoteline-worker.js (wasm-bindgen's no-modules glue) and quoteline-worker_bg.wasm,
// without a hash in their names; this boot script loads both, and a failure (a file not
// found, a module refused) is posted to the page as { failed: why } instead of being
// lost in the worker, so the page can say it and offer a Retry.
// Called by single-file.mjs (Trunk's post_build hook) in every build.
// By hand: node scripts/worker-boot.mjs DIR
import { writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const WORKER = "quoteline-worker";
export const BOOT = "quoteline-worker-boot.js";

/** Writes DIR/quoteline-worker-boot.js; fails if the worker's files are missing. */
export function writeWorkerBoot(dir) {
  for (const f of [`${WORKER}.js`, `${WORKER}_bg.wasm`]) {
    if (!existsSync(join(dir, f))) throw new Error(`worker-boot: ${f} is not in ${dir} (index.html builds it)`);
  }
  const boot = `// Quoteline's loader worker: its glue, then its module; a failure is posted to the page.
try {
  importScripts("./${WORKER}.js");
} catch (e) {
  postMessage({ failed: "its script could not be loaded (" + e + ")" });
  throw e;
}
wasm_bindgen({ module_or_path: "./${WORKER}_bg.wasm" }).catch((e) => {
  postMessage({ failed: "its WebAssembly module could not be loaded (" + e + ")" });
});
`;
  writeFileSync(join(dir, BOOT), boot);
  return BOOT;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist");
  console.log(`worker-boot: wrote ${writeWorkerBoot(dir)}`);
}
