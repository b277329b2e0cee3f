// Nothing lost on reload (issue 21): the workspace in IndexedDB. 5,000 articles (12 MB
// of text, `quoteline synth --mb 12`) through the file picker and a reload; a corpus file
// opened from the picker and reopened after a reload until closed; two tabs adding
// articles at once; a full quota (a storage limit set by the test in an init script);
// the move of an older localStorage workspace; damaged, foreign and newer
// records; no IndexedDB at all; filters a newly opened corpus lacks.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { serveStatic } from "../helpers/server.mjs";
import { DIST, launch, openPage, waitForOutlets, screenshot, clearStorage, APP_TIMEOUT } from "../helpers/browser.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The CLI, built by the native tier (`cargo run` only checks that it is fresh). */
const cli = (args) => execFileSync("cargo", ["run", "-q", "-p", "quoteline-cli", "--", ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
const articles = async (page) => Number((await page.locator("#result-count").innerText()).match(/· (\d+) articles/)?.[1] ?? NaN);
const LONG = 600_000;

/** The article records in the page's IndexedDB: { key: value }. */
const records = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const r = indexedDB.open("quoteline");
  r.onerror = () => reject(r.error);
  r.onsuccess = () => {
    const db = r.result;
    if (!db.objectStoreNames.contains("articles")) { db.close(); resolve({}); return; }
    const s = db.transaction("articles").objectStore("articles");
    const keys = s.getAllKeys();
    const values = s.getAll();
    values.onsuccess = () => { const out = {}; keys.result.forEach((k, i) => { out[k] = values.result[i]; }); db.close(); resolve(out); };
  };
}));
/** Puts raw records into the store `store` (the database as the app creates it). */
const putRaw = (page, store, entries) => page.evaluate(([store, entries]) => new Promise((resolve, reject) => {
  const r = indexedDB.open("quoteline", 1);
  r.onupgradeneeded = () => { for (const s of ["articles", "meta", "files"]) r.result.createObjectStore(s); };
  r.onerror = () => reject(r.error);
  r.onsuccess = () => {
    const tx = r.result.transaction(store, "readwrite");
    for (const [k, v] of entries) tx.objectStore(store).put(v, k);
    tx.oncomplete = () => { r.result.close(); resolve(); };
  };
}), [store, entries]);
/** Waits until the store holds `n` article records (a write is asynchronous). */
async function stored(page, n, timeout = APP_TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    const count = Object.keys(await records(page)).length;
    if (count === n) return;
    if (Date.now() > end) throw new Error(`the store holds ${count} articles, not ${n}`);
    await page.waitForTimeout(50);
  }
}
async function openLoader(page) {
  if ((await page.locator("#loader").count()) === 0) await page.locator("#open-loader").click();
  await page.locator("#loader").waitFor();
}
async function paste(page, text) {
  await openLoader(page);
  const count = () => page.locator("#open-loader").innerText().then((t) => Number(t.match(/\((\d+)\)/)[1]));
  const n = await count();
  await page.locator("#paste-text").fill(text);
  await page.locator("#add-paste").click();
  await page.locator("#open-loader", { hasText: `Your articles (${n + 1})` }).waitFor({ timeout: APP_TIMEOUT });
}
/** Opens the app with nothing stored (each test starts from the seeds alone). */
async function fresh(page, url, problems) {
  await page.goto(url);
  await clearStorage(page);
  await page.reload();
  await waitForOutlets(page, 5, { problems });
}
/** The viewport only (a page listing thousands of rows is too tall for a full shot). */
const shot = (page, name) => page.screenshot({ path: join(fileURLToPath(new URL("../screenshots/", import.meta.url)), `${name}.png`) });
const article = (who, what) => `Harbour news\n\n“${what},” said harbour master ${who} on Tuesday.\n`;

