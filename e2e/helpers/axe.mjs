// Accessibility checks with axe-core, injected into the page under test.
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFile(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core (WCAG 2.x A and AA rules) on the page; resolves to its violations. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: await AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
}

/** One line per violation, for test output. */
export function describeViolations(violations) {
  return violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes} node(s), e.g. ${v.targets.join(" | ")})`)
    .join("\n");
}

/** Fails, listing them, if axe finds a serious or critical violation; `label` names the view. */
export async function assertNoSeriousViolations(page, label = "") {
  const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => v.id), [], `${label ? `${label}: ` : ""}${describeViolations(serious)}`);
}
