// Sharded archives (`quoteline pack --sharded`, issue 20): a small archive packed by the
// release CLI into a directory under the served root opens with `?corpus=DIR/`: the
// first view's counts are the root's, a facet click and a one-word search answer with
// the totals the CLI's own reader gives, a statement opens with its article, and the
// keys work. A deleted and a corrupted shard are named while the rest works; a root of
// another version and a directory on another origin are refused with the reason. The
// view is in the address (reload, Back, Forward); the same archive opens from a
// directory chosen from disk (the webkitdirectory input of Firefox and Safari; and
// Chromium's showDirectoryPicker, its native dialog stood in for by a directory of the
// origin's private file system, kept for a reload); an archive page (archive.html, where
// index.html sends ?corpus=DIR/) fetches the archive's module only; the opened
// statement's row is marked.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, mkdir, readdir, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../helpers/server.mjs";
import { DIST, launch, openPage, screenshot } from "../helpers/browser.mjs";
import { assertNoSeriousViolations } from "../helpers/axe.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const QUOTELINE = join(ROOT, "target/release/quoteline");
/** The release CLI (built by `make test-engine`; built here if it is missing). */
function cli(args) {
  if (!existsSync(QUOTELINE)) {
    execFileSync("cargo", ["build", "--release", "-q", "-p", "quoteline-cli"], { cwd: ROOT, stdio: "inherit" });
  }
  return execFileSync(QUOTELINE, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26 });
}
/** The total the CLI's reader gives for a search (`quoteline archive DIR --search W`). */
function cliTotal(dir, args) {
  const line = cli(["archive", dir, ...args]).split("\n").find((l) => /^(search|facets?)\b/.test(l)) ?? "";
  return Number(line.match(/ (\d+) statements;/)?.[1]);
}
const count = async (page) => (await page.locator("#result-count").innerText()).trim();
/** Waits until the list shows the answer to the latest question. */
const settled = (page) => page.locator('#results[aria-busy="false"]').waitFor();

