// Bringing your own articles: paste one, drop an HTML page (with hostile markup) beside
// an image and random bytes, see the statements in the list and on the timeline, edit
// the form, reload and find them, export, clear, import (and refuse tampered files),
// switch to the articles alone and back; big files, 1,000 files with progress and
// cancel, invalid UTF-8; and the whole app under a strict CSP. (Storage itself, full
// quota included: persist.test.mjs.)
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { useServedApp, STRICT_CSP } from "../helpers/app.mjs";
import { openPage, waitForOutlets, screenshot, clearStorage } from "../helpers/browser.mjs";
import { assertNoSeriousViolations } from "../helpers/axe.mjs";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const fixture = (name) => join(FIXTURES, name);

const total = async (page) => Number((await page.locator("#result-count").innerText()).match(/of (\d+) statements/)[1]);
const messages = (page) => page.locator("#load-messages").innerText();
async function search(page, q) {
  await page.locator("#search").fill(q);
  await page.waitForFunction((q) => document.querySelector("#search").value === q && document.querySelector("#result-count").textContent.length > 0, q);
}
async function openLoader(page) {
  if ((await page.locator("#loader").count()) === 0) await page.locator("#open-loader").click();
  await page.locator("#loader").waitFor();
}
/** Drops files (name, mime, bytes as a number array or string) on the drop zone. */
async function drop(page, files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const data = typeof f.body === "string" ? f.body : new Uint8Array(f.body);
      dt.items.add(new File([data], f.name, { type: f.type }));
    }
    return dt;
  }, files);
  await page.dispatchEvent("#dropzone", "drop", { dataTransfer: dt });
}

