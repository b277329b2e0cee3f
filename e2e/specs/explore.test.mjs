// What a person does with the explorer: search, read the highlighted hits, pick a
// facet, open a statement with the keyboard and with the mouse, close it. Screenshots
// of each step (light, dark, and a 360 px phone) land in e2e/screenshots/.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "../helpers/app.mjs";
import { readFile } from "node:fs/promises";
import { openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";
import { assertNoSeriousViolations } from "../helpers/axe.mjs";

describe("exploring the seed statements", () => {
  const app = useServedApp();

  const countText = (page) => page.locator("#result-count").innerText();
  const listed = (page) => page.locator("li.statement").count();

  it("search narrows the list, marks the hits, and a facet narrows it further", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    const total = await listed(page);

    // "/" focuses the search box from anywhere.
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search");
    await page.keyboard.type("zelensky");
    // Accent- and case-insensitive: Zelenskyy, Zelenskiy and Zelensky all match "zelensky".
    // Wait until the list and the count agree and every row carries a hit.
    await page.waitForFunction((n) => {
      const rows = [...document.querySelectorAll("li.statement")];
      return document.querySelector("#search").value === "zelensky" && rows.length < n &&
        document.querySelector("#result-count").textContent.startsWith(`${rows.length} of`) && rows.every((li) => li.querySelector("mark"));
    }, total);
    const hits = await listed(page);
    assert.ok(hits > 3 && hits < total, `search gave ${hits} of ${total}`);
    assert.ok((await page.locator("li.statement mark").count()) >= hits, "every hit is highlighted");
    const outletsWithHits = await page.$$eval("li.statement", (li) => new Set(li.map((x) => x.dataset.outlet)).size);
    assert.ok(outletsWithHits >= 3, "the spelling variants from several outlets are found");
    assert.match(await countText(page), new RegExp(`^${hits} of ${total} statements`));

    // The outlet facet's counts follow the search; ticking one narrows the list.
    const reuters = page.locator('fieldset[data-facet="outlet"] label', { hasText: "POLITICO" });
    const reutersCount = Number(await reuters.locator(".facet-count").innerText());
    await reuters.locator("input").check();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, reutersCount);
    assert.ok(reutersCount > 0 && reutersCount < hits);
    await screenshot(page, "explore-search-facet");

    // A topic narrows the list to exactly its count; the detail says which words triggered it.
    await page.locator(".filters button.clear").click();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, total);
    const topic = page.locator('fieldset[data-facet="topic"] label', { hasText: "ceasefire and monitoring" });
    const topicCount = Number(await topic.locator(".facet-count").innerText());
    assert.ok(topicCount > 0 && topicCount < total);
    await topic.locator("input").check();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, topicCount);
    await page.locator("li.statement button").first().click();
    await page.locator("#detail .topics .topic", { hasText: "ceasefire and monitoring" }).waitFor();
    await page.keyboard.press("Escape");

    // Clear all brings everything back.
    await page.locator(".filters button.clear").click();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, total);
    assert.equal(await page.locator("#search").inputValue(), "");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("j/k select statements, the detail shows the source marked, Esc closes it", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.locator("#detail").waitFor();
    const second = await page.locator("li.statement").nth(1).getAttribute("data-id");
    await page.waitForFunction((id) => document.querySelector("li.statement.selected")?.dataset.id === id, second);
    const selected = page.locator("li.statement.selected");
    assert.equal(await selected.count(), 1);
    assert.equal(await selected.getAttribute("data-id"), second);
    // The statement is marked in its article, verbatim.
    const words = (await page.locator("#detail blockquote.full").innerText()).replace(/^“|”$/g, "");
    const marked = await page.locator("#detail .source-text mark.hl-statement").first().innerText();
    assert.ok(words.includes(marked) || marked.includes(words.slice(0, 20)), `marked ${marked} vs ${words}`);
    assert.ok(await page.locator("#detail .source-text mark.hl-statement").first().isVisible());
    await page.keyboard.press("k");
    const first = await page.locator("li.statement").first().getAttribute("data-id");
    await page.waitForFunction((id) => document.querySelector("li.statement.selected")?.dataset.id === id, first);
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
      const { page, problems } = await openPage(app.browser.context);
      await page.emulateMedia({ colorScheme: opts.colorScheme });
      await page.setViewportSize(opts.viewport);
      await page.goto(app.server.url);
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

  it("pick a speaker; the link reproduces the view in a new page; back/forward step through it", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    const total = await listed(page);
    const merz = page.locator('fieldset[data-facet="speaker"] label', { hasText: "Friedrich Merz" });
    const merzCount = Number(await merz.locator(".facet-count").innerText());
    await merz.locator("input").check();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, merzCount);
    assert.ok(merzCount > 0 && merzCount < total);
    const speakers = await page.$$eval("li.statement .speaker", (els) => [...new Set(els.map((e) => e.textContent))]);
    assert.deepEqual(speakers, ["Friedrich Merz"]);
    assert.ok(await page.locator(".chips .chip", { hasText: "speaker: Friedrich Merz" }).isVisible());
    // Narrow by kind and select a statement: all of it goes into the URL.
    await page.locator('fieldset[data-facet="kind"] label').filter({ has: page.locator(".facet-name", { hasText: /^direct$/ }) }).locator("input").check();
    await page.waitForFunction(() => [...document.querySelectorAll("li.statement")].every((li) => li.classList.contains("direct")));
    const kindCount = await listed(page);
    await page.locator("li.statement button").first().click();
    await page.locator("#detail").waitFor();
    const selectedId = await page.locator("li.statement.selected").getAttribute("data-id");
    await page.waitForFunction(() => location.hash.includes("sel="));
    const url = page.url();
    assert.match(url, /#.*speaker=Friedrich/);

    // The same link in a fresh page gives the same view.
    const { page: page2, problems: problems2 } = await openPage(app.browser.context);
    await page2.goto(url);
    await page2.locator("#detail").waitFor();
    assert.equal(await listed(page2), kindCount);
    assert.equal(await page2.locator("li.statement.selected").getAttribute("data-id"), selectedId);
    assert.ok(await page2.locator('fieldset[data-facet="speaker"] label', { hasText: "Friedrich Merz" }).locator("input").isChecked());
    await screenshot(page2, "explore-shared-link");
    assert.deepEqual(problems2, []);
    await page2.close();

    // Back: the selection goes, then the kind filter; forward brings the kind back.
    await page.goBack();
    await page.locator("#detail").waitFor({ state: "detached" });
    await page.goBack();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, merzCount);
    await page.goForward();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, kindCount);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("a search typed just before a facet click keeps its own history entry", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    // The address follows typing after a pause; a facet click within it writes the typed
    // search first, then pushes the facet.
    await page.locator("#search").fill("guarantees");
    await page.locator('fieldset[data-facet="kind"] label').filter({ has: page.locator(".facet-name", { hasText: /^direct$/ }) }).locator("input").check();
    await page.waitForFunction(() => location.hash.includes("q=guarantees") && location.hash.includes("kind=direct"));
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes("q=guarantees") && !location.hash.includes("kind="));
    assert.equal(await page.locator("#search").inputValue(), "guarantees");
    assert.equal(await page.locator('fieldset[data-facet="kind"] input:checked').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("a hand-edited link falls back to a valid view with a notice", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(`${app.server.url}#outlet=Nowhere%20Times&kind=shouted&sel=gone&speaker=Friedrich%20Merz&%%%`);
    await page.locator("#notice").waitFor();
    const notice = await page.locator("#notice").innerText();
    assert.match(notice, /Nowhere Times/);
    assert.ok((await listed(page)) > 0, "the valid part of the link still applies");
    assert.ok(await page.locator('fieldset[data-facet="speaker"] label', { hasText: "Friedrich Merz" }).locator("input").isChecked());
    await screenshot(page, "explore-bad-link");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("exports the filtered statements as CSV and JSON", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    await page.locator("#search").fill("guarantees");
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll("li.statement")];
      return rows.length < 60 && document.querySelector("#result-count").textContent.startsWith(`${rows.length} of`);
    });
    const n = await listed(page);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const csvText = await readFile(await csv.path(), "utf8");
    const rows = csvText.trim().split("\r\n");
    // The CSV's header is the row `quoteline extract` prints, field for field, in its order.
    const header = "affiliation,confidence,cue,cue_end,cue_start,date,date_expression,date_precision,end,file,group,id,kind,low_confidence,mention,offsets,outlet,quoted,quoted_spans,role,rule,speaker,speaker_kind,start,text,topic_words,topics";
    assert.equal(rows[0], header);
    assert.equal(rows.length, n + 1);
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    const data = JSON.parse(await readFile(await json.path(), "utf8"));
    assert.equal(data.length, n);
    assert.ok(data.every((r) => /guarantee/i.test(r.text + r.speaker)));
    assert.ok(data.every((r) => Object.keys(r).join(",") === header && r.offsets === "text"));
    // Searched for "guarantees": each statement's topics are named, with their words.
    assert.ok(data.every((r) => Array.isArray(r.topics) && r.topics.length > 0 && typeof r.topic_words === "object"));
    // The loader worker wrote both files (the explorer carries no JSON printer); the
    // toolbar says what was exported.
    await page.locator(".toolbar .status", { hasText: `Exported ${n} statements as JSON.` }).waitFor();
    await screenshot(page, "explore-exported");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("keyboard alone: search, move, open, close; no serious accessibility violation", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    await page.keyboard.press("/");
    await page.keyboard.type("Kushner");
    await page.keyboard.press("Tab"); // leave the search box
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelectorAll("li.statement").length < 20);
    await page.locator("body").press("j");
    await page.locator("#detail").waitFor();
    assert.match(await page.locator("#detail .speaker-card h3").innerText(), /Kushner/);
    // Enter on the focused statement keeps it open; Esc closes.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.locator("#detail").waitFor({ state: "detached" });
    for (const view of ["list", "detail"]) {
      if (view === "detail") {
        await page.locator("li.statement button").first().click();
        await page.locator("#detail").waitFor();
      }
      await assertNoSeriousViolations(page, view);
    }
    await screenshot(page, "explore-keyboard");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("the theme toggle overrides the system and is remembered; phones get a filters drawer", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.locator("#theme-toggle").click(); // system -> light
    await page.locator("#theme-toggle").click(); // light -> dark
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    assert.notEqual(await bg(), light);
    await page.reload();
    await waitForOutlets(page, 5, { problems });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await page.locator("#theme-toggle").click(); // dark -> system
    await page.waitForFunction(() => !document.documentElement.hasAttribute("data-theme"));
    assert.equal(await bg(), light);

    await page.setViewportSize({ width: 360, height: 740 });
    assert.equal(await page.locator("#filters").isVisible(), false, "filters start closed on a phone");
    await page.getByRole("button", { name: "Filters" }).click();
    await page.locator("#filters").waitFor();
    await page.locator('fieldset[data-facet="outlet"] label', { hasText: "Reuters" }).locator("input").check();
    await page.waitForFunction(() => [...document.querySelectorAll("li.statement")].every((li) => li.dataset.outlet === "Reuters"));
    await screenshot(page, "explore-phone-filters");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("shows how other outlets reported the same statement, with a word diff", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    await page.locator("li.statement button", { hasText: "We have largely finished the security protocols" }).first().click();
    const others = page.locator("#detail .others");
    await others.locator(".reported-by").waitFor();
    assert.match(await others.locator(".reported-by").innerText(), /Reported by [3-5] of 5 outlets/);
    assert.ok((await others.locator(".relation.verbatim").count()) >= 1, "Caliber.Az has the same words");
    const variant = others.locator("li", { has: page.locator(".relation.variant") }).first();
    assert.ok((await variant.locator("ins").count()) >= 1 && (await variant.locator("del").count()) >= 1, "the variant's changed words are marked");
    await screenshot(page, "compare-outlets");
    const before = await page.locator("li.statement.selected").getAttribute("data-id");
    await variant.locator("button").click();
    await page.waitForFunction((id) => document.querySelector("li.statement.selected")?.dataset.id !== id, before);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