describe("the workspace kept in IndexedDB", () => {
  let tmp, server, browser, synth, packed;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "quoteline-persist-"));
    synth = join(tmp, "synth");
    cli(["synth", "--out", synth, "--mb", "12"]);
    cli(["synth", "--out", join(tmp, "small"), "--mb", "0.2", "--seed", "3"]);
    packed = join(tmp, "small.qlc");
    cli(["pack", "--out", packed, join(tmp, "small")]);
    server = await serveStatic(DIST);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it("keeps 5,000 articles (12 MB) loaded through the picker across a reload", async () => {
    const { page, problems } = await openPage(browser.context);
    await fresh(page, server.url, problems);
    const seeds = await articles(page);
    const files = (await readdir(synth)).map((f) => join(synth, f));
    assert.equal(files.length, 5000);
    await openLoader(page);
    await page.locator("#pick-files").setInputFiles(files);
    await page.locator("#load-messages", { hasText: "Added 5000 articles." }).waitFor({ timeout: LONG });
    await page.locator("#store-figures", { hasText: "Saved in this browser: 5000 articles" }).waitFor({ timeout: LONG });
    assert.match(await page.locator("#store-figures").innerText(), /MB of text\)\. Browser storage: [\d.]+ [MG]B used of [\d.]+ [MG]B available\./);
    // Past a few MB the app asked for persistent storage and says what the answer was.
    assert.match(await page.locator("#store-figures").innerText(), /persistent/);
    await shot(page, "persist-5000-saved");
    await page.reload();
    await page.locator("#open-loader", { hasText: "Your articles (5000)" }).waitFor({ timeout: LONG });
    await page.waitForFunction((n) => document.querySelector("#result-count")?.textContent.includes(`· ${n} articles`), seeds + 5000, { timeout: LONG });
    await page.locator("li.statement").first().waitFor();
    await shot(page, "persist-5000-reloaded");
    assert.deepEqual(problems, [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });

  it("reopens a corpus file opened from the picker after a reload, until it is closed; filters it lacks are dropped and named", async () => {
    const { page, problems } = await openPage(browser.context);
    await fresh(page, server.url, problems);
    // A seed speaker's filter: the opened corpus has no such speaker.
    const speaker = await page.locator('fieldset[data-facet="speaker"] .facet-name').first().innerText();
    await page.locator('fieldset[data-facet="speaker"] input').first().check();
    await page.waitForFunction(() => location.hash.includes("speaker="));
    await openLoader(page);
    await page.locator("#open-corpus").setInputFiles(packed);
    await page.locator("#corpus-banner").waitFor();
    await page.locator("#notice", { hasText: "Filters dropped, absent from this corpus: speaker “" }).waitFor();
    assert.ok((await page.locator("#notice").innerText()).includes(`speaker “${speaker}”`));
    await page.locator("li.statement").first().waitFor();
    const banner = await page.locator("#corpus-banner").innerText();
    await screenshot(page, "persist-corpus-file-opened");
    await page.reload();
    await page.locator("#corpus-banner").waitFor();
    assert.equal(await page.locator("#corpus-banner").innerText(), banner);
    await page.locator("li.statement").first().waitFor();
    await page.locator("#close-corpus").click();
    await waitForOutlets(page, 5, { problems });
    await page.reload();
    await waitForOutlets(page, 5, { problems });
    assert.equal(await page.locator("#corpus-banner").count(), 0, "closed: not reopened");
    assert.deepEqual(problems, [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });

  it("two tabs: an article added in one appears in the other, and neither write erases the other's", async () => {
    const a = await openPage(browser.context);
    const b = await openPage(browser.context);
    await fresh(a.page, server.url, a.problems);
    await b.page.goto(server.url);
    await waitForOutlets(b.page, 5, { problems: b.problems });
    await paste(a.page, article("Lena Okoye", "Every berth has been checked"));
    await b.page.locator("#open-loader", { hasText: "Your articles (1)" }).waitFor();
    await paste(b.page, article("Ivo Brandt", "The cranes are back at work"));
    await a.page.locator("#open-loader", { hasText: "Your articles (2)" }).waitFor();
    await stored(a.page, 2);
    await a.page.locator("#search").fill("cranes");
    await a.page.locator("li.statement", { hasText: "The cranes are back at work" }).waitFor();
    await screenshot(a.page, "persist-two-tabs");
    // Removing one in tab B removes it in A, and A's next write does not bring it back.
    await openLoader(b.page);
    await b.page.locator(".my-article", { hasText: "pasted text 1" }).first().getByRole("button", { name: "Remove pasted text 1" }).click();
    await a.page.locator("#open-loader", { hasText: "Your articles (1)" }).waitFor();
    await paste(a.page, article("Mara Lind", "The ferry sails at dawn"));
    await stored(a.page, 2);
    await a.page.reload();
    await a.page.locator("#open-loader", { hasText: "Your articles (2)" }).waitFor();
    for (const t of [a, b]) assert.deepEqual(t.problems, [], t.problems.join("\n"));
    await clearStorage(a.page);
    await a.page.close();
    await b.page.close();
  });

  it("a full quota: says so with the figures, keeps what was stored and the new article for the session", async () => {
    const { page, problems } = await openPage(browser.context);
    await fresh(page, server.url, problems);
    // A storage limit set by the test: a write of a record over 1 MB fails as a full
    // quota does in Chromium (the transaction aborts with QuotaExceededError), and the
    // browser reports 2 MB available. (The DevTools protocol's quota override did not
    // limit IndexedDB in this Chromium.)
    await page.addInitScript((limit) => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        const size = typeof value === "string" ? value.length : (value?.bytes?.byteLength ?? 0);
        if (size > limit) {
          const tx = this.transaction;
          Object.defineProperty(tx, "error", { get: () => new DOMException("The quota has been exceeded.", "QuotaExceededError") });
          queueMicrotask(() => tx.abort());
        }
        return put.call(this, value, key);
      };
      const estimate = navigator.storage.estimate.bind(navigator.storage);
      navigator.storage.estimate = async () => ({ ...(await estimate()), quota: 2 * limit });
    }, 1_000_000);
    await page.reload();
    await waitForOutlets(page, 5, { problems });
    await paste(page, article("Lena Okoye", "Every berth has been checked"));
    await stored(page, 1);
    const big = `Harbour news\n\n“The bridge will open in May,” said engineer Ada Quinn.\n\n${"The quay was rebuilt stone by stone. ".repeat(40_000)}\n`;
    await paste(page, big);
    await page.locator("#loader .error", { hasText: "Browser storage is full (" }).waitFor();
    const message = await page.locator("#loader .error").innerText();
    assert.match(message, /Browser storage is full \([\d.]+ MB used of 2\.0 MB available\): 1 new article \(1\.5 MB\) is kept for this session only, and everything saved before is kept\./);
    await page.locator("#search").fill("bridge");
    await page.locator("li.statement", { hasText: "The bridge will open in May" }).waitFor();
    await screenshot(page, "persist-quota-full");
    assert.equal(Object.keys(await records(page)).length, 1, "what was stored is kept");
    await page.reload();
    await page.locator("#open-loader", { hasText: "Your articles (1)" }).waitFor();
    assert.deepEqual(problems, [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });

  it("moves an older localStorage workspace in, and removes it only once it is read back", async () => {
    const { page, problems } = await openPage(browser.context);
    await fresh(page, server.url, problems);
    // An export is the same JSON an older Quoteline kept in localStorage.
    await paste(page, article("Lena Okoye", "Every berth has been checked"));
    await paste(page, article("Ivo Brandt", "The cranes are back at work"));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export workspace" }).click()]);
    const json = await readFile(await download.path(), "utf8");
    await clearStorage(page);
    await page.evaluate((json) => localStorage.setItem("quoteline.workspace", json), json);
    await page.reload();
    await page.locator("#store-notice", { hasText: "Your 2 saved articles were moved from localStorage to IndexedDB" }).waitFor();
    await page.locator("#open-loader", { hasText: "Your articles (2)" }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("quoteline.workspace")), null, "the old copy is removed");
    assert.deepEqual(Object.keys(await records(page)).sort(), ["pasted text 1", "pasted text 2"]);
    await screenshot(page, "persist-migrated");
    await page.reload();
    await page.locator("#open-loader", { hasText: "Your articles (2)" }).waitFor();

    // One that cannot be read stays untouched, even when the mode is switched, until
    // the user removes it.
    await clearStorage(page);
    await page.evaluate(() => localStorage.setItem("quoteline.workspace", '{"format":"quoteline-workspace","version":9}'));
    await page.reload();
    await page.locator("#store-unread", { hasText: "could not be read (it was written by a newer Quoteline (workspace version 9" }).waitFor();
    await openLoader(page);
    await page.getByRole("radio", { name: /on their own/ }).check();
    await paste(page, article("Lena Okoye", "Every berth has been checked"));
    assert.equal(await page.evaluate(() => localStorage.getItem("quoteline.workspace")), '{"format":"quoteline-workspace","version":9}');
    await page.locator("#store-discard").click();
    await page.waitForFunction(() => localStorage.getItem("quoteline.workspace") === null);
    assert.deepEqual(problems, [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });

  it("skips a damaged, a foreign and a newer record with a notice naming them, and leaves them untouched", async () => {
    const { page, problems } = await openPage(browser.context);
    await fresh(page, server.url, problems);
    await paste(page, article("Lena Okoye", "Every berth has been checked"));
    await stored(page, 1);
    const newer = JSON.stringify({ v: 2, article: { name: "future.txt", text: "?" } });
    await putRaw(page, "articles", [["broken.txt", "{\"v\":1,\"article\":"], ["foreign", { some: "object" }], ["future.txt", newer]]);
    const newerMode = JSON.stringify({ v: 3, mode: "alone" });
    await putRaw(page, "meta", [["mode", newerMode]]);
    await page.reload();
    const notice = page.locator("#store-unread");
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /4 saved records could not be read and were skipped/);
    assert.match(text, /“mode” \(written by a newer Quoteline, record version 3/);
    assert.match(text, /“broken\.txt” \(not valid JSON/);
    assert.match(text, /“foreign” \(it is not text\)/);
    assert.match(text, /“future\.txt” \(written by a newer Quoteline, record version 2/);
    await page.locator("#open-loader", { hasText: "Your articles (1)" }).waitFor();
    await screenshot(page, "persist-bad-records");
    // A write (another article, the mode) leaves them as they are.
    await paste(page, article("Ivo Brandt", "The cranes are back at work"));
    await stored(page, 5);
    assert.equal((await records(page))["future.txt"], newer);
    const mode = () => page.evaluate(() => new Promise((ok) => {
      const r = indexedDB.open("quoteline");
      r.onsuccess = () => { const g = r.result.transaction("meta").objectStore("meta").get("mode"); g.onsuccess = () => { r.result.close(); ok(g.result); }; };
    }));
    assert.equal(await mode(), newerMode, "the newer mode record is untouched");
    // Removing them is the user's explicit choice; the readable articles stay.
    await page.locator("#store-discard").click();
    await page.locator("#store-unread").waitFor({ state: "detached" });
    await stored(page, 2);
    assert.equal(await mode(), undefined);
    assert.deepEqual(problems, [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });

  it("without IndexedDB, works for the session and says so once", async () => {
    const { page, problems } = await openPage(browser.context);
    await fresh(page, server.url, problems);
    await page.addInitScript(() => Object.defineProperty(window, "indexedDB", { get() { throw new DOMException("The user denied permission to access the database.", "SecurityError"); } }));
    await page.reload();
    await waitForOutlets(page, 5, { problems });
    await page.locator("#store-unavailable", { hasText: "no IndexedDB storage" }).waitFor();
    await paste(page, article("Lena Okoye", "Every berth has been checked"));
    await paste(page, article("Ivo Brandt", "The cranes are back at work"));
    assert.equal(await page.locator("#store-unavailable").count(), 1, "said once");
    await page.locator("#search").fill("cranes");
    await page.locator("li.statement", { hasText: "The cranes are back at work" }).waitFor();
    await screenshot(page, "persist-unavailable");
    assert.deepEqual(problems, [], problems.join("\n"));
    await page.close();
  });
});