describe("loading your own articles", () => {
  const app = useServedApp();
  let tmp;
  before(async () => { tmp = await mkdtemp(join(tmpdir(), "quoteline-load-")); });
  after(async () => { await rm(tmp, { recursive: true, force: true }); });

  it("paste, drop, see, edit, reload, export, clear, import, and switch views", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    const seeds = await total(page);
    await openLoader(page);

    // An empty paste adds nothing and says so.
    await page.locator("#add-paste").click();
    assert.match(await messages(page), /empty: nothing added/);

    // Paste an article.
    await page.locator("#paste-text").fill(await readFile(fixture("pasted.txt"), "utf8"));
    await page.locator("#add-paste").click();
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor();
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) > n, seeds);
    const afterPaste = await total(page);
    await screenshot(page, "load-pasted");

    // Drop an HTML page with scripts and traps, an image and random bytes, together.
    const noise = Array.from({ length: 3000 }, (_, i) => (i * 2654435761) >>> 13 & 255);
    await drop(page, [
      { name: "hostile.html", type: "text/html", body: await readFile(fixture("hostile.html"), "utf8") },
      { name: "photo.png", type: "image/png", body: [...(await readFile(fixture("photo.png")))] },
      { name: "noise.bin", type: "application/octet-stream", body: noise },
    ]);
    await page.locator("#load-messages", { hasText: "Added 1 article. 2 refused" }).waitFor();
    const msg = await messages(page);
    assert.match(msg, /photo\.png: not a text file \(a PNG image\)/);
    assert.match(msg, /noise\.bin: not a text file/);
    assert.match(msg, /hostile\.html: HTML reduced to its article text/);
    // Nothing in it ran, and nothing it points to was requested.
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script, handler or link of the page ran");
    assert.deepEqual(app.server.requests.filter((r) => r.includes("should-not-load")), []);
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) > n, afterPaste);

    // The form is pre-filled from the page's meta tags and the text.
    const row = page.locator(".my-article", { hasText: "hostile.html" });
    assert.equal(await row.locator("input[id^=outlet]").inputValue(), "Harbour Gazette");
    assert.equal(await row.locator("input[id^=date]").inputValue(), "2025-11-03");
    // Edit the pasted article's outlet: the facet follows.
    const pasted = page.locator(".my-article", { hasText: "pasted text 1" });
    await pasted.locator("input[id^=outlet]").fill("Rail Weekly");
    await pasted.locator("input[id^=outlet]").press("Enter");
    await pasted.locator("input[id^=outlet]").blur();
    await page.locator('fieldset[data-facet="outlet"] label', { hasText: "Rail Weekly" }).waitFor();
    // A bad date is refused with the reason.
    await pasted.locator("input[id^=date]").fill("next week");
    await pasted.locator("input[id^=date]").blur();
    assert.match(await messages(page), /not YYYY-MM-DD/);
    await screenshot(page, "load-dropped-html");
    await assertNoSeriousViolations(page);

    // The statements are in the list, marked in their article, and on the timeline.
    await search(page, "flood");
    await page.locator("li.statement", { hasText: "We cannot wait for the next flood" }).waitFor();
    await page.locator("li.statement button").first().click();
    await page.locator("#detail mark.hl-statement", { hasText: "We cannot wait for the next flood" }).waitFor();
    assert.match(await page.locator("#detail .speaker-card h3").innerText(), /Ellen Park/);
    await page.locator(".timeline-svg .lane-label", { hasText: "Ellen Park" }).waitFor();
    await search(page, "");
    const loaded = await total(page);
    const loadedTexts = await page.locator("li.statement .words").allTextContents(); // (innerText is empty for rows off screen: not rendered)

    // Reload: the articles are still there. (The address follows a search once typing
    // pauses; wait for it, as a reload reloads the address.)
    await page.waitForFunction(() => !location.hash.includes("q="));
    await page.reload();
    await page.locator("#open-loader", { hasText: "Your articles (2)" }).waitFor();
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)?.[1]) === n, loaded);
    await screenshot(page, "load-after-reload");

    // Export the workspace.
    await openLoader(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export workspace" }).click()]);
    const exported = join(tmp, "workspace.json");
    await download.saveAs(exported);
    const json = JSON.parse(await readFile(exported, "utf8"));
    assert.equal(json.format, "quoteline-workspace");
    assert.equal(json.version, 1);
    assert.equal(json.articles.length, 2);

    // Clear all (with a confirmation): back to the seeds.
    await page.locator("#loader").getByRole("button", { name: "Clear all" }).click();
    await page.locator("#loader").getByRole("button", { name: "Remove all" }).click();
    await page.locator("#open-loader", { hasText: "Your articles (0)" }).waitFor();
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) === n, seeds);

    // A tampered and a truncated file are refused; the workspace stays as it is.
    const text = await readFile(exported, "utf8");
    await writeFile(join(tmp, "tampered.json"), text.replace("We cannot wait", "We can wait"));
    await writeFile(join(tmp, "truncated.json"), text.slice(0, text.length / 2));
    await writeFile(join(tmp, "newer.json"), text.replace('"version": 1', '"version": 9'));
    for (const [file, why] of [["tampered.json", /checksum/], ["truncated.json", /truncated/], ["newer.json", /newer Quoteline/]]) {
      await page.locator("#import-workspace").setInputFiles(join(tmp, file));
      await page.locator("#load-messages", { hasText: "Import refused" }).waitFor();
      assert.match(await messages(page), why);
      assert.match(await messages(page), /unchanged/);
      assert.equal(await total(page), seeds);
    }

    // Import the export: the same statements come back.
    await page.locator("#import-workspace").setInputFiles(exported);
    await page.locator("#load-messages", { hasText: "Imported 2 articles" }).waitFor();
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) === n, loaded);
    assert.deepEqual(await page.locator("li.statement .words").allTextContents(), loadedTexts);
    await screenshot(page, "load-imported");

    // My articles alone, then back beside the seeds.
    await page.getByLabel("on their own", { exact: false }).check();
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) === n, loaded - seeds);
    assert.equal(await page.locator('fieldset[data-facet="outlet"] label', { hasText: "POLITICO" }).count(), 0);
    await screenshot(page, "load-alone");
    await page.getByLabel("beside the embedded seed articles").check();
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) === n, loaded);

    // Invalid UTF-8 is decoded with a notice of how many bytes were replaced.
    await page.locator("#pick-files").setInputFiles(fixture("latin1.txt"));
    await page.locator("#load-messages", { hasText: "latin1.txt: 2 bytes were not valid UTF-8" }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("refuses a 50 MB file, loads 1,000 files with progress, cancels, and survives full storage", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.goto(app.server.url);
    await waitForOutlets(page, 5, { problems });
    await openLoader(page);
    // Start from an empty workspace (the first test left some).
    if (await page.locator("#loader").getByRole("button", { name: "Clear all" }).isEnabled()) {
      await page.locator("#loader").getByRole("button", { name: "Clear all" }).click();
      await page.locator("#loader").getByRole("button", { name: "Remove all" }).click();
    }
    const seeds = await total(page);

    // 50 MB: refused by size before it is read.
    const big = join(tmp, "big.txt");
    await writeFile(big, Buffer.alloc(50_000_000, "a"));
    await page.locator("#pick-files").setInputFiles(big);
    await page.locator("#load-messages", { hasText: "big.txt: too large (50.0 MB; the limit is 5 MB per file)" }).waitFor();

    // 1,000 small files, and 400 long ones (12 MB, seconds to extract): a progress bar
    // that moves, and Cancel adds nothing.
    const paths = [], long = [];
    for (let i = 0; i < 1000; i++) {
      const p = join(tmp, `note-${String(i).padStart(4, "0")}.txt`);
      await writeFile(p, `Town ${i} news\n\n“We will reopen the library ${i},” said councillor Sam Lee${i} on Monday.\n`);
      paths.push(p);
    }
    for (let i = 0; i < 400; i++) {
      const p = join(tmp, `long-${i}.txt`);
      const para = (k) => `“We will reopen the library ${k},” said councillor Sam Lee${i} on Monday, adding that the council had voted for it.\n\n`;
      await writeFile(p, `City ${i} news\n\n` + Array.from({ length: 250 }, (_, k) => para(k)).join(""));
      long.push(p);
    }
    await page.locator("#pick-files").setInputFiles(long);
    const bar = page.locator("#load-progress");
    await bar.waitFor();
    await page.waitForFunction(() =>
      document.querySelector("label[for=load-progress]")?.textContent.startsWith("Reading") &&
      Number(document.querySelector("#load-progress")?.value) >= 20);
    await screenshot(page, "load-progress");
    await page.locator(".progress").getByRole("button", { name: "Cancel" }).click();
    await page.locator("#load-messages", { hasText: "Cancelled: nothing from this load was added." }).waitFor();
    assert.equal(await total(page), seeds);

    // Again, to the end: 1,000 articles, one statement each.
    // Every value the bar takes, seen by an observer in the page (a poll from here can
    // miss a load this short).
    await page.evaluate(() => {
      window.__progress = new Set();
      new MutationObserver(() => {
        const bar = document.querySelector("#load-progress");
        if (bar) window.__progress.add(`${document.querySelector("label[for=load-progress]").textContent.split(" ")[0]} ${bar.value}`);
      }).observe(document.querySelector("#loader"), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.locator("#pick-files").setInputFiles(paths);
    await page.locator("#load-messages", { hasText: "Added 1000 articles." }).waitFor();
    const seen = await page.evaluate(() => [...window.__progress]);
    assert.ok(seen.filter((v) => v.startsWith("Reading")).length >= 3, `the progress bar moved while reading (seen: ${seen.join(", ")})`);
    await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) === n + 1000, seeds);
    await page.locator("#open-loader", { hasText: "Your articles (1000)" }).waitFor();

    // A thousand articles: the list shows 50 at a time, and finds one by name.
    const rows = page.locator("#loader .my-article");
    assert.equal(await rows.count(), 50);
    assert.equal(await page.locator("#my-articles-count").innerText(), "Showing 50 of 1000 articles.");
    await page.locator("#more-articles").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#loader .my-article").length === 100);
    await page.locator("#find-article").fill("NOTE-0999");
    await page.locator("#my-articles-count", { hasText: "1 of 1000 articles match “NOTE-0999”." }).waitFor();
    await screenshot(page, "load-find-article");
    assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.dataset.name)), ["note-0999.txt"]);
    assert.match(await rows.first().innerText(), /· 1 statement ·/);
    await page.locator("#find-article").fill("");
    await page.locator("#all-articles").click();
    await page.waitForFunction(() => document.querySelectorAll("#loader .my-article").length === 1000);
    assert.equal(await page.locator("#more-articles").count(), 0);

    // (Full storage, and a reload of thousands of articles: persist.test.mjs.)
    await clearStorage(page);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

const CSP = STRICT_CSP;

describe("under a strict Content-Security-Policy", () => {
  const app = useServedApp({ headers: { "content-security-policy": CSP } });

  it("runs, loads an article, and nothing violates the policy", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(app.server.url);
    assert.equal(response.headers()["content-security-policy"], CSP);
    await waitForOutlets(page, 5, { problems });
    // Use it: a search, a statement, the timeline zoom, the loader with the hostile page.
    await search(page, "Witkoff");
    await page.locator("li.statement button").first().click();
    await page.locator("#detail mark.hl-statement").first().waitFor();
    await page.locator("svg.timeline-svg").focus();
    await page.keyboard.press("+");
    await openLoader(page);
    await drop(page, [{ name: "hostile.html", type: "text/html", body: await readFile(fixture("hostile.html"), "utf8") }]);
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor();
    await page.getByRole("tab", { name: "Coverage" }).click();
    await page.locator("#coverage").waitFor();
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violation");
    await clearStorage(page);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
