// The prerendered first view (assets/first-view.html in index.html): the seeds' first
// statement shows before any wasm arrives, under the strict CSP; the explorer takes over
// without a frame with no statements and without moving the scroll position; an address
// with view state never shows the seeds' default list as its view.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { useServedApp, STRICT_CSP } from "../helpers/app.mjs";
import { DIST, openPage, waitForOutlets, screenshot, APP_TIMEOUT } from "../helpers/browser.mjs";

/** Holds every .wasm request until `release()` is called (the explorer's, mostly). */
async function holdWasm(page) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue().catch(() => {});
  });
  return () => release();
}

/**
 * Records, once per frame from the first one, whether the prerendered view is in the page,
 * how many statements are visible, whether the prerendered list is shown, and the scroll.
 */
const RECORD_FRAMES = () => {
  window.__frames = [];
  const frame = () => {
    const pre = document.getElementById("first-view");
    const app = pre?.querySelector(".first-view-app");
    window.__frames.push({
      pre: !!pre,
      preShown: !!app && app.getClientRects().length > 0,
      statements: [...document.querySelectorAll("li.statement")].filter((li) => li.getClientRects().length > 0).length,
      y: scrollY,
    });
    if (window.__frames.length < 2000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

/** Resolves when the explorer has replaced the prerendered view. */
const takenOver = (page) => page.waitForFunction(() => !document.getElementById("first-view") && document.querySelector(".app"), null, { timeout: APP_TIMEOUT });

describe("the prerendered first view", () => {
  const app = useServedApp({ headers: { "content-security-policy": STRICT_CSP } });

  it("shows the first statement before the wasm arrives, then the explorer takes over with no empty frame", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.addInitScript(RECORD_FRAMES);
    const release = await holdWasm(page);
    await page.goto(app.server.url);
    // The wasm is held: what shows is index.html and its CSS alone.
    const first = page.locator("#first-view li.statement").first();
    await first.waitFor({ state: "visible" });
    const status = page.locator("#first-view .first-view-status");
    assert.match(await status.innerText(), /Loading the explorer/);
    assert.equal(await page.locator("#first-view .first-view-app").getAttribute("aria-busy"), "true");
    // Its controls do nothing until the explorer is ready (inert): a click on a facet
    // or a statement is not taken.
    assert.equal(await page.evaluate(() => document.querySelector("#first-view .first-view-app").inert), true);
    await screenshot(page, "first-view-before-wasm");
    // Scrolled down a little while waiting: the explorer keeps the place.
    await page.evaluate(() => scrollTo(0, 240));
    const y = await page.evaluate(() => scrollY);
    release();
    await takenOver(page);
    await waitForOutlets(page, 5, { problems });
    assert.equal(await page.locator(".app").count(), 1, "one explorer, no prerendered copy left");
    assert.equal(await page.evaluate(() => scrollY), y, "the scroll position is kept");
    await screenshot(page, "first-view-taken-over");
    // Every frame from the first statement on shows statements (no flash of an empty page).
    const frames = await page.evaluate(() => window.__frames);
    const from = frames.findIndex((f) => f.statements > 0);
    assert.ok(from >= 0, "a statement was on screen");
    const empty = frames.slice(from).filter((f) => f.statements === 0);
    assert.deepEqual(empty, [], "no frame without statements after the first");
    // The explorer works: a kind facet narrows the list.
    const before = await page.locator("#result-count").innerText();
    await page.locator('fieldset[data-facet="kind"] input').first().click();
    await page.waitForFunction((b) => document.querySelector("#result-count").textContent !== b, before);
    assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}`);
    await page.close();
  });

  it("never shows the seeds' default list for an address with view state", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.addInitScript(RECORD_FRAMES);
    const release = await holdWasm(page);
    await page.goto(`${app.server.url}#q=zelensky`);
    await page.locator("#first-view .first-view-status").waitFor({ state: "visible" });
    assert.equal(await page.locator("#first-view .first-view-app").isVisible(), false);
    assert.equal(await page.locator("li.statement").first().isVisible().catch(() => false), false);
    await screenshot(page, "first-view-stateful-before-wasm");
    release();
    await takenOver(page);
    await page.waitForFunction(() => document.querySelector("#search")?.value === "zelensky");
    const frames = await page.evaluate(() => window.__frames);
    assert.deepEqual(frames.filter((f) => f.preShown), [], "no frame showed the prerendered list");
    assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}`);
    await page.close();
  });

  it("hides the default list when the store holds a workspace (the hint in localStorage)", async () => {
    const { page, problems } = await openPage(app.browser.context);
    // Set before any script of the page runs (the explorer keeps the hint true to its
    // store, so one set from a running page may be gone by the next load).
    await page.addInitScript(() => localStorage.setItem("quoteline.store.holds", "1"));
    const release = await holdWasm(page);
    await page.goto(app.server.url);
    await page.locator("#first-view .first-view-status").waitFor({ state: "visible" });
    assert.equal(await page.locator("#first-view .first-view-app").isVisible(), false);
    release();
    await takenOver(page);
    await waitForOutlets(page, 5, { problems });
    await page.evaluate(() => localStorage.removeItem("quoteline.store.holds"));
    assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}`);
    await page.close();
  });

  // The archive mode renders into <body>, which yew clears when it mounts an app there.
  it("is taken out by the archive mode too, which ?corpus=DIR/ starts instead of the explorer", async () => {
    const { page } = await openPage(app.browser.context);
    await page.goto(`${app.server.url}?corpus=no-such-archive/`);
    // (No such directory: the archive mode says so; the 404 is not this spec's concern.)
    await page.waitForFunction(() => !document.getElementById("first-view"), null, { timeout: APP_TIMEOUT });
    assert.equal(await page.locator(".first-view-status").count(), 0, "no 'Loading the explorer' line left");
    await screenshot(page, "first-view-archive-address");
    await page.close();
  });

  it("is in the single file too, which the explorer takes over from disk", async () => {
    const file = join(DIST, "quoteline.html");
    assert.match(readFileSync(file, "utf8"), /<div id="first-view">/);
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(pathToFileURL(file).href);
    await takenOver(page);
    await waitForOutlets(page, 5, { problems });
    assert.equal(await page.locator(".app").count(), 1);
    assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}`);
    await page.close();
  });
});
