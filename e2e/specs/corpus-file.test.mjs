// Precomputed corpus files (`quoteline pack`): a synthetic archive packed by the CLI is
// opened by `?corpus=` on the same host (with a shared view in the fragment), survives a
// reload, is closed back to the seeds; it also opens from the file picker and by drop.
// Tampered, older, missing, foreign-host and wrong-kind files are refused with the
// reason, and the seeds and your articles stay as they were.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, mkdir, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../helpers/server.mjs";
import { DIST, launch, openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";
import { assertNoSeriousViolations } from "../helpers/axe.mjs";
import { STRICT_CSP } from "../helpers/app.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The CLI, built by the native tier (`cargo run` only checks that it is fresh). */
function cli(args) {
  const out = execFileSync("cargo", ["run", "-q", "-p", "quoteline-cli", "--", ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
  return out;
}
const total = async (page) => Number((await page.locator("#result-count").innerText()).match(/of (\d+) statements/)[1]);

describe("precomputed corpus files", () => {
  let tmp, server, strict, browser, statements, speaker, speakerCount, groupText, groupId;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "quoteline-pack-"));
    const site = join(tmp, "site");
    await cp(DIST, site, { recursive: true });
    await mkdir(join(site, "corpora"));
    cli(["synth", "--out", join(tmp, "archive"), "--mb", "0.4", "--seed", "7"]);
    const packed = join(site, "corpora", "archive.qlc");
    cli(["pack", "--out", packed, join(tmp, "archive")]);
    // What the page should show, from the CLI's own output over the same files.
    const lines = cli(["extract", join(tmp, "archive")]).trim().split("\n").map((l) => JSON.parse(l));
    statements = lines.length;
    const bySpeaker = new Map();
    for (const l of lines) bySpeaker.set(l.speaker, (bySpeaker.get(l.speaker) ?? 0) + 1);
    [speaker, speakerCount] = [...bySpeaker].sort((a, b) => b[1] - a[1])[0];
    const groups = cli(["groups", join(tmp, "archive")]).trim().split("\n").map((l) => JSON.parse(l));
    const group = groups.find((g) => g.renderings.length >= 2 && g.canonical.length > 30);
    groupText = group.canonical;
    // A member of the group: the search may find other statements with the same words
    // that belong to no group (another speaker's).
    groupId = group.renderings[0].id;
    // Bad files beside the good one.
    const good = await readFile(packed);
    const tampered = Buffer.from(good);
    tampered[tampered.length - 3] ^= 0x01;
    await writeFile(join(site, "corpora", "tampered.qlc"), tampered);
    await writeFile(join(site, "corpora", "old.qlc"), Buffer.concat([Buffer.from("quoteline-corpus 0 "), good.subarray(good.indexOf(" ", 17) + 1)]));
    await writeFile(join(site, "corpora", "notes.qlc"), "just some text\n");
    await writeFile(join(tmp, "workspace.qlc"), JSON.stringify({ format: "quoteline-workspace", version: 1, articles: [] }));
    server = await serveStatic(site);
    strict = await serveStatic(site, { headers: { "content-security-policy": STRICT_CSP } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await strict?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it("opens ?corpus= with the link's view, keeps it on reload, and closes back to the seeds", async () => {
    const { page, problems } = await openPage(browser.context);
    const fragment = `#speaker=${encodeURIComponent(speaker)}`;
    await page.goto(`${server.url}?corpus=corpora/archive.qlc${fragment}`);
    await page.locator("#corpus-banner").waitFor();
    await page.locator("li.statement").first().waitFor();
    assert.match(await page.locator("#corpus-banner").innerText(), new RegExp(`${statements} statements`));
    assert.equal(await total(page), statements, "every statement of the file");
    // The link's speaker filter was read against the opened corpus, not dropped.
    assert.match(await page.locator("#result-count").innerText(), new RegExp(`^${speakerCount} of ${statements}`));
    assert.equal(await page.locator("#notice").count(), 0, "no 'dropped from the link' notice");
    assert.ok(page.url().includes(fragment), page.url());
    await screenshot(page, "corpus-file-opened");
    await assertNoSeriousViolations(page, "corpus file opened");

    // The stored groups: a remark's other renderings show without recomputing.
    await page.goto(`${server.url}?corpus=corpora/archive.qlc`);
    await page.locator("#corpus-banner").waitFor();
    await page.locator("#search").fill(`"${groupText.split(" ").slice(0, 6).join(" ")}"`);
    await page.waitForFunction(() => document.querySelectorAll("li.statement").length >= 2);
    await page.locator(`li.statement[data-id="${groupId}"] button`).click();
    await page.locator("#detail .renderings li").first().waitFor();
    await screenshot(page, "corpus-file-group");

    // Reload: opened again from the address.
    await page.reload();
    await page.locator("#corpus-banner").waitFor();
    await page.locator("li.statement").first().waitFor();
    assert.equal(await total(page), statements);

    // Close: the seeds, and ?corpus= gone from the address so a reload stays there.
    // (Filters stay across corpora, like the search for this archive's remark: clear it.)
    await page.locator("#search").fill("");
    await page.locator("#close-corpus").click();
    await waitForOutlets(page, 5, { problems });
    const seedsTotal = await total(page);
    assert.ok(seedsTotal < statements && seedsTotal > 50, `${seedsTotal}`);
    assert.ok(!page.url().includes("corpus="), page.url());
    await page.reload();
    await waitForOutlets(page, 5, { problems });
    assert.equal(await page.locator("#corpus-banner").count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("refuses a redirect to another site without fetching anything from it (no CSP header)", async () => {
    // "localhost" and "127.0.0.1" are different origins on the same machine.
    const other = await serveStatic(join(tmp, "site"));
    const away = other.url.replace("127.0.0.1", "localhost") + "corpora/archive.qlc";
    const redirecting = await serveStatic(join(tmp, "site"), { redirects: { "/corpora/away.qlc": away } });
    try {
      const { page } = await openPage(browser.context);
      await page.goto(`${redirecting.url}?corpus=corpora/away.qlc`);
      const msg = page.locator("#corpus-message.error");
      await msg.waitFor();
      assert.match(await msg.innerText(), /redirect to another site|this site only/);
      await waitForOutlets(page, 5);
      assert.deepEqual(other.requests, [], "nothing was fetched from the other site");
      await page.close();
    } finally {
      await other.close();
      await redirecting.close();
    }
  });

  it("refuses tampered, older, missing, foreign and non-corpus files with the reason", async () => {
    const cases = [
      ["corpora/tampered.qlc", /checksum/],
      ["corpora/old.qlc", /older Quoteline \(format 0.*quoteline pack/],
      ["corpora/notes.qlc", /not a Quoteline corpus file/],
      ["corpora/missing.qlc", /404/],
      ["http://192.0.2.1/x.qlc", /this site only/],
    ];
    for (const [target, why] of cases) {
      const { page } = await openPage(browser.context);
      const asked = [];
      page.on("request", (r) => asked.push(r.url()));
      await page.goto(`${server.url}?corpus=${encodeURIComponent(target)}`);
      const msg = page.locator("#corpus-message.error");
      await msg.waitFor();
      assert.match(await msg.innerText(), why, target);
      assert.match(await msg.innerText(), /Showing the seeds and your articles instead/);
      // Nothing lost: the seeds are there, and the app is alive.
      await waitForOutlets(page, 5);
      if (target.startsWith("http:")) {
        assert.ok(!asked.some((u) => new URL(u).host === "192.0.2.1"), `no request to another host: ${asked.join(", ")}`);
      }
      if (target.includes("tampered")) await screenshot(page, "corpus-file-refused");
      await page.close();
    }
  });

  it("opens from the file picker and by drop; a wrong file changes nothing", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(server.url);
    await waitForOutlets(page, 5, { problems });
    const seedsTotal = await total(page);
    await page.locator("#open-loader").click();
    // Keyboard: the picker is a labelled file input in the loader.
    assert.equal(await page.getByLabel("Open a corpus file…").count(), 1);
    await page.locator("#open-corpus").setInputFiles(join(tmp, "workspace.qlc"));
    await page.locator("#corpus-message.error").waitFor();
    assert.match(await page.locator("#corpus-message").innerText(), /workspace export.*Nothing was changed/);
    assert.equal(await total(page), seedsTotal);

    await page.locator("#open-corpus").setInputFiles(join(tmp, "site", "corpora", "archive.qlc"));
    await page.locator("#corpus-banner").waitFor();
    assert.match(await page.locator("#corpus-banner").innerText(), /kept in this browser: a reload opens it again/);
    await page.waitForFunction((n) => document.querySelector("#result-count")?.textContent.includes(`of ${n} statements`), statements);
    await page.locator("#close-corpus").click();
    await page.waitForFunction((n) => document.querySelector("#result-count")?.textContent.includes(`of ${n} statements`), seedsTotal);

    // Dropped on the loader with an article and a second corpus file: the first corpus
    // file opens, the article is added, and the load says the second was not opened.
    if ((await page.locator("#loader").count()) === 0) await page.locator("#open-loader").click();
    const bytes = [...(await readFile(join(tmp, "site", "corpora", "archive.qlc")))];
    const dt = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "archive.qlc"));
      dt.items.add(new File(["“We are ready,” said Jane Doe, the mayor."], "note.txt", { type: "text/plain" }));
      dt.items.add(new File([new Uint8Array(bytes)], "other.qlc"));
      return dt;
    }, bytes);
    await page.dispatchEvent("#dropzone", "drop", { dataTransfer: dt });
    await page.locator("#corpus-banner").waitFor();
    await page.locator("#load-messages", { hasText: "Added 1 article" }).waitFor();
    assert.match(await page.locator("#load-messages").innerText(), /Opening archive\.qlc only: one corpus file is shown at a time, so other\.qlc was not opened\./);
    await page.locator("#close-corpus").click();
    await page.waitForFunction((n) => document.querySelector("#result-count")?.textContent.includes(`of ${n + 1} statements`), seedsTotal);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("says so when an opened corpus file cannot be kept in the browser", async () => {
    const { page, problems } = await openPage(browser.context);
    // The browser's storage refuses the file (as a full quota does); articles still save.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (this.name === "files") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.call(this, value, key);
      };
    });
    await page.goto(server.url);
    await waitForOutlets(page, 5, { problems });
    await page.locator("#open-loader").click();
    await page.locator("#open-corpus").setInputFiles(join(tmp, "site", "corpora", "archive.qlc"));
    await page.locator("#corpus-banner").waitFor();
    const message = page.locator("#corpus-message.error");
    await message.waitFor();
    assert.match(await message.innerText(), /archive\.qlc is open, but it could not be kept in this browser, so a reload will not reopen it: the browser's storage for this page is full/);
    assert.match(await page.locator("#corpus-banner").innerText(), /not kept in this browser: a reload or Close returns to the seeds/);
    await page.waitForFunction((n) => document.querySelector("#result-count")?.textContent.includes(`of ${n} statements`), statements);
    await screenshot(page, "corpus-file-not-kept");
    // Dismissed with the keyboard; the file stays open.
    await message.getByRole("button", { name: "Dismiss" }).focus();
    await page.keyboard.press("Enter");
    await message.waitFor({ state: "detached" });
    await page.locator("#close-corpus").click();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("opens ?corpus= under the strict Content-Security-Policy without a violation", async () => {
    const { page, problems } = await openPage(browser.context);
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${strict.url}?corpus=corpora/archive.qlc`);
    await page.locator("#corpus-banner").waitFor();
    await page.waitForFunction((n) => document.querySelector("#result-count")?.textContent.includes(`of ${n} statements`), statements);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], "no CSP violation");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
