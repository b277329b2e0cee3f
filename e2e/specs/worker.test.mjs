// The loader worker (issue 19): the first page fetches the explorer only; the first
// article added fetches the worker, which extracts it off the main thread; Cancel stops
// a load with nothing added (here while the worker starts; e2e/specs/load.test.mjs
// cancels 1,000 files in the middle); a worker that cannot be fetched (404) or is
// refused by the page's policy is said, with a Retry, and the explorer stays usable.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { useServedApp, STRICT_CSP } from "../helpers/app.mjs";
import { openPage, waitForOutlets, screenshot, APP_TIMEOUT, clearStorage } from "../helpers/browser.mjs";

const ARTICLE = `Harbour reopens after storm

The port authority said on Tuesday that the harbour would reopen to ferries. "Every berth has been checked twice," said harbour master Lena Okoye.
`;

const workerRequests = (server) => server.requests.filter((r) => /quoteline-worker/.test(r));
const total = async (page) => Number((await page.locator("#result-count").innerText()).match(/of (\d+) statements/)[1]);

/** Waits until the list shows some but not all of `n` statements (a search applied). */
const narrowed = (page, n) => page.waitForFunction((n) => {
  const m = document.querySelector("#result-count").textContent.match(/^(\d+) of (\d+)/);
  return m && Number(m[2]) === n && Number(m[1]) < n && Number(m[1]) > 0;
}, n);

/** Waits until the corpus holds more than `n` statements (the worker's corpus arrived). */
const grown = (page, n) => page.waitForFunction((n) => {
  const m = document.querySelector("#result-count").textContent.match(/of (\d+) statements/);
  return m && Number(m[1]) > n;
}, n);

async function openLoader(page) {
  if ((await page.locator("#loader").count()) === 0) await page.locator("#open-loader").click();
  await page.locator("#loader").waitFor();
}

async function fresh(page, url, problems) {
  await page.goto(url);
  await clearStorage(page);
  await page.reload();
  await waitForOutlets(page, 5, { problems });
}

describe("the loader worker, served under a sub-path with the strict policy", () => {
  const app = useServedApp({ base: "/tools/quoteline/", headers: { "content-security-policy": STRICT_CSP } });

  it("is fetched only when an article is added, and the article shows", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await fresh(page, app.server.url, problems);
    // Search and select on the seeds: still no worker.
    await page.locator("#search").fill("Merz");
    await page.locator("li.statement button").first().click();
    await page.locator("#detail").waitFor();
    assert.deepEqual(workerRequests(app.server), [], "the first page fetched no loader");
    await openLoader(page);
    await page.locator("#paste-text").fill(ARTICLE);
    await page.locator("#add-paste").click();
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor({ timeout: APP_TIMEOUT });
    const fetched = workerRequests(app.server).map((r) => r.replace(/^.*\//, ""));
    assert.deepEqual(fetched.sort(), ["quoteline-worker-boot.js", "quoteline-worker.js", "quoteline-worker_bg.wasm"]);
    assert.ok(workerRequests(app.server).every((r) => r.startsWith("/tools/quoteline/")), "fetched under the sub-path");
    await page.locator("#search").fill("berth");
    const row = page.locator("li.statement", { hasText: "Every berth has been checked twice" }).first();
    await row.waitFor();
    assert.match(await row.textContent(), /Okoye/);
    await screenshot(page, "worker-article-added");
    assert.deepEqual(problems, [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });

  it("Cancel stops a load while the worker starts, adds nothing, and the next load works", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await fresh(page, app.server.url, problems);
    const before = await total(page);
    await openLoader(page);
    // The worker's script is held back until the test lets it go: the load waits for it.
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route("**/quoteline-worker-boot.js", async (route) => { await held; await route.continue(); });
    await page.locator("#pick-files").setInputFiles(Array.from({ length: 40 }, (_, i) => ({
      name: `cancel-${i}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`${ARTICLE}\n"Statement ${i} stands," said Mayor Ana Ruiz on Monday.\n`),
    })));
    await page.locator(".progress label", { hasText: "Starting the loader" }).waitFor({ timeout: APP_TIMEOUT });
    await screenshot(page, "worker-load-progress");
    // The page answers while the load waits: a search narrows the seeds.
    await page.locator("#search").fill("Merz");
    await narrowed(page, before);
    await page.locator("#search").fill("");
    await page.locator(".progress button", { hasText: "Cancel" }).click();
    release();
    await page.locator("#load-messages", { hasText: "Cancelled: nothing from this load was added." }).waitFor({ timeout: APP_TIMEOUT });
    await page.unroute("**/quoteline-worker-boot.js");
    assert.equal(await page.locator(".progress").count(), 0);
    assert.equal(await total(page), before, "nothing was added");
    assert.match(await page.locator("#open-loader").innerText(), /\(0\)/);
    // The next load works.
    await page.locator("#paste-text").fill(ARTICLE);
    await page.locator("#add-paste").click();
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor({ timeout: APP_TIMEOUT });
    await grown(page, before);
    assert.deepEqual(problems, [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });

  it("a worker that is not found is said, with a Retry, and the explorer stays usable", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await fresh(page, app.server.url, problems);
    const before = await total(page);
    // The host lost the worker's files.
    await page.route("**/quoteline-worker*", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "not found\n" }));
    await openLoader(page);
    await page.locator("#paste-text").fill(ARTICLE);
    await page.locator("#add-paste").click();
    const messages = page.locator("#load-messages");
    await messages.getByText(/Nothing added: the loader could not be started/).waitFor({ timeout: APP_TIMEOUT });
    const retry = page.locator("#load-retry");
    await retry.waitFor();
    await screenshot(page, "worker-404");
    // The explorer works: a search narrows the seeds.
    await page.locator("#search").fill("Merz");
    await narrowed(page, before);
    await page.locator("#search").fill("");
    // The host is fixed: Retry loads the article.
    await page.unroute("**/quoteline-worker*");
    await retry.click();
    await page.locator("#load-messages", { hasText: "Added 1 article." }).waitFor({ timeout: APP_TIMEOUT });
    await grown(page, before); // the article's statements were added
    assert.equal(await page.locator("#load-retry").count(), 0);
    // (The 404 and the failed request are the test's own doing.)
    assert.deepEqual(problems.filter((p) => !/quoteline-worker-boot\.js/.test(p)), [], problems.join("\n"));
    await clearStorage(page);
    await page.close();
  });
});

describe("the loader worker refused by the page's policy", () => {
  // A host whose policy allows no workers: the explorer works, the loader says why.
  const app = useServedApp({ headers: { "content-security-policy": STRICT_CSP.replace("worker-src 'self'", "worker-src 'none'") } });

  it("says the loader could not start, and the seeds stay usable", async () => {
    const { page, problems } = await openPage(app.browser.context);
    await fresh(page, app.server.url, problems);
    await openLoader(page);
    await page.locator("#paste-text").fill(ARTICLE);
    await page.locator("#add-paste").click();
    await page.locator("#load-messages").getByText(/Nothing added: the loader could not be started/).waitFor({ timeout: APP_TIMEOUT });
    await page.locator("#load-retry").waitFor();
    await page.locator("#search").fill("Merz");
    await page.locator("li.statement", { hasText: "Merz" }).first().waitFor();
    await screenshot(page, "worker-refused-by-csp");
    // (The browser reports the refusal itself.)
    assert.deepEqual(problems.filter((p) => !/Content Security Policy|worker-src/i.test(p)), [], problems.join("\n"));
    await page.close();
  });
});
