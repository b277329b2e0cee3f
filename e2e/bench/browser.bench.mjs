// Browser benchmarks (not tests: they print figures and assert nothing about time).
// Against the release build in dist/, in headless Chromium:
//   - navigation to the first statement visible, seed corpus;
//   - keystroke to updated list, facet click to updated counts, timeline zoom (key to
//     repaint) and pan frame time, each with the main thread's script, style and layout
//     time for it (Chromium's counters), JS heap: on the seed corpus and on a synthetic corpus
//     of about 50,000 statements loaded through the app's own path (the file picker);
//   - JS heap after 100 filter/clear cycles;
//   - the same synthetic corpus as a precomputed corpus file (`quoteline pack`): opened
//     by `?corpus=` (navigation → first statement) and by the file picker, then the
//     same interactions on it.
// Each figure is the median of repeated runs with its spread (min–max).
// Usage: make bench (or: node e2e/bench/browser.bench.mjs [--mb 10] [--skip-loader | --load-only] [--start-only [--worker]] [--runs 7]).
import { cp, mkdtemp, rm, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../helpers/server.mjs";
import { launch, openPage, DIST } from "../helpers/browser.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const mbArg = process.argv.indexOf("--mb");
const MB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 10;
if (!(MB > 0 && MB <= 50)) {
  console.error(`--mb must be more than 0 and at most 50 (one load's limit), got ${process.argv[mbArg + 1]}`);
  process.exit(2);
}
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
if (!(RUNS >= 1)) {
  console.error(`--runs must be at least 1, got ${process.argv[runsArg + 1]}`);
  process.exit(2);
}
// --skip-loader: leave out the slow load of every file through the picker (the large
// corpus then comes only as a precomputed corpus file).
const SKIP_LOADER = process.argv.includes("--skip-loader");
// --start-only: only navigation → first statement (a quick before/after for start-up).
const START_ONLY = process.argv.includes("--start-only");
// --worker (with --start-only): also a pasted article, "Add" → its statement on screen,
// the first time (the loader worker fetched and started too) and again (it is running),
// and the worker alone: created → its Ready message (fetched, compiled, started).
const WORKER = process.argv.includes("--worker");
// --load-only: only the large load through the file picker and its main-thread long
// tasks (a quick before/after for the main thread).
const LOAD_ONLY = process.argv.includes("--load-only");

/** Pastes `text`, clicks "Add" and resolves to the ms until a statement holding `needle`
 * is on screen (the frame after it enters the list; the search must show it). */
const pasteTimed = async (page, text, needle) => {
  await page.locator("#paste-text").fill(text);
  return page.evaluate((needle) => new Promise((ok) => {
    const seen = () => [...document.querySelectorAll("li.statement")].some((li) => li.textContent.includes(needle));
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (!seen()) return;
      obs.disconnect();
      requestAnimationFrame(() => ok(performance.now() - t0));
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector("#add-paste").click();
  }), needle);
};

const stats = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return { median: NaN, min: NaN, max: NaN };
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = ({ median, min, max }, unit = "ms") => `${median.toFixed(1)} ${unit} (${min.toFixed(1)}–${max.toFixed(1)})`;

/** Time from an action run in the page to the next mutation of `target`, in ms. */
async function reaction(page, action, target) {
  return page.evaluate(
    ([action, target]) =>
      new Promise((resolve) => {
        const el = document.querySelector(target);
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          obs.disconnect();
          // Wait for the frame that shows it.
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        obs.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
        // Nothing changed (e.g. zooming out at the widest view): not a sample.
        setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
        new Function(action)();
      }),
    [action, target],
  );
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach();
  return metrics.find((m) => m.name === "JSHeapUsedSize").value / 1e6;
}

/** The wasm module's linear memory (not part of the JS heap figure), in MB. */
const wasmMB = (page) => page.evaluate(() => (window.__wasm?.memory?.buffer.byteLength ?? NaN) / 1e6);

/** 100 filter/clear cycles: the heap should not grow. */
async function cycles(page) {
  const before = await heapMB(page);
  for (let i = 0; i < 100; i++) {
    await reaction(page, `const s = document.querySelector('#search'); s.value = 'ready'; s.dispatchEvent(new InputEvent('input', { bubbles: true }));`, "#result-count");
    await reaction(page, `const s = document.querySelector('#search'); s.value = ''; s.dispatchEvent(new InputEvent('input', { bubbles: true }));`, "#result-count");
  }
  const after = await heapMB(page);
  console.log(`  JS heap over 100 filter/clear cycles: ${before.toFixed(1)} → ${after.toFixed(1)} MB; wasm memory then ${(await wasmMB(page)).toFixed(1)} MB`);
}

/** The main thread's script, style and layout time so far, in ms (Chromium's counters). */
async function work(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const ms = (name) => metrics.find((m) => m.name === name).value * 1000;
  return { script: ms("ScriptDuration"), style: ms("RecalcStyleDuration"), layout: ms("LayoutDuration") };
}

/**
 * Runs `action` (see `reaction`) and returns [key → frame, the main thread's work for
 * it]. The work is counted until the page is idle again (it includes what the app defers
 * to after the next paint, such as the timeline's update): the figure to compare with a
 * 16.7 ms frame, which key → frame is not (it adds the wait for the next frame).
 */
async function measured(page, cdp, action, target) {
  const before = await work(cdp);
  const t = await reaction(page, action, target);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 150)));
  const after = await work(cdp);
  const w = {};
  for (const k of Object.keys(before)) w[k] = after[k] - before[k];
  return [t, w];
}

