// Shared set-up for the specs: inside a `describe`, serve dist/ (optionally under a
// sub-path) and launch Chromium before the tests, and stop both after them.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "./server.mjs";
import { DIST, launch } from "./browser.mjs";

/** The policy README.md recommends for hosts; the specs serve the build under it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** Returns `{ server, browser }`, filled in once the suite starts. */
export function useServedApp({ base, headers } = {}) {
  const app = { server: null, browser: null };
  before(async () => {
    assert.ok(existsSync(join(DIST, "index.html")), "dist/index.html is missing: run `make dist` first");
    app.server = await serveStatic(DIST, { ...(base ? { base } : {}), ...(headers ? { headers } : {}) });
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
