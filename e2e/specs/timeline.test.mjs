// The timeline: zoom with keys and buttons, brush a date range on the axis to filter
// the list, pick a mark, read the text alternative, switch lanes; screenshots of each.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "../helpers/app.mjs";
import { openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";
import { axeViolations, describeViolations } from "../helpers/axe.mjs";

// Geometry of the SVG's viewBox (src/ui/timeline.rs).
const W = 1000;

describe("the timeline", () => {
  const app = useServedApp();

  it("shows lanes, context and an undated band; keys zoom; brushing filters the list", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    const svg = page.locator("svg.timeline-svg");
    await svg.waitFor();
    const total = await page.locator("li.statement").count();
    assert.ok((await svg.locator(".lane").count()) >= 5, "lanes by speaker");
    assert.ok((await svg.locator(".mark").count()) >= 5, "marks");
    assert.ok((await svg.locator(".mark.undated").count()) >= 1, "undated statements have their own band");
    assert.ok((await svg.locator(".event").count()) >= 1, "context events");
    const viewBefore = await page.locator(".view-label").innerText();

    // Keyboard zoom and pan on the focused timeline.
    await svg.focus();
    await page.keyboard.press("+");
    await page.waitForFunction((v) => document.querySelector(".view-label").textContent !== v, viewBefore);
    await page.keyboard.press("ArrowLeft");
    assert.match(page.url(), /view=/, "the zoom is in the URL");
    await page.getByRole("button", { name: "Fit" }).click();
    await page.waitForFunction((v) => document.querySelector(".view-label").textContent === v, viewBefore);

    // Brush the summit day on the axis: undated statements drop out of the list.
    const box = await svg.boundingBox();
    const sx = box.width / W;
    const marks = await svg.locator(".mark:not(.undated) circle").evaluateAll((cs) => cs.map((c) => Number(c.getAttribute("cx"))));
    const lo = Math.min(...marks) - 8, hi = Math.max(...marks) + 8;
    await page.mouse.move(box.x + lo * sx, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + ((lo + hi) / 2) * sx, box.y + 8, { steps: 4 });
    await page.mouse.move(box.x + hi * sx, box.y + 8, { steps: 4 });
    await page.mouse.up();
    await page.locator(".chips .chip", { hasText: "dates:" }).waitFor();
    const inRange = await page.locator("li.statement").count();
    const undated = await svg.locator(".mark.undated text").evaluateAll((ts) => ts.reduce((n, t) => n + Number(t.textContent), 0));
    assert.equal(undated, 0, "with a range set, nothing undated remains");
    assert.ok(inRange > 0 && inRange < total, `range kept ${inRange} of ${total}`);
    assert.match(page.url(), /from=2026-01-0\d/);
    await screenshot(page, "timeline-brushed");

    // A mark selects its statement, and the text alternative lists the same statements by date.
    await svg.locator(".mark:not(.undated)").first().click();
    await page.locator("#detail").waitFor();
    await page.locator("#timeline-list summary").click();
    // The list is built when the disclosure opens: wait for it, then count.
    await page.locator("#timeline-list section.day li").first().waitFor();
    await page.waitForFunction((n) => document.querySelectorAll("#timeline-list section.day li").length === n, inRange);
    const listed = await page.locator("#timeline-list section.day li").count();
    assert.equal(listed, inRange);
    assert.match(await page.locator("#timeline-list section.day h3").first().innerText(), /^2026-01-0\d — \d+ statements?/);
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(serious.map((v) => v.id), [], describeViolations(serious));

    // Lanes by outlet.
    await page.getByLabel("Timeline lanes").selectOption("outlet");
    await page.waitForFunction(() => [...document.querySelectorAll(".timeline-svg .lane-label")].some((t) => t.textContent.includes("POLITICO")));
    await page.locator(".chips .chip", { hasText: "dates:" }).click();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, total);
    await screenshot(page, "timeline-outlets");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
