// Headless Chromium for the e2e specs, through playwright-core and the system
// browser (no browser download): Debian's /usr/bin/chromium, a fresh temporary
// profile per launch, and flags that keep it off the (closed) network.
import { chromium } from "playwright-core";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const DIST = process.env.E2E_DIST ?? fileURLToPath(new URL("../../dist/", import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** How long a spec waits for the app to appear (a cold wasm start on a busy 2-core box). */
export const APP_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

/** Launches Chromium with a fresh profile. Resolves to { context, close() }. */
export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/setup.sh test`);
  const profile = await mkdtemp(join(tmpdir(), "quoteline-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    colorScheme: "light",
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a new page that records every console error, uncaught exception and
 * failed request. Returns { page, problems } where `problems` is a live array.
 */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location()?.url ?? "";
    problems.push(`console error: ${msg.text()}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => {
    // A reload or navigation cancels what the old page was still fetching (its icon,
    // say): net::ERR_ABORTED is the page going away, not a failure.
    if (req.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("response", (res) => {
    // (A 404 for /favicon.ico counts too: the page names its own icon.)
    if (res.status() >= 400) {
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
    }
  });
  return { page, problems };
}

/** The distinct outlets among rendered statements (`li.statement[data-outlet]`). */
export function outletsOnPage(page) {
  return page.$$eval("li.statement[data-outlet]", (items) =>
    [...new Set(items.map((li) => li.dataset.outlet))].sort(),
  );
}

/**
 * Waits (polling the DOM, no fixed sleeps) until statements from at least `count`
 * distinct outlets are rendered; resolves to the outlet names. On timeout the
 * error says what was on the page and lists the `problems` seen so far.
 */
export async function waitForOutlets(page, count, { timeout = APP_TIMEOUT, problems = [] } = {}) {
  try {
    await page.waitForFunction(
      // The explorer's statements: the prerendered first view (#first-view, inert until
      // the explorer replaces it) does not count.
      (n) => !document.getElementById("first-view") &&
        new Set([...document.querySelectorAll("li.statement[data-outlet]")].map((li) => li.dataset.outlet)).size >= n,
      count,
      { timeout },
    );
  } catch (err) {
    const found = await outletsOnPage(page).catch(() => []);
    const statements = await page.locator("li.statement").count().catch(() => 0);
    throw new Error(
      `expected statements from ${count} outlets within ${timeout} ms; found ${statements} li.statement ` +
        `element(s) from ${found.length} outlet(s) [${found.join(", ")}]: ${err.message.split("\n")[0]}` +
        (problems.length ? `\nproblems on the page:\n${problems.join("\n")}` : ""),
    );
  }
  return outletsOnPage(page);
}

/**
 * Saves what a person would see first (e2e/screenshots/NAME.png, the viewport) and
 * the whole page (NAME-full.png) for a person to look at. Resolves to the paths.
 */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const view = join(SCREENSHOTS, `${name}.png`);
  const full = join(SCREENSHOTS, `${name}-full.png`);
  await page.screenshot({ path: view });
  await page.screenshot({ path: full, fullPage: true });
  return [view, full];
}

/**
 * Forgets what the app keeps in the browser (localStorage, sessionStorage and the
 * IndexedDB database of the workspace store), as a fresh profile would have it. The
 * page's own connection closes when the database is deleted (it listens for that).
 */
export async function clearStorage(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        localStorage.clear();
        sessionStorage.clear();
        const r = indexedDB.deleteDatabase("quoteline");
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
  );
}

/** Drops the corpus the app keeps with the saved articles, so that the next page
 * builds it again in the loader worker. */
export async function dropKeptCorpus(page) {
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open("quoteline");
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const tx = r.result.transaction("files", "readwrite");
          tx.objectStore("files").delete("workspace-corpus");
          tx.oncomplete = () => {
            r.result.close();
            resolve();
          };
        };
      }),
  );
}
