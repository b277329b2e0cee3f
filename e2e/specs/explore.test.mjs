// What a person does with the explorer: search, read the highlighted hits, pick a
// facet, open a statement with the keyboard and with the mouse, close it. Screenshots
// of each step (light, dark, and a 360 px phone) land in e2e/screenshots/.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveStatic } from "../helpers/server.mjs";
import { DIST, launch, openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";

describe("exploring the seed statements", () => {
  let server;
  let browser;

  before(async () => {
    server = await serveStatic(DIST);
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const countText = (page) => page.locator("#result-count").innerText();
  const listed = (page) => page.locator("li.statement").count();

  it("search narrows the list, marks the hits, and a facet narrows it further", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(server.url);
    await waitForOutlets(page, 5, { problems });
    const total = await listed(page);

    // "/" focuses the search box from anywhere.
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search");
    await page.keyboard.type("zelensky");
    // Accent- and case-insensitive: Zelenskyy, Zelenskiy and Zelensky all match "zelensky".
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length < n, total);
    const hits = await listed(page);
    assert.ok(hits > 3 && hits < total, `search gave ${hits} of ${total}`);
    assert.ok((await page.locator("li.statement mark").count()) >= hits, "every hit is highlighted");
    const outletsWithHits = await page.$$eval("li.statement", (li) => new Set(li.map((x) => x.dataset.outlet)).size);
    assert.ok(outletsWithHits >= 3, "the spelling variants from several outlets are found");
    assert.match(await countText(page), new RegExp(`^${hits} of ${total} statements`));

    // The outlet facet's counts follow the search; ticking one narrows the list.
    const reuters = page.locator('fieldset[data-facet="outlet"] label', { hasText: "Reuters" });
    const reutersCount = Number(await reuters.locator(".facet-count").innerText());
    await reuters.locator("input").check();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, reutersCount);
    assert.ok(reutersCount < hits);
    await screenshot(page, "explore-search-facet");

    // Clear all brings everything back.
    await page.getByRole("button", { name: "Clear all" }).click();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, total);
    assert.equal(await page.locator("#search").inputValue(), "");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("j/k select statements, the detail shows the source marked, Esc closes it", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(server.url);
    await waitForOutlets(page, 5, { problems });
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.locator("#detail").waitFor();
    const selected = page.locator("li.statement.selected");
    assert.equal(await selected.count(), 1);
    const second = await page.locator("li.statement").nth(1).getAttribute("data-id");
    assert.equal(await selected.getAttribute("data-id"), second);
    // The statement is marked in its article, verbatim.
    const words = (await page.locator("#detail blockquote.full").innerText()).replace(/^“|”$/g, "");
    const marked = await page.locator("#detail .source-text mark.hl-statement").first().innerText();
    assert.ok(words.includes(marked) || marked.includes(words.slice(0, 20)), `marked ${marked} vs ${words}`);
    assert.ok(await page.locator("#detail .source-text mark.hl-statement").first().isVisible());
    await page.keyboard.press("k");
    assert.equal(await page.locator("li.statement.selected").getAttribute("data-id"), await page.locator("li.statement").first().getAttribute("data-id"));
    await page.keyboard.press("Escape");
    await page.locator("#detail").waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("a click opens a statement; screenshots in light, dark and at 360 px", async () => {
    for (const [name, opts] of [
      ["explore-light", { colorScheme: "light", viewport: { width: 1280, height: 800 } }],
      ["explore-dark", { colorScheme: "dark", viewport: { width: 1280, height: 800 } }],
      ["explore-phone", { colorScheme: "light", viewport: { width: 360, height: 740 } }],
    ]) {
      const { page, problems } = await openPage(browser.context);
      await page.emulateMedia({ colorScheme: opts.colorScheme });
      await page.setViewportSize(opts.viewport);
      await page.goto(server.url);
      await waitForOutlets(page, 5, { problems });
      await page.locator("#search").fill("Merz");
      await page.locator("li.statement button", { hasText: "Berlin was open" }).first().click();
      await page.locator("#detail .speaker-card h3", { hasText: "Friedrich Merz" }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
      await screenshot(page, name);
      assert.deepEqual(problems, []);
      await page.close();
    }
  });
});
