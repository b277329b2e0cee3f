// The archive in the browser (issue 20): a benchmark, not a test (it prints figures and
// asserts nothing about time). For each sharded archive given (`quoteline pack
// --sharded --out DIR`), served beside the release build in dist/ on 127.0.0.1, in
// headless Chromium, from a fresh page each run (the server says no-store):
//   - first view after navigation to PAGE?corpus=DIR/ (PAGE: archive.html, the archive
//     mode's page, where the build has one, else index.html; `--page index.html` measures
//     index.html's sending it on, from before the first navigation, by the clock): the
//     counts, the overview and the first page of statements on screen, ms from
//     navigation start, and the archive's
//     bytes fetched before it (as stored: the server does not compress); and the app's
//     own files fetched before it (the page, the boot script, the archive module, CSS:
//     their brotli sizes as built, and how many of them are the explorer's, which an
//     archive page does not need);
//   - a one-word search: input event to its results on screen, ms and bytes;
//   - a facet click (the biggest outlet): click to its results on screen, ms and bytes;
//   - opening a statement with its article: click to the article on screen, ms and bytes;
//   - the JS heap (performance.memory, precise with Chromium's flag) and the wasm
//     memory (the module's memory buffer) after all of it.
// Each figure is the median of the runs, with the spread (min–max).
// Usage: node e2e/bench/archive.bench.mjs [--runs 5] [--word vaccine] [--page P] DIR [DIR...]
import { cp, mkdtemp, readdir, rm, symlink, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../helpers/server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, DIST } from "../helpers/browser.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const v = args[at + 1];
  args.splice(at, 2);
  return v;
};
const RUNS = Number(opt("--runs", 5));
const WORD = opt("--word", "vaccine");
const PAGE = opt("--page", existsSync(join(DIST, "archive.html")) ? "archive.html" : "index.html");
if (args.length === 0 || !(RUNS >= 1)) {
  console.error("usage: node e2e/bench/archive.bench.mjs [--runs N] [--word W] ARCHIVE_DIR...");
  process.exit(2);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = (xs, unit, digits = 0) => {
  const { median, min, max } = stats(xs);
  return `${median.toFixed(digits)} ${unit} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
};

/** The archive's bytes and files fetched so far (resource timing, as stored). */
const fetched = (page) =>
  page.evaluate(() => {
    const dir = new URL("archive/", location.href).href;
    const mine = performance.getEntriesByType("resource").filter((e) => e.name.startsWith(dir));
    return { bytes: mine.reduce((a, e) => a + e.encodedBodySize, 0), files: mine.length };
  });

/** The app's files the page fetched (not the archive's): paths below the site, in order. */
const appFiles = (page) =>
  page.evaluate(() => {
    const base = new URL(".", location.href).href;
    const all = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)];
    const dir = new URL("archive/", location.href).href;
    return all.filter((n) => n.startsWith(base) && !n.startsWith(dir)).map((n) => n.slice(base.length).split(/[?#]/)[0] || "index.html");
  });

const brotliCache = new Map();
/** A built file's brotli size (quality 11, as scripts/sizes.mjs counts). */
async function brotliOf(dir, name) {
  const key = join(dir, name);
  if (!brotliCache.has(key)) {
    const bytes = await readFile(key);
    brotliCache.set(key, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brotliCache.get(key);
}

/** Runs `act` in the page, then resolves to the ms until `done()` holds (checked each frame). */
const timed = (page, act, done) =>
  page.evaluate(
    ([act, done]) =>
      new Promise((ok) => {
        const t0 = performance.now();
        new Function(act)();
        const check = () => (new Function(`return (${done})`)() ? ok(performance.now() - t0) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }),
    [act, done],
  );

const settled = `document.querySelector('#results[aria-busy="false"]')`;

async function one(browser, url, root, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The wasm module's memory, kept when Trunk starts the app.
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__wasmMemory = e.detail?.wasm?.memory;
    });
  });
  const out = {};
  const t0 = Date.now();
  await page.goto(`${url}${PAGE === "index.html" ? "" : PAGE}?corpus=archive/`);
  const sent = PAGE === "index.html" && existsSync(join(DIST, "archive.html"));
  if (sent) await page.waitForURL(/\/archive\.html/);
  const [first, at] = await page.evaluate(
    () =>
      new Promise((ok) => {
        const check = () => {
          const ready = document.querySelector('#results[aria-busy="false"] li.statement') && document.querySelector(".overview-bar");
          ready ? ok([performance.now(), performance.timeOrigin + performance.now()]) : requestAnimationFrame(check);
        };
        check();
      }),
  );
  // From this page's navigation; through index.html, from the first one's (by the clock).
  out.first = sent ? at - t0 : first;
  let before = await fetched(page);
  out.firstBytes = before.bytes;
  out.firstFiles = before.files;
  const app = await appFiles(page);
  out.appFiles = app.length;
  out.appBrotli = 0;
  for (const f of app) out.appBrotli += await brotliOf(site, f);
  out.explorerFiles = app.filter((f) => f.startsWith("quoteline-web")).length;

  const step = async (name, act, done) => {
    const ms = await timed(page, act, done);
    const after = await fetched(page);
    out[name] = ms;
    out[`${name}Bytes`] = after.bytes - before.bytes;
    out[`${name}Files`] = after.files - before.files;
    before = after;
  };
  const search = (w) => `const i = document.querySelector("#search"); i.value = ${JSON.stringify(w)}; i.dispatchEvent(new InputEvent("input", { bubbles: true }));`;
  await step("search", search(WORD), `document.querySelector('#results[aria-busy="false"][data-search="${WORD}"] li.statement')`);
  await step("clear", search(""), `document.querySelector('#results[aria-busy="false"][data-search=""] li.statement')`);
  const [outlet, count] = root.outlets[0];
  const box = `[...document.querySelectorAll('fieldset[data-facet="outlet"] label.facet-value')].find((l) => l.querySelector(".facet-name").textContent === ${JSON.stringify(outlet)}).querySelector("input")`;
  await step(
    "facet",
    `${box}.click();`,
    `${settled} && document.querySelector("#result-count").textContent.startsWith("${count} of ") && document.querySelector("li.statement")`,
  );
  await step("open", `document.querySelector("li.statement button").click();`, `document.querySelector("#detail .source-text")`);
  const mem = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? NaN,
    wasm: window.__wasmMemory?.buffer?.byteLength ?? NaN,
  }));
  out.heap = mem.heap / 1e6;
  out.wasm = mem.wasm / 1e6;
  await context.close();
  return out;
}

const site = await mkdtemp(join(tmpdir(), "quoteline-archive-bench-"));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"] });
try {
  await cp(DIST, site, { recursive: true });
  for (const dir of args) {
    const root = JSON.parse(await readFile(join(dir, "root.json"), "utf8"));
    const shards = (await readdir(dir)).filter((f) => /^statements-\d{5}\.bin$/.test(f)).length;
    await rm(join(site, "archive"), { force: true });
    await symlink(resolve(dir), join(site, "archive"));
    const server = await serveStatic(site);
    try {
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await one(browser, server.url, root, site));
      const col = (k) => runs.map((x) => x[k]);
      console.log(`\n${PAGE}?corpus=${dir}: ${root.facts.statements} statements, ${root.facts.articles} articles, ${shards} statement shards (${RUNS} runs, median (min–max))`);
      console.log(`  first view after navigation   ${fmt(col("first"), "ms")}   ${fmt(col("firstBytes"), "B")} in ${fmt(col("firstFiles"), "files")}`);
      console.log(`  app files before it           ${fmt(col("appBrotli"), "B brotli")} in ${fmt(col("appFiles"), "files")}, ${fmt(col("explorerFiles"), "explorer files")}`);
      console.log(`  one-word search "${WORD}"       ${fmt(col("search"), "ms")}   ${fmt(col("searchBytes"), "B")} in ${fmt(col("searchFiles"), "files")}`);
      console.log(`  search cleared                ${fmt(col("clear"), "ms")}   ${fmt(col("clearBytes"), "B")}`);
      console.log(`  facet click (${root.outlets[0][0]})  ${fmt(col("facet"), "ms")}   ${fmt(col("facetBytes"), "B")} in ${fmt(col("facetFiles"), "files")}`);
      console.log(`  open a statement              ${fmt(col("open"), "ms")}   ${fmt(col("openBytes"), "B")} in ${fmt(col("openFiles"), "files")}`);
      console.log(`  JS heap                       ${fmt(col("heap"), "MB", 1)}`);
      console.log(`  wasm memory                   ${fmt(col("wasm"), "MB", 1)}`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
  await rm(site, { recursive: true, force: true });
}
