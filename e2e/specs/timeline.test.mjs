// The timeline: zoom with keys and buttons, brush a date range on the axis to filter
// the list, pick a mark, read the text alternative, switch lanes; screenshots of each.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "../helpers/app.mjs";
import { openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";
import { assertNoSeriousViolations } from "../helpers/axe.mjs";

// Geometry of the SVG's viewBox (src/ui/timeline.rs).
const W = 1000;

describe("the timeline", () => {
  const app = useServedApp();

  it("pans by moving the marks it keeps, not by drawing them again", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    const svg = page.locator("svg.timeline-svg");
    await svg.focus();
    await page.keyboard.press("+"); // the summit day, statement by statement
    await page.waitForFunction(() => document.querySelectorAll("svg.timeline-svg .mark:not(.undated)").length > 20);
    // Tag every mark element with its label, then pan (a tenth of the view: the marks
    // move left, the first ones leave and others come in on the right).
    await page.evaluate(() => {
      window.__labels = new Set();
      for (const g of document.querySelectorAll("svg.timeline-svg .mark:not(.undated)")) {
        g.__label = g.getAttribute("aria-label");
        window.__labels.add(g.__label);
      }
      window.__firstX = document.querySelector("svg.timeline-svg .mark:not(.undated) circle").getBoundingClientRect().x;
    });
    // Pan until some of the tagged marks have left the view.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => document.querySelector("svg.timeline-svg .mark:not(.undated) circle")?.getBoundingClientRect().x !== window.__firstX);
      const left = await page.evaluate(() => {
        window.__firstX = document.querySelector("svg.timeline-svg .mark:not(.undated) circle")?.getBoundingClientRect().x;
        const now = new Set([...document.querySelectorAll("svg.timeline-svg .mark:not(.undated)")].map((g) => g.getAttribute("aria-label")));
        return [...window.__labels].some((l) => !now.has(l));
      });
      if (left) break;
    }
    const after = await page.evaluate(() => {
      const marks = [...document.querySelectorAll("svg.timeline-svg .mark:not(.undated)")];
      return {
        n: marks.length,
        kept: marks.filter((g) => g.__label === g.getAttribute("aria-label")).length,
        // A mark for the same statements as before the pan, but a new element.
        redrawn: marks.filter((g) => !g.__label && window.__labels.has(g.getAttribute("aria-label"))).map((g) => g.getAttribute("aria-label")),
      };
    });
    assert.ok(after.kept >= 10, `marks kept through the pan: ${after.kept} of ${after.n}`);
    assert.deepEqual(after.redrawn, [], "marks still in view are moved, not drawn again");
    assert.equal(problems.length, 0, problems.join("\n"));
    await page.close();
  });

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
    // The URL follows once the zooming and panning pause.
    await page.waitForURL(/view=/);
    await page.getByRole("button", { name: "Fit" }).click();
    await page.waitForFunction((v) => document.querySelector(".view-label").textContent === v, viewBefore);

    // Brush the summit day on the axis: undated statements drop out of the list.
    const box = await svg.boundingBox();
    const sx = box.width / W;
    // The marks' centres in viewBox units (the marks are drawn in a translated group).
    const marks = await svg.locator(".mark:not(.undated) circle").evaluateAll((cs, [bx, sx]) => cs.map((c) => {
      const r = c.getBoundingClientRect();
      return (r.x + r.width / 2 - bx) / sx;
    }), [box.x, sx]);
    const lo = Math.min(...marks) - 8, hi = Math.max(...marks) + 8;
    await page.mouse.move(box.x + lo * sx, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + ((lo + hi) / 2) * sx, box.y + 8, { steps: 4 });
    await page.mouse.move(box.x + hi * sx, box.y + 8, { steps: 4 });
    await page.mouse.up();
    await page.locator(".chips .chip", { hasText: "dates:" }).waitFor();
    const inRange = await page.locator("li.statement").count();
    // The timeline follows the list a frame later.
    await page.waitForFunction(() => [...document.querySelectorAll(".timeline-svg .mark.undated text")].reduce((n, t) => n + Number(t.textContent), 0) === 0)
      .catch(() => assert.fail("with a range set, nothing undated remains"));
    assert.ok(inRange > 0 && inRange < total, `range kept ${inRange} of ${total}`);
    await page.waitForURL(/from=2026-01-0\d/); // (the URL follows a frame after the view)
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
    await assertNoSeriousViolations(page);

    // Lanes by outlet.
    await page.getByLabel("Timeline lanes").selectOption("outlet");
    await page.waitForFunction(() => [...document.querySelectorAll(".timeline-svg .lane-label")].some((t) => t.textContent.includes("POLITICO")));
    await page.locator(".chips .chip", { hasText: "dates:" }).click();
    await page.waitForFunction((n) => document.querySelectorAll("li.statement").length === n, total);
    await screenshot(page, "timeline-outlets");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("shows a tooltip on keyboard focus and on hover; a two-finger pinch zooms", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    const svg = page.locator("svg.timeline-svg");
    const marks = svg.locator(".mark:not(.undated)");
    await marks.first().waitFor();

    // Keyboard: focusing a mark shows its tooltip, with the words of its label.
    await marks.first().focus();
    const tip = svg.locator(".tooltip");
    await tip.waitFor();
    const label = await marks.first().getAttribute("aria-label");
    const tipText = (await tip.locator("text").allTextContents()).join(" ");
    assert.ok(label.startsWith(tipText.replace(/…$/, "").slice(0, 30)), `tooltip "${tipText}" is the mark's label "${label}"`);
    await screenshot(page, "timeline-tooltip-focus");
    assert.equal(await page.locator(".timeline-focus").innerText(), label, "the focus line names the focused mark");
    // Enter on the focused mark selects it; the focus stays on the timeline.
    await page.keyboard.press("Enter");
    await page.locator("#detail").waitFor();
    // Hover: another mark's tooltip replaces it; leaving hides it.
    const second = marks.nth(1);
    await second.hover();
    const label2 = await second.getAttribute("aria-label");
    await page.waitForFunction(
      (l) => [...document.querySelectorAll(".timeline-svg .tooltip text")].map((t) => t.textContent).join(" ").startsWith(l.slice(0, 20)),
      label2,
    );
    await page.mouse.move(5, 5);
    await page.locator("h1").click();
    await tip.waitFor({ state: "detached" });
    // Focus left the marks: the focus line no longer names one.
    await page.locator("#search").focus();
    await page.waitForFunction(() => document.querySelector(".timeline-focus").textContent === "");

    // Pinch: two touch points moving apart on the plot zoom in around their centre.
    const before = await page.locator(".view-label").innerText();
    const box = await svg.boundingBox();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 2 });
    const y = box.y + box.height - 10;
    const cx = box.x + box.width * 0.5;
    const touch = (type, d) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints: type === "touchEnd" ? [] : [{ x: cx - d, y, id: 1 }, { x: cx + d, y, id: 2 }],
      });
    await touch("touchStart", 30);
    for (const d of [60, 90, 120, 150]) await touch("touchMove", d);
    await touch("touchEnd", 0);
    await page.waitForFunction((v) => document.querySelector(".view-label").textContent !== v, before);
    await page.waitForURL(/view=/); // "the pinched view is in the URL", once the pinch pauses
    await screenshot(page, "timeline-pinched");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
