// The release build (dist/) served over HTTP under a sub-path, as a static host would.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "../helpers/app.mjs";
import { openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";
import { axeViolations, describeViolations } from "../helpers/axe.mjs";

const OUTLETS = 5;

describe("dist/ served over HTTP under a sub-path", () => {
  // A sub-path proves the build uses relative URLs (trunk build --public-url ./).
  const app = useServedApp({ base: "/some/sub/path/" });

  it("loads with no console error and shows statements from all five outlets", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    const outlets = await waitForOutlets(page, OUTLETS, { problems });
    await screenshot(page, "served");
    assert.ok(outlets.length >= OUTLETS, `outlets shown: ${outlets.join(", ")}`);
    assert.deepEqual(problems, [], `problems while loading:\n${problems.join("\n")}`);
    await page.close();
  });

  it("sends an archive's address on to the archive page, under the sub-path", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(`${app.server.url}?open=directory#q=x`);
    await page.locator("#archive-chooser").waitFor();
    assert.equal(new URL(page.url()).pathname, new URL("archive.html", app.server.url).pathname);
    assert.match(page.url(), /\?open=directory#q=x$/, "the query and the fragment kept");
    assert.deepEqual(problems, [], `problems while loading:\n${problems.join("\n")}`);
    await page.close();
  });

  it("has no critical accessibility violations (axe-core, WCAG 2.1 A/AA)", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 1, { problems });
    const violations = await axeViolations(page);
    if (violations.length) console.log(`axe-core found:\n${describeViolations(violations)}`);
    const critical = violations.filter((v) => v.impact === "critical");
    assert.deepEqual(critical.map((v) => v.id), [], `critical violations:\n${describeViolations(critical)}`);
    await page.close();
  });
});