describe("sharded archives", () => {
  let tmp, site, server, browser, root, word, wordTotal, lost;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "quoteline-archive-"));
    site = join(tmp, "site");
    await cp(DIST, site, { recursive: true });
    cli(["synth", "--out", join(tmp, "articles"), "--mb", "1.5", "--seed", "11"]);
    cli(["pack", "--sharded", "--quiet", "--out", join(site, "arch"), join(tmp, "articles")]);
    root = JSON.parse(await readFile(join(site, "arch", "root.json"), "utf8"));
    // The shard tables are in the root's manifests (postcard); the shards' names are
    // those of the directory's files.
    const files = (await readdir(join(site, "arch"))).sort();
    const statementShards = files.filter((f) => /^statements-\d{5}\.bin$/.test(f));
    const articleShards = files.filter((f) => /^articles-\d{5}\.bin$/.test(f));
    assert.ok(statementShards.length >= 3, `a few statement shards (${statementShards.length})`);
    assert.equal(root.tables.statements.name, "tables-00000.bin", "the statement table's manifest");
    lost = statementShards[0];
    word = "vaccine";
    wordTotal = cliTotal(join(site, "arch"), ["--search", word]);
    assert.ok(wordTotal > 0, `the word is in the archive (${wordTotal})`);
    // A damaged copy: the first statement shard gone, every article shard corrupted.
    await cp(join(site, "arch"), join(site, "damaged"), { recursive: true });
    await rm(join(site, "damaged", lost));
    for (const name of articleShards) {
      const art = join(site, "damaged", name);
      const bytes = await readFile(art);
      bytes[bytes.length >> 1] ^= 0x01;
      await writeFile(art, bytes);
    }
    // A root from another version.
    await mkdir(join(site, "future"));
    await writeFile(join(site, "future", "root.json"), JSON.stringify({ ...root, version: root.version + 1 }));
    server = await serveStatic(site);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it("shows the root's counts first, then a facet click, a search and an opened statement", async () => {
    const { page, problems } = await openPage(browser.context);
    const n = root.facts.statements;
    await page.goto(`${server.url}?corpus=arch/`);
    await page.locator("li.statement").first().waitFor();
    await settled(page);
    assert.equal(await count(page), `${n} of ${n} statements · ${root.facts.articles} articles`);
    assert.match(await page.locator("#corpus-banner").innerText(), new RegExp(`${n} statements`));
    assert.equal(await page.locator("li.statement").count(), 50, "the first page");
    // The facets are the root's exact counts; the overview holds every dated statement.
    const [outlet, outletCount] = root.outlets[0];
    const value = page.locator('fieldset[data-facet="outlet"] label.facet-value', { hasText: outlet });
    assert.equal(Number(await value.locator(".facet-count").innerText()), outletCount);
    const bars = await page.$$eval(".overview-bar", (b) => b.map((x) => Number(x.getAttribute("aria-label").match(/: (\d+) statements$/)[1])));
    assert.equal(bars.reduce((a, b) => a + b, 0), n - root.undated, "the overview's bars");
    assert.match(await page.locator("#archive-limits").innerText(), /adding articles/);
    assert.ok(await page.locator("#open-loader").isDisabled());
    await screenshot(page, "archive-first-view");
    await assertNoSeriousViolations(page, "archive first view");

    // A facet click: the outlet's statements, fetched lazily, with the exact total.
    await value.locator("input").check();
    await page.waitForFunction((c) => document.querySelector("#result-count").innerText.startsWith(`${c} of `), outletCount);
    await settled(page);
    const outlets = await page.$$eval("li.statement", (l) => [...new Set(l.map((x) => x.dataset.outlet))]);
    assert.deepEqual(outlets, [outlet]);
    await value.locator("input").uncheck();

    // An affiliation (the root's speakers record theirs): its exact count and total.
    const byAffiliation = new Map();
    root.speakers.forEach((s, k) => s.affiliation && byAffiliation.set(s.affiliation, (byAffiliation.get(s.affiliation) ?? 0) + root.speaker_counts[k]));
    const [affiliation, affCount] = [...byAffiliation].sort((a, b) => b[1] - a[1])[0];
    const aff = page.locator('fieldset[data-facet="affiliation"] label.facet-value', { hasText: affiliation });
    assert.equal(Number(await aff.locator(".facet-count").innerText()), affCount);
    await aff.locator("input").check();
    await page.waitForFunction((c) => document.querySelector("#result-count").innerText.startsWith(`${c} of `), affCount);
    await settled(page);
    assert.equal(cliTotal(join(site, "arch"), ["--affiliation", affiliation]), affCount, "the CLI's reader agrees");
    await aff.locator("input").uncheck();

    // A one-word search: the total the CLI's reader gives, each row holding the word.
    await page.locator("#search").fill(word);
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    assert.equal(await count(page), `${wordTotal} of ${n} statements · ${root.facts.articles} articles`);
    const rows = await page.$$eval("li.statement", (l) => l.map((x) => x.textContent.toLowerCase()));
    assert.ok(rows.length > 0 && rows.every((r) => r.includes(word)), `every row holds the word: ${rows.filter((r) => !r.includes(word)).slice(0, 2)}`);
    await screenshot(page, "archive-search");

    // Opening a statement shows it in its article.
    const first = page.locator("li.statement").first();
    const words = (await first.locator(".words").innerText()).trim();
    await first.locator("button").click();
    const source = page.locator("#detail .source-text");
    await source.waitFor();
    const article = (await source.innerText()).replace(/\s+/g, " ");
    assert.ok(article.includes(words.replace(/\s+/g, " ").replace(/^[“"]|[”"]$/g, "").slice(0, 40)), "the statement is in its article");
    await screenshot(page, "archive-opened");

    // Keys: Esc closes, j opens the first row then the next, Enter on a row opens it,
    // / focuses the search.
    await page.keyboard.press("Escape");
    await page.locator("#detail .source-text").waitFor({ state: "detached" });
    await page.locator("#st-0").focus();
    await page.keyboard.press("j");
    await page.locator("#st-0[aria-pressed=true]").waitFor();
    await page.keyboard.press("j");
    await page.locator("#st-1[aria-pressed=true]").waitFor();
    await source.waitFor();
    await page.keyboard.press("Escape");
    await source.waitFor({ state: "detached" });
    await page.locator("#st-2").focus();
    await page.keyboard.press("Enter");
    await page.locator("#st-2[aria-pressed=true]").waitFor();
    await source.waitFor();
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.id), "search");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("names a missing or damaged shard and shows the rest", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}?corpus=damaged/root.json`);
    const msg = page.locator("#archive-unavailable");
    await msg.waitFor();
    await settled(page);
    assert.match(await msg.innerText(), new RegExp(lost));
    assert.ok((await page.locator("li.statement").count()) > 0, "the other shards' statements");
    const n = root.facts.statements;
    assert.match(await count(page), new RegExp(`^${n} of ${n} `), "the root still counts the missing shard's statements");
    await screenshot(page, "archive-damaged");
    // A statement whose article shard is corrupted says so, and the list stays.
    await page.locator("li.statement button").first().click();
    const open = page.locator("#open-message");
    await open.waitFor();
    assert.match(await open.innerText(), /articles-\d{5}\.bin.*checksum.*rest of the archive still works/s);
    assert.ok((await page.locator("li.statement").count()) > 0);
    await screenshot(page, "archive-damaged-open");
    assert.deepEqual(problems.filter((p) => !p.includes(lost)), []);
    await page.close();
  });

  it("is a page of its own: the seeds' page never fetches it, ?corpus=DIR/ goes to it", async () => {
    const fetched = (from) => server.requests.slice(from).map((r) => r.split("?")[0].split("/").pop());
    const { page, problems } = await openPage(browser.context);
    let from = server.requests.length;
    await page.goto(server.url);
    await page.locator("li.statement").first().waitFor();
    const seeds = fetched(from);
    assert.ok(seeds.some((f) => /^quoteline-web-.*_bg\.wasm$/.test(f)), `the explorer's module: ${seeds}`);
    assert.deepEqual(seeds.filter((f) => f.startsWith("quoteline-archive")), [], "no archive file on the seeds' page");
    from = server.requests.length;
    await page.goto(`${server.url}archive.html?corpus=arch/`);
    await settled(page);
    const arch = fetched(from);
    assert.ok(arch.includes("quoteline-archive.js") && arch.includes("quoteline-archive_bg.wasm"), `the archive's module: ${arch}`);
    // The converse: the explorer's files (which the seeds' page preloads) are not fetched.
    assert.deepEqual(arch.filter((f) => f.startsWith("quoteline-web")), [], "no explorer file on an archive page");
    const own = await page.$$eval('link[rel="preload"], link[rel="modulepreload"]', (l) => l.map((x) => x.getAttribute("href")));
    assert.ok(own.some((h) => h.endsWith("quoteline-archive_bg.wasm")), `the archive page preloads its wasm: ${own}`);
    assert.deepEqual(own.filter((h) => !/quoteline-archive|snippets\//.test(h)), [], "and nothing else");
    // index.html sends ?corpus=DIR/ on, query and fragment kept, Back skipping it.
    await page.goto(`${server.url}?corpus=arch/#q=${word}`);
    await page.waitForURL(/\/archive\.html\?corpus=arch\/#q=/);
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    assert.equal(await page.locator("#search").inputValue(), word);
    await page.goBack();
    assert.match(page.url(), /\/archive\.html\?corpus=arch\//, "Back skips index.html");
    from = server.requests.length;
    await page.goto(server.url);
    await page.locator("li.statement").first().waitFor();
    const preloads = await page.$$eval('link[rel="preload"], link[rel="modulepreload"]', (l) => l.map((x) => x.getAttribute("href")));
    assert.ok(preloads.some((h) => /quoteline-web-.*_bg\.wasm$/.test(h)), `the seeds' page preloads its wasm: ${preloads}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("keeps the view in the address: a reload restores it, Back the one before", async () => {
    const { page, problems } = await openPage(browser.context);
    const n = root.facts.statements;
    await page.goto(`${server.url}?corpus=arch/`);
    await settled(page);
    const [outlet] = root.outlets[0];
    const value = page.locator('fieldset[data-facet="outlet"] label.facet-value', { hasText: outlet });
    await value.locator("input").check();
    await page.waitForFunction((n) => !document.querySelector("#result-count").innerText.startsWith(`${n} of `), n);
    await settled(page);
    const outletOnly = await count(page);
    // Typing replaces the entry the facet made; the search is in the address.
    await page.locator("#search").fill(word);
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    const searched = await count(page);
    assert.notEqual(searched, outletOnly, "the search narrows the outlet's statements");
    await page.waitForFunction((w) => location.hash.includes(`q=${w}`), word);
    assert.match(page.url(), /outlet=/);
    // Opening a statement is in the address too.
    await page.locator("li.statement button").first().click();
    await page.locator("#detail .source-text").waitFor();
    await page.waitForFunction(() => /(^#|&)sel=\d+/.test(location.hash));
    const article = await page.locator("#detail .source-text").innerText();
    await page.reload();
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    assert.equal(await count(page), searched, "a reload restores the total");
    assert.equal(await page.locator("#search").inputValue(), word);
    assert.ok(await value.locator("input").isChecked());
    await page.locator("#detail .source-text").waitFor();
    assert.equal(await page.locator("#detail .source-text").innerText(), article, "and the opened statement");
    // Back: before the statement was opened (the same total, no detail); again: before
    // the outlet was clicked (the search typed after it went with its entry).
    await page.goBack();
    await page.locator("#detail .source-text").waitFor({ state: "detached" });
    assert.equal(await count(page), searched);
    await page.goBack();
    await page.waitForFunction((n) => document.querySelector("#result-count").innerText.startsWith(`${n} of `), n);
    await settled(page);
    assert.equal(await count(page), `${n} of ${n} statements · ${root.facts.articles} articles`);
    assert.equal(await page.locator("#search").inputValue(), "");
    assert.ok(!(await value.locator("input").isChecked()));
    await page.goForward();
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    assert.equal(await count(page), searched, "Forward restores it again");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("shows an opened statement's renderings in other outlets, from its group", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}?corpus=arch/`);
    await settled(page);
    const grouped = page.locator("li.statement[data-group]").first();
    assert.ok((await page.locator("li.statement[data-group]").count()) > 0, "a grouped statement on the first page");
    const number = await grouped.getAttribute("data-number");
    // The CLI's reader says how many renderings and outlets its group has.
    const line = cli(["archive", join(site, "arch"), "--open", number]).split("\n").find((l) => /^open\b/.test(l)) ?? "";
    const [, renderings, outlets] = line.match(/one of (\d+) renderings by (\d+) outlets/) ?? [];
    assert.ok(renderings, `the CLI opens it in a group: ${line}`);
    await grouped.locator("button").click();
    const others = page.locator("#archive-others li");
    await others.first().waitFor();
    assert.equal(await page.locator("#archive-group").innerText(), `Reported by ${outlets} outlets, in ${renderings} renderings.`);
    assert.equal(await others.count(), Math.min(Number(renderings) - 1, 24));
    const labels = await others.locator("button").allInnerTexts();
    assert.ok(labels.every((l) => / · \w+$/.test(l.trim())), `outlet · kind: ${labels}`);
    // A rendering opens by a click, in the address; Back returns to the first.
    const other = await others.first().getAttribute("data-number");
    await others.first().locator("button").click();
    await page.waitForFunction((n) => location.hash.includes(`sel=${n}`), other);
    await page.locator(`#archive-others li[data-number="${number}"]`).waitFor();
    await screenshot(page, "archive-other-outlets");
    await page.goBack();
    await page.locator(`#archive-others li[data-number="${other}"]`).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("opens an archive directory chosen from disk, from the explorer's loader (webkitdirectory)", async () => {
    const { page, problems } = await openPage(browser.context);
    // As in Firefox and Safari: no showDirectoryPicker, so the input.
    // (Window is the global object: its operations are its own properties.)
    await page.addInitScript(() => delete window.showDirectoryPicker);
    const n = root.facts.statements;
    await page.goto(server.url);
    await page.locator("li.statement").first().waitFor();
    await page.locator("#open-loader").click();
    const entry = page.locator("#open-archive-dir");
    await entry.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/archive\.html\?open=directory$/);
    const before = server.requests.length;
    // A directory that is not an archive's: said, and the chooser stays.
    await page.locator("#open-archive").setInputFiles(join(tmp, "articles"));
    await page.locator("#corpus-message.error").waitFor();
    assert.match(await page.locator("#corpus-message").innerText(), /no root\.json directly inside it/);
    // A root of another version: refused with the reason, and the chooser stays.
    await page.locator("#open-archive").setInputFiles(join(site, "future"));
    await page.locator("#corpus-message.error", { hasText: /version|newer/i }).waitFor();
    await page.locator("#open-archive").setInputFiles(join(site, "arch"));
    await page.locator("li.statement").first().waitFor();
    await settled(page);
    assert.equal(await count(page), `${n} of ${n} statements · ${root.facts.articles} articles`);
    assert.match(await page.locator("#corpus-banner").innerText(), /Archive arch\//);
    await page.locator("#search").fill(word);
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    assert.equal(await count(page), `${wordTotal} of ${n} statements · ${root.facts.articles} articles`);
    await page.locator("li.statement button").first().click();
    await page.locator("#detail .source-text").waitFor();
    await screenshot(page, "archive-from-disk");
    // Read from the files chosen: nothing of the archive was fetched from the site.
    const asked = server.requests.slice(before).filter((r) => /\.(bin|json)(\?|$)/.test(r));
    assert.deepEqual(asked, [], "no archive file over http");
    await assertNoSeriousViolations(page, "archive from disk");
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("opens a directory from Chromium's picker, and a reload reopens it", async () => {
    // showDirectoryPicker's dialog cannot be driven headless: it is stood in for by a
    // directory of the origin's private file system (a real directory handle, which
    // IndexedDB keeps), filled with the archive's files first.
    const { page, problems } = await openPage(browser.context);
    const names = [...(await readdir(join(site, "arch")))];
    await page.goto(`${server.url}archive.html?open=directory`);
    await page.locator("#pick-archive").waitFor();
    assert.equal(await page.locator("#open-archive").count(), 0, "the picker, not the input, where the browser has it");
    await page.evaluate(async (names) => {
      const opfs = await navigator.storage.getDirectory();
      for (const [d, files] of [["arch", names], ["future", ["root.json"]]]) {
        const dir = await opfs.getDirectoryHandle(d, { create: true });
        for (const n of files) {
          const bytes = await (await fetch(`${d}/${n}`)).arrayBuffer();
          const w = await (await dir.getFileHandle(n, { create: true })).createWritable();
          await w.write(bytes);
          await w.close();
        }
      }
    }, names);
    const stand = () => {
      window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(globalThis.__pick ?? "arch");
    };
    await page.addInitScript(stand);
    await page.evaluate(stand);
    // A directory that does not open is said, and not kept.
    await page.evaluate(() => (globalThis.__pick = "future"));
    await page.locator("#pick-archive").click();
    await page.locator("#corpus-message.error", { hasText: /Could not open the archive future\/:.*(version|newer)/i }).waitFor();
    const kept = () =>
      page.evaluate(() => new Promise((ok, no) => {
        const r = indexedDB.open("quoteline-archive", 1);
        r.onupgradeneeded = () => r.result.createObjectStore("handles");
        r.onerror = () => no(r.error);
        r.onsuccess = () => {
          const get = r.result.transaction("handles").objectStore("handles").get("directory");
          get.onsuccess = () => { r.result.close(); ok(get.result?.name ?? null); };
        };
      }));
    assert.equal(await kept(), null, "nothing kept");
    await page.evaluate(() => (globalThis.__pick = "arch"));
    const before = server.requests.length;
    const n = root.facts.statements;
    await page.locator("#pick-archive").click();
    await settled(page);
    assert.equal(await count(page), `${n} of ${n} statements · ${root.facts.articles} articles`);
    assert.match(await page.locator("#corpus-banner").innerText(), /Archive arch\//);
    await page.locator("#search").fill(word);
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    assert.equal(await count(page), `${wordTotal} of ${n} statements · ${root.facts.articles} articles`);
    // A reload reopens it from the handle kept in IndexedDB, with the view.
    assert.equal(await kept(), "arch");
    await page.reload();
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    assert.equal(await count(page), `${wordTotal} of ${n} statements · ${root.facts.articles} articles`);
    const asked = server.requests.slice(before).filter((r) => /\.(bin|json)(\?|$)/.test(r));
    assert.deepEqual(asked, [], "no archive file over http");
    // A browser that asks again: a button reopens it after asking; a refusal is said.
    const ask = (answer) => {
      FileSystemHandle.prototype.queryPermission = async () => "prompt";
      FileSystemHandle.prototype.requestPermission = async () => globalThis.__answer ?? answer;
    };
    await page.addInitScript(ask, "denied");
    await page.reload();
    await page.locator("#reopen-archive").waitFor();
    assert.match(await page.locator("#archive-remembered").innerText(), /Last time you opened arch\//);
    await page.locator("#reopen-archive").click();
    await page.locator("#corpus-message.error", { hasText: /did not allow this page to read arch\//i }).waitFor();
    await page.evaluate(() => (globalThis.__answer = "granted"));
    await page.locator("#reopen-archive").click();
    await page.locator(`#results[aria-busy="false"][data-search="${word}"]`).waitFor();
    await assertNoSeriousViolations(page, "archive from the picker");
    await page.evaluate(async () => {
      const opfs = await navigator.storage.getDirectory();
      for (const d of ["arch", "future"]) await opfs.removeEntry(d, { recursive: true });
    });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("marks the opened statement's row, from the address or another outlet", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}archive.html?corpus=arch/`);
    await settled(page);
    const rows = page.locator("li.statement");
    const last = rows.nth((await rows.count()) - 1);
    const number = await last.getAttribute("data-number");
    // A link that opens the page's last statement: its row is marked and in view.
    await page.goto("about:blank");
    await page.goto(`${server.url}archive.html?corpus=arch/#sel=${number}`);
    await page.locator("#detail .source-text").waitFor();
    const marked = page.locator(`li.statement[data-number="${number}"][aria-current="true"]`);
    await marked.waitFor();
    assert.equal(await page.locator('li.statement[aria-current]').count(), 1);
    await page.waitForFunction((n) => {
      const r = document.querySelector(`li.statement[data-number="${n}"]`).getBoundingClientRect();
      return r.top >= -1 && r.bottom <= innerHeight + 1; // (scrolled to its nearest edge, to a part of a pixel)
    }, number);
    await screenshot(page, "archive-opened-marked");
    // A rendering in another outlet: the mark moves to its row, if it is on this page.
    const grouped = page.locator("li.statement[data-group]").first();
    await grouped.locator("button").click();
    const other = page.locator("#archive-others li").first();
    await other.waitFor();
    const otherNumber = await other.getAttribute("data-number");
    await other.locator("button").click();
    await page.waitForFunction((n) => location.hash.includes(`sel=${n}`), otherNumber);
    const onPage = await page.locator(`li.statement[data-number="${otherNumber}"]`).count();
    await page.waitForFunction((k) => document.querySelectorAll("li.statement[aria-current]").length === k, onPage);
    if (onPage) await page.locator(`li.statement[data-number="${otherNumber}"][aria-current="true"]`).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("refuses a root of another version and a directory on another origin", async () => {
    const { page } = await openPage(browser.context);
    await page.goto(`${server.url}?corpus=future/`);
    const msg = page.locator("#corpus-message.error");
    await msg.waitFor();
    assert.match(await msg.innerText(), /Could not open the archive future\/:.*(newer|version)/i);
    await screenshot(page, "archive-refused");
    const away = server.url.replace("127.0.0.1", "localhost") + "arch/";
    await page.goto(`${server.url}?corpus=${encodeURIComponent(away)}`);
    await msg.waitFor();
    assert.match(await msg.innerText(), /this site only/);
    assert.equal(await page.locator("li.statement").count(), 0);
    await page.close();
  });
});
