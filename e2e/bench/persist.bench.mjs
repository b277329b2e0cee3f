// Browser benchmarks of the workspace kept in IndexedDB (issue 21). They print figures
// and assert nothing about time. Against the release build in dist/ (or E2E_DIST), in
// headless Chromium:
//   - 5,000 articles (`quoteline synth --mb 12`: 11.9 MB of text) loaded through the file
//     picker, then reloaded: navigation → explorer usable (a statement on screen and the
//     count naming every article), and the same after the corpus kept with them is gone
//     (extraction again, in the loader worker);
//   - 50 MB of articles (`--mb 50`, one load's limit) kept across a reload;
//   - what the store reports (figures line).
// Usage: node e2e/bench/persist.bench.mjs [--runs 5] [--skip-50]
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../helpers/server.mjs";
import { launch, openPage, clearStorage, dropKeptCorpus, DIST } from "../helpers/browser.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const RUNS = arg("--runs", 5);
const SKIP_50 = process.argv.includes("--skip-50");
const LONG = { timeout: 900_000 };

const stats = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = ({ median, min, max }) => `${(median / 1000).toFixed(2)} s (${(min / 1000).toFixed(2)}–${(max / 1000).toFixed(2)})`;

/** Navigation → the frame where a statement is on screen and the count names `n`
 * articles, in ms (watched from before any script runs, every frame). */
async function usableAfterReload(page, n) {
  await page.evaluate((n) => sessionStorage.setItem("bench.articles", String(n)), n);
  await page.reload();
  await page.waitForFunction(() => typeof window.__usable === "number", null, LONG);
  return page.evaluate(() => window.__usable);
}

/** Waits until the corpus built from the articles is kept with them (its write follows
 * the build; a reload before it extracts again): the build's message gone and the kept
 * record the same size on two looks a quarter of a second apart. */
async function kept(page) {
  const size = () => page.evaluate(() => new Promise((ok) => {
    const r = indexedDB.open("quoteline");
    r.onsuccess = () => {
      const g = r.result.transaction("files").objectStore("files").get("workspace-corpus");
      g.onsuccess = () => { r.result.close(); ok(g.result?.bytes?.byteLength ?? 0); };
    };
  }));
  let last = -1;
  for (;;) {
    const now = (await page.locator("#build-message").count()) === 0 ? await size() : 0;
    if (now > 0 && now === last) return now;
    last = now;
    await page.waitForTimeout(250);
  }
}

async function load(page, dir) {
  const files = (await readdir(dir)).map((f) => join(dir, f));
  if ((await page.locator("#loader").count()) === 0) await page.locator("#open-loader").click();
  const t0 = Date.now();
  await page.locator("#pick-files").setInputFiles(files);
  await page.locator("#load-messages", { hasText: `Added ${files.length} articles.` }).waitFor(LONG);
  await page.locator("#store-figures", { hasText: `Saved in this browser: ${files.length} articles` }).waitFor(LONG);
  return { files: files.length, seconds: (Date.now() - t0) / 1000 };
}

const tmp = await mkdtemp(join(tmpdir(), "quoteline-persist-bench-"));
const server = await serveStatic(DIST);
const browser = await launch();
await browser.context.addInitScript(() => {
  const want = sessionStorage.getItem("bench.articles");
  if (!want) return;
  const check = () => {
    const count = document.querySelector("#result-count")?.textContent ?? "";
    if (document.querySelector("li.statement") && count.includes(`· ${want} articles`)) window.__usable = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
});
const synth = (mb) => {
  const dir = join(tmp, `synth-${mb}`);
  execFileSync(join(ROOT, "target/release/quoteline"), ["synth", "--out", dir, "--mb", String(mb)], { stdio: "inherit" });
  return dir;
};
try {
  console.log(`workspace store benchmarks: ${DIST}, headless Chromium, median (min–max) of ${RUNS} reloads`);
  const { page } = await openPage(browser.context);
  await page.goto(server.url);
  await page.locator("li.statement").first().waitFor();
  const seeds = Number((await page.locator("#result-count").innerText()).match(/· (\d+) articles/)[1]);
  const small = synth(12);
  const l = await load(page, small);
  console.log(`5,000 articles through the picker, added and saved: ${l.seconds.toFixed(1)} s`);
  console.log(`  corpus kept with them: ${((await kept(page)) / 1e6).toFixed(1)} MB`);
  console.log(`  ${await page.locator("#store-figures").innerText()}`);
  const withKept = [];
  for (let i = 0; i < RUNS; i++) withKept.push(await usableAfterReload(page, seeds + l.files));
  console.log(`reload → explorer usable, ${l.files} articles (corpus kept with them): ${fmt(stats(withKept))}; each: ${withKept.map((t) => (t / 1000).toFixed(2)).join(", ")} s`);
  const again = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    await dropKeptCorpus(page);
    again.push(await usableAfterReload(page, seeds + l.files));
    await kept(page);
  }
  console.log(`reload → explorer usable, ${l.files} articles extracted again (no kept corpus): ${fmt(stats(again))}`);
  await clearStorage(page);
  await rm(small, { recursive: true, force: true });
  if (!SKIP_50) {
    await page.reload();
    await page.locator("li.statement").first().waitFor();
    const big = synth(50);
    const b = await load(page, big);
    console.log(`50 MB (${b.files} articles) through the picker, added and saved: ${b.seconds.toFixed(1)} s`);
    console.log(`  corpus kept with them: ${((await kept(page)) / 1e6).toFixed(1)} MB`);
    console.log(`  ${await page.locator("#store-figures").innerText()}`);
    const t = await usableAfterReload(page, seeds + b.files);
    const mine = await page.locator("#open-loader").innerText();
    console.log(`reload → explorer usable with all ${b.files} (${mine}): ${(t / 1000).toFixed(2)} s`);
    await clearStorage(page);
    await rm(big, { recursive: true, force: true });
  }
  await page.close();
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
