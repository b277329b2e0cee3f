// The release build (dist/) served over HTTP under a sub-path, as a static host would.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "../helpers/server.mjs";
import { DIST, launch, openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";
import { axeViolations, describeViolations } from "../helpers/axe.mjs";

const OUTLETS = 5;

describe("dist/ served over HTTP under a sub-path", () => {
  let server;
  let browser;

  before(async () => {
    assert.ok(existsSync(join(DIST, "index.html")), "dist/index.html is missing: run `make dist` first");
    // A sub-path proves the build uses relative URLs (trunk build --public-url ./).
    server = await serveStatic(DIST, { base: "/some/sub/path/" });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads with no console error and shows statements from all five outlets", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(server.url);
    const outlets = await waitForOutlets(page, OUTLETS, { problems });
    await screenshot(page, "served");
    assert.ok(outlets.length >= OUTLETS, `outlets shown: ${outlets.join(", ")}`);
    assert.deepEqual(problems, [], `problems while loading:\n${problems.join("\n")}`);
    await page.close();
  });

  it("has no critical accessibility violations (axe-core, WCAG 2.1 A/AA)", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(server.url);
    await waitForOutlets(page, 1, { problems });
    const violations = await axeViolations(page);
    if (violations.length) console.log(`axe-core found:\n${describeViolations(violations)}`);
    const critical = violations.filter((v) => v.impact === "critical");
    assert.deepEqual(critical.map((v) => v.id), [], `critical violations:\n${describeViolations(critical)}`);
    await page.close();
  });
});