async function interactions(page, label) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const runs = { keys: [], facets: [], zooms: [], pans: [] };
  const work_ = { keys: [], facets: [], zooms: [], pans: [] };
  const run = async (kind, action, target) => {
    const [t, w] = await measured(page, cdp, action, target);
    runs[kind].push(t);
    if (Number.isFinite(t)) work_[kind].push(w);
  };
  for (let i = 0; i < RUNS; i++) {
    const letter = "said"[i % 4];
    await run("keys", `const s = document.querySelector('#search'); s.value = ${i % 2 ? "''" : `'${letter}'`}; s.dispatchEvent(new InputEvent('input', { bubbles: true }));`, "#result-count");
    await run("facets", `document.querySelector('fieldset[data-facet="kind"] input').click();`, ".filters");
    await run("zooms", `const svg = document.querySelector('svg.timeline-svg'); svg.focus(); svg.dispatchEvent(new KeyboardEvent('keydown', { key: '${i % 2 ? "-" : "+"}', bubbles: true }));`, ".view-label");
    await run("pans", `const svg = document.querySelector('svg.timeline-svg'); svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));`, ".view-label");
  }
  await cdp.detach();
  // Leave the search and facet as found.
  if (RUNS % 2) await page.evaluate(() => document.querySelector('fieldset[data-facet="kind"] input').click());
  await page.evaluate(() => { const s = document.querySelector("#search"); s.value = ""; s.dispatchEvent(new InputEvent("input", { bubbles: true })); });
  const count = await page.locator("#result-count").innerText();
  const marks = await page.locator("svg.timeline-svg .mark").count();
  const median = (xs) => stats(xs).median.toFixed(1);
  const line = (kind) => {
    const w = work_[kind];
    const total = w.map((x) => x.script + x.style + x.layout);
    return `${fmt(stats(runs[kind]))}; main thread ${fmt(stats(total))} (script ${median(w.map((x) => x.script))}, style ${median(w.map((x) => x.style))}, layout ${median(w.map((x) => x.layout))})`;
  };
  console.log(`\n${label}: ${count}; ${marks} timeline marks drawn`);
  console.log(`  keystroke → updated list    ${line("keys")}`);
  console.log(`  facet click → updated counts ${line("facets")}`);
  console.log(`  timeline zoom (key → frame)  ${line("zooms")}`);
  console.log(`  timeline pan (key → frame)   ${line("pans")}`);
  console.log(`  JS heap                      ${(await heapMB(page)).toFixed(1)} MB; wasm memory ${(await wasmMB(page)).toFixed(1)} MB`);
}

