// dist/quoteline.html opened straight from disk: everything it needs is inside it.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, launch, openPage, waitForOutlets, screenshot, clearStorage } from "../helpers/browser.mjs";

const OUTLETS = 5;
const FILE = join(DIST, "quoteline.html");

describe("dist/quoteline.html from file://", () => {
  let browser;

  before(async () => {
    assert.ok(existsSync(FILE), "dist/quoteline.html is missing: run `make dist` first");
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it("opens from disk with no console error and shows statements from all five outlets", async () => {
    const { page, problems } = await openPage(browser.context);
    const requests = [];
    page.on("request", (req) => requests.push(req.url()));
    const url = pathToFileURL(FILE).href;
    await page.goto(url);
    const outlets = await waitForOutlets(page, OUTLETS, { problems });
    await screenshot(page, "single-file");
    assert.ok(outlets.length >= OUTLETS, `outlets shown: ${outlets.join(", ")}`);
    assert.deepEqual(problems, [], `problems while loading:\n${problems.join("\n")}`);
    const external = requests.filter((u) => u !== url && !u.startsWith("data:"));
    assert.deepEqual(external, [], "the single file must not load anything else");
    await page.close();
  });

  it("adds a pasted article through the loader worker made from its inlined bytes, and opens the framing view", async () => {
    const { page, problems } = await openPage(browser.context);
    const requests = [];
    page.on("request", (req) => requests.push(req.url()));
    const url = pathToFileURL(FILE).href;
    await page.goto(url);
    await waitForOutlets(page, OUTLETS, { problems });
    await page.evaluate(() => localStorage.clear());
    await page.locator("#open-loader").click();
    await page.locator("#paste-text").fill('Harbour reopens after storm\n\n"Every berth has been checked twice," said harbour master Lena Okoye.\n');
    await page.locator("#add-paste").click();
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor();
    await page.locator("#search").fill("berth");
    await page.locator("li.statement", { hasText: "Okoye" }).first().waitFor();
    await page.locator("#search").fill("");
    await page.locator("#tab-framing").click();
    await page.locator(".framing, #framing-message").first().waitFor();
    assert.equal(await page.locator("#framing-message.error").count(), 0, "the framing was made");
    await screenshot(page, "single-file-worker");
    assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}`);
    // (The worker is a blob: URL made in the page: nothing is fetched from anywhere.)
    assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")), []);
    await clearStorage(page);
    await page.close();
  });

  it("exports the statements and the workspace through the worker made from its inlined bytes", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(pathToFileURL(FILE).href);
    await waitForOutlets(page, OUTLETS, { problems });
    await page.locator("#search").fill("guarantees");
    await page.waitForFunction(() => /^\d+ of \d+ statements/.test(document.querySelector("#result-count")?.textContent ?? ""));
    const n = Number((await page.locator("#result-count").innerText()).match(/^(\d+) of/)[1]);
    assert.ok(n > 0);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    assert.equal(csv.suggestedFilename(), "quoteline-statements.csv");
    await page.locator(".toolbar .status", { hasText: `Exported ${n} statements as CSV.` }).waitFor();
    await page.locator("#open-loader").click();
    await page.locator("#paste-text").fill('Tram line opens\n\n"The first tram leaves at six," said transit chief Mia Holt.\n');
    await page.locator("#add-paste").click();
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor();
    const [ws] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export workspace" }).click()]);
    assert.equal(ws.suggestedFilename(), "quoteline-workspace.json");
    await page.locator("#load-messages", { hasText: "Exported 1 article as quoteline-workspace.json." }).waitFor();
    await screenshot(page, "single-file-exported");
    assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}`);
    await clearStorage(page);
    await page.close();
  });

  it("keeps a pasted article across a reload from disk (IndexedDB works on file://)", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(pathToFileURL(FILE).href);
    await waitForOutlets(page, OUTLETS, { problems });
    await page.locator("#open-loader").click();
    await page.locator("#paste-text").fill('Ferry resumes\n\n"The crossing is safe again," said port captain Ana Ruiz.\n');
    await page.locator("#add-paste").click();
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor();
    // The record is written once the article is added; wait for it, then reload.
    await page.waitForFunction(async () => {
      const db = await new Promise((ok, fail) => {
        const q = indexedDB.open("quoteline");
        q.onsuccess = () => ok(q.result);
        q.onerror = () => fail(q.error);
      });
      const names = [...db.objectStoreNames];
      const counts = await Promise.all(names.map((n) => new Promise((ok) => {
        const c = db.transaction(n).objectStore(n).count();
        c.onsuccess = () => ok(c.result);
        c.onerror = () => ok(0);
      })));
      db.close();
      return counts.some((c) => c > 0);
    });
    await page.reload();
    await page.locator("#search").fill("crossing");
    await page.locator("li.statement", { hasText: "Ana Ruiz" }).first().waitFor();
    await screenshot(page, "single-file-kept");
    assert.deepEqual(problems, [], `problems:\n${problems.join("\n")}`);
    await clearStorage(page);
    await page.close();
  });

  it("says why ?corpus= cannot work from disk, keeps the link's view, and fetches nothing", async () => {
    const { page, problems } = await openPage(browser.context);
    const requests = [];
    page.on("request", (req) => requests.push(req.url()));
    const url = `${pathToFileURL(FILE).href}?corpus=archive.qlc#q=Merz`;
    await page.goto(url);
    const msg = page.locator("#corpus-message.error");
    await msg.waitFor();
    assert.match(await msg.innerText(), /served over http\(s\).*Open a corpus file/);
    await page.waitForFunction(() => /^\d+ of \d+ statements/.test(document.querySelector("#result-count")?.textContent ?? ""));
    const count = await page.locator("#result-count").innerText();
    const [shown, total] = count.match(/(\d+) of (\d+)/).slice(1).map(Number);
    assert.ok(shown > 0 && shown < total, `the link's search applies to the seeds: ${count}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:")), [], "nothing fetched");
    await page.close();
  });
});
