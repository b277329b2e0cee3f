// Comparing outlets: open a group and read its word diff, open the coverage grid and
// follow a cell to its article, read the framing view's conflicting claims; keyboard
// between the tabs; the view is in the URL; axe on each view; screenshots of each step.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "../helpers/app.mjs";
import { openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";
import { assertNoSeriousViolations } from "../helpers/axe.mjs";


describe("comparing outlets", () => {
  const app = useServedApp();

  it("a group's renderings with their diff, the coverage grid, and the framing view", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });

    // Open Witkoff's security-protocols remark: the detail lists the other renderings.
    await page.locator("#search").fill("\"largely finished\"");
    await page.waitForFunction(() => document.querySelectorAll("li.statement").length >= 3 && document.querySelectorAll("li.statement").length < 10);
    await page.locator("li.statement button", { hasText: "We have largely finished the security protocols" }).first().click();
    const renderings = page.locator("#detail .renderings li");
    await renderings.first().waitFor();
    assert.ok((await renderings.count()) >= 2, "two other renderings");
    assert.match(await page.locator("#detail .reported-by").innerText(), /Reported by 3 of 5 outlets/);
    await page.locator("#detail .flag", { hasText: "Quotes differ" }).waitFor();
    const variant = renderings.filter({ hasText: "variant" }).first();
    assert.ok((await variant.locator("ins").count()) > 0 && (await variant.locator("del").count()) > 0, "inserted and deleted words are marked");
    assert.match(await variant.locator("ins").allInnerTexts().then((t) => t.join(" ")), /think/);
    await screenshot(page, "compare-group-diff");

    // The coverage grid follows the search: one row. Clear it: every group.
    await page.getByRole("tab", { name: "Coverage" }).click();
    const grid = page.locator("#coverage table.coverage-grid");
    await grid.waitFor();
    await page.waitForURL(/tab=coverage/); // (the URL follows a frame after the view)
    assert.equal(await grid.locator("tbody tr").count(), 1, "the grid follows the filters");
    await page.locator("#search").fill("");
    await page.waitForFunction(() => document.querySelectorAll("#coverage tbody tr").length >= 12);
    const rows = await grid.locator("tbody tr").count();
    assert.equal(await grid.locator("thead th").count(), 6, "a column per outlet");
    // Who left out what: "outstanding team" is carried by two outlets, absent in three.
    const team = grid.locator("tbody tr", { hasText: "outstanding team" });
    assert.equal(await team.locator("td.absent").count(), 3);
    assert.match(await grid.locator("tfoot").innerText(), new RegExp(`of ${rows}`));
    await screenshot(page, "compare-coverage-grid");
    await assertNoSeriousViolations(page);

    // Follow a cell: the rendering opens in its article, highlighted.
    const cell = team.locator("td.cell:not(.absent)").nth(1);
    const outlet = await cell.getAttribute("data-outlet");
    await cell.locator("button").click();
    await page.locator("#detail mark.hl-statement", { hasText: "outstanding team" }).waitFor();
    assert.ok((await page.locator("#detail .facts").innerText()).includes(outlet), `the detail shows ${outlet}'s article`);
    await page.waitForURL(/sel=/); // (the URL follows a frame after the view)
    await screenshot(page, "compare-coverage-cell-article");

    // Keyboard between tabs: ArrowRight from Coverage goes to Framing.
    await page.getByRole("tab", { name: "Coverage" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.locator("#framing").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "tab-framing");
    await page.waitForURL(/tab=framing/); // (the URL follows a frame after the view)

    // Framing: the US conflict with evidence from both sides; five headlines and ledes.
    const conflict = page.locator("#framing .conflict", { hasText: "United States" });
    await conflict.waitFor();
    assert.match(await conflict.locator(".side.backs").innerText(), /Africa Digital News/);
    assert.match(await conflict.locator(".side.withholds").innerText(), /Caliber\.Az/);
    const withheld = await conflict.locator(".side.withholds mark").allInnerTexts();
    assert.ok(withheld.includes("declines") && withheld.includes("refrained from signing"), withheld.join(" | "));
    assert.ok((await conflict.locator(".side.backs mark").allInnerTexts()).some((t) => /^back/i.test(t)));
    assert.equal(await page.locator("#framing .frame").count(), 5);
    await screenshot(page, "compare-framing");
    await assertNoSeriousViolations(page);

    // The outlet filter narrows the frames; reload keeps the view.
    await page.locator('fieldset[data-facet="outlet"] label', { hasText: "Caliber.Az" }).locator("input").check();
    await page.waitForFunction(() => document.querySelectorAll("#framing .frame").length === 1);
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes("Caliber")); // (a frame after the view)
    await page.reload();
    await page.locator("#framing .frame").first().waitFor();
    assert.equal(await page.locator("#framing .frame").count(), 1);
    assert.equal(await page.getByRole("tab", { name: "Framing" }).getAttribute("aria-selected"), "true");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