const tmp = await mkdtemp(join(tmpdir(), "quoteline-bench-"));
// dist/ plus the precomputed corpus file beside it, as a host would serve both.
const site = join(tmp, "site");
await cp(DIST, site, { recursive: true });
const server = await serveStatic(site);
const browser = await launch();
// Trunk's loader announces the wasm exports (with its memory) when the app starts.
await browser.context.addInitScript(() => addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; }));
// When the first statement (and a corpus file's banner) is first on screen: the frame
// after the element enters the DOM, seen by an observer set up before any script runs.
// (Timing Playwright's `waitFor` instead adds its polling interval, up to 100 ms.)
await browser.context.addInitScript(() => {
  window.__shown = {};
  const watch = {
    "li.statement": () => document.querySelector("li.statement"),
    "#corpus-banner": () => document.querySelector("#corpus-banner"),
    // The explorer interactive: its own view in the page, the prerendered first view
    // (index.html's #first-view, shown before the wasm) gone.
    explorer: () => !document.getElementById("first-view") && document.querySelector(".app"),
  };
  const obs = new MutationObserver(() => {
    for (const [sel, seen] of Object.entries(watch)) {
      if (window.__shown[sel] === undefined && seen()) {
        window.__shown[sel] = null;
        requestAnimationFrame(() => { window.__shown[sel] = performance.now(); });
      }
    }
    if (Object.keys(watch).every((sel) => window.__shown[sel] !== undefined)) obs.disconnect();
  });
  obs.observe(document, { childList: true, subtree: true });
});
/** Navigation to the frame showing every selector given, in ms (from the observer above). */
const shownAt = (page, selectors) =>
  page.waitForFunction((sels) => sels.every((s) => typeof window.__shown?.[s] === "number"), selectors).then(() =>
    page.evaluate((sels) => Math.max(...sels.map((s) => window.__shown[s])), selectors));
