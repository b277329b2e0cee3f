// The README's first command, as a new user runs it: a clean clone of this repository
// (its committed HEAD), `make serve` on a free port, the page in Chromium with a seed
// statement shown, a clean console and live reload (an edit rebuilds and reloads the
// page), then the server stopped. Cargo's build cache is
// shared with this checkout (CARGO_TARGET_DIR) so the clone does not compile the
// dependencies again; everything else (npm tools, trunk's staging) is the clone's own.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openPage, waitForOutlets, screenshot } from "../helpers/browser.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** A cold `make serve` builds the release wasm: minutes on two cores. */
const BUILD_TIMEOUT_MS = Number(process.env.SERVE_TIMEOUT_MS ?? 20 * 60_000);

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Resolves when `url` answers 200 with the app's page, or rejects when `server` dies. */
async function answered(url, server, log) {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`make serve exited with ${server.exitCode}:\n${log.join("").slice(-3000)}`);
    // trunk serve keeps serving (404s) after a failed build: fail at once, with why.
    const said = log.join("");
    if (said.includes("error from build pipeline")) throw new Error(`the build under make serve failed:\n${said.slice(-4000)}`);
    try {
      const res = await fetch(url);
      const body = await res.text();
      // The built page: its boot script (which names the wasm modules; Trunk's preload
      // links, which named one in the page itself, moved into it).
      if (res.ok && /boot-[0-9a-f]+\.js/.test(body)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`make serve did not serve the page within ${BUILD_TIMEOUT_MS / 1000} s:\n${log.join("").slice(-3000)}`);
}

describe("make serve from a clean clone", () => {
  let tmp, server, browser;
  const log = [];

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "quoteline-serve-"));
    execFileSync("git", ["clone", "-q", ROOT, join(tmp, "quoteline")]);
  });

  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      // make, trunk and cargo are one process group: stop them all.
      try { process.kill(-server.pid, "SIGTERM"); } catch {}
      await new Promise((r) => server.once("exit", r));
    }
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it("serves a page on which a seed statement shows, with no console error", async () => {
    const port = await freePort();
    server = spawn("make", ["serve", `PORT=${port}`], {
      cwd: join(tmp, "quoteline"),
      env: { ...process.env, CARGO_TARGET_DIR: join(ROOT, "target") },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout.on("data", (d) => log.push(d.toString()));
    server.stderr.on("data", (d) => log.push(d.toString()));
    const url = `http://127.0.0.1:${port}/`;
    await answered(url, server, log);
    browser = await launch();
    const { page, problems } = await openPage(browser.context);
    // Live reload: the page opens trunk's web socket.
    const sockets = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    await page.goto(url);
    await waitForOutlets(page, 5, { problems });
    assert.ok((await page.locator("li.statement").count()) > 0, "a seed statement shows");
    assert.ok(sockets.some((u) => u.includes("trunk/ws")), `live reload connects: sockets ${JSON.stringify(sockets)}`);
    await screenshot(page, "make-serve");
    assert.deepEqual(problems, [], `problems on the served page:\n${problems.join("\n")}`);
    // An edit rebuilds and reloads the page by itself.
    const reloaded = page.waitForEvent("load", { timeout: BUILD_TIMEOUT_MS });
    await appendFile(join(tmp, "quoteline", "styles", "base.css"), "\n/* edited by the serve test */\n");
    await reloaded;
    await waitForOutlets(page, 5, { problems });
    assert.deepEqual(problems, [], `problems after the live reload:\n${problems.join("\n")}`);
    await page.close();
  });
});