try {
main: {
  console.log(`browser benchmarks: release build in ${DIST}, headless Chromium, ${RUNS} runs each, median (min–max)`);
  // Navigation to the first statement, seed corpus (a fresh page each time).
  // With it, the explorer's wasm request (Resource Timing): when it starts after
  // navigation (with the preload links in index.html, while the HTML is parsed; from a
  // script, one round trip later) and when its response ends.
  // With the prerendered first view the statement shows before the wasm; the explorer is
  // interactive when it has replaced it (without a prerender, the same frame).
  // The browser's first contentful paint too: the frame's paint itself, which comes
  // after the frame's style and layout (the figures above are the frame's start).
  const nav = [];
  const wasmStart = [];
  const wasmEnd = [];
  const live = [];
  const fcp = [];
  for (let i = 0; i < RUNS; i++) {
    const { page } = await openPage(browser.context);
    await page.goto(server.url);
    nav.push(await shownAt(page, ["li.statement"]));
    live.push(await shownAt(page, ["explorer"]));
    fcp.push(await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").find((e) => /quoteline-web-[^/]*_bg\.wasm$/.test(e.name)));
    wasmStart.push(wasm?.startTime ?? NaN);
    wasmEnd.push(wasm?.responseEnd ?? NaN);
    await page.close();
  }
  console.log(`navigation → first statement visible (seed corpus): ${fmt(stats(nav))}`);
  console.log(`navigation → first contentful paint (seed corpus):  ${fmt(stats(fcp))}`);
  console.log(`navigation → explorer interactive (seed corpus):    ${fmt(stats(live))}`);
  console.log(`navigation → the explorer's wasm request starts: ${fmt(stats(wasmStart))}; its response ends: ${fmt(stats(wasmEnd))}`);
  if (START_ONLY && WORKER) {
    const first = [];
    const again = [];
    const ready = [];
    for (let i = 0; i < RUNS; i++) {
      const { page } = await openPage(browser.context);
      await page.goto(server.url);
      await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
      await page.reload();
      await page.locator("li.statement").first().waitFor();
      await page.locator("#open-loader").click();
      await page.locator("#search").fill("berth");
      const article = (n) => `Harbour reopens\n\n"Every berth has been checked ${n}," said harbour master Lena Okoye on Tuesday.\n`;
      first.push(await pasteTimed(page, article("twice"), "checked twice"));
      // The page marks the worker's creation and its Ready message (ui/worker.rs).
      ready.push(await page.evaluate(() => {
        const at = (n) => performance.getEntriesByName(n, "mark")[0]?.startTime;
        return at("quoteline-worker-ready") - at("quoteline-worker-start");
      }));
      again.push(await pasteTimed(page, article("three times"), "checked three times"));
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
    console.log(`pasted article, "Add" → its statement visible, first time (loader worker fetched and started): ${fmt(stats(first))}`);
    console.log(`pasted article, "Add" → its statement visible, worker running: ${fmt(stats(again))}`);
    console.log(`loader worker, created → ready (fetched, compiled, started; its Ready message received): ${fmt(stats(ready))}`);
  }
  if (START_ONLY) {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
    process.exit(0);
  }

  const { page } = await openPage(browser.context);
  await page.goto(server.url);
  await page.locator("li.statement").first().waitFor();
  if (!LOAD_ONLY) await interactions(page, "seed corpus");

  // A large corpus through the app's own path: the file picker.
  const dir = join(tmp, "synth");
  execFileSync(join(ROOT, "target/release/quoteline"), ["synth", "--out", dir, "--mb", String(MB)], { stdio: "inherit" });
  const files = (await readdir(dir)).map((f) => join(dir, f));
  if (!SKIP_LOADER) {
    await page.locator("#open-loader").click();
    // The main thread's long tasks (over 50 ms) during the load, from Chromium's
    // Long Tasks API.
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: "longtask" });
    });
    const t0 = Date.now();
    await page.locator("#pick-files").setInputFiles(files);
    // Tasks that started before `setInputFiles` returned are the file input's own:
    // Chromium filling in thousands of files and firing `change` (the app's handler in it
    // takes about 12 ms); the load's own tasks start after.
    const setAt = await page.evaluate(() => performance.now());
    await page.locator("#load-messages", { hasText: `Added ${files.length} articles.` }).waitFor({ timeout: 600_000 });
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) > n, 1000, { timeout: 600_000 });
    console.log(`\nloaded ${files.length} files (${MB} MB) through the file picker in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const all = await page.evaluate(() => window.__long);
    const input = all.filter(([at]) => at < setAt).map(([, d]) => d);
    const long = all.filter(([at]) => at >= setAt).map(([, d]) => d);
    console.log(`  the file input's own task (setInputFiles of ${files.length} files): ${input.map((d) => `${d.toFixed(0)} ms`).join(", ") || "none over 50 ms"}`);
    console.log(`  main-thread tasks over 50 ms during the load: ${long.length}; longest ${long.length ? Math.max(...long).toFixed(0) : 0} ms; in all ${long.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
    console.log(`  each, in order: ${long.map((d) => d.toFixed(0)).join(", ") || "none"} ms`);
    if (LOAD_ONLY) break main;
    await page.locator("#open-loader").click();
    await interactions(page, "large corpus");
    await cycles(page);
    await page.evaluate(() => localStorage.clear());
  }
  await page.close();

  // The same corpus, precomputed: `quoteline pack` once, then opened without extracting.
  const packed = join(site, "synth.qlc");
  const tp = Date.now();
  execFileSync(join(ROOT, "target/release/quoteline"), ["pack", "--out", packed, dir], { stdio: ["ignore", "ignore", "ignore"] });
  const size = (await stat(packed)).size;
  console.log(`\nquoteline pack over the same ${files.length} files: ${((Date.now() - tp) / 1000).toFixed(1)} s, ${(size / 1e6).toFixed(1)} MB file`);
  const opened = [];
  for (let i = 0; i < 3; i++) {
    const { page } = await openPage(browser.context);
    await page.goto(`${server.url}?corpus=synth.qlc`);
    await page.locator("#corpus-banner").waitFor({ timeout: 120_000 });
    opened.push(await shownAt(page, ["li.statement", "#corpus-banner"]));
    await page.close();
  }
  console.log(`navigation with ?corpus= → first statement visible: ${fmt(stats(opened))}`);
  const picked = [];
  let last;
  for (let i = 0; i < 3; i++) {
    const { page } = await openPage(browser.context);
    await page.goto(server.url);
    await page.locator("li.statement").first().waitFor();
    await page.locator("#open-loader").click();
    const t = Date.now();
    await page.locator("#open-corpus").setInputFiles(packed);
    await page.locator("#corpus-banner").waitFor({ timeout: 120_000 });
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) > n, 1000);
    picked.push(Date.now() - t);
    if (last) await last.close();
    last = page;
  }
  console.log(`file picker → corpus file shown: ${fmt(stats(picked))}`);
  await last.locator("#open-loader").click();
  await interactions(last, "precomputed corpus file");
  await cycles(last);
  await last.close();
}
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
