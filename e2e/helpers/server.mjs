// A tiny static file server for the e2e specs: serves a directory (dist/ by default)
// on 127.0.0.1 with an ephemeral port, optionally under a sub-path, with the MIME
// types browsers insist on (application/wasm for streaming compilation).
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { mimeOf } from "../../scripts/mime.mjs";

/** Text types get an explicit charset, as static hosts send them. */
function contentType(file) {
  const type = mimeOf(file);
  return type.startsWith("text/") || type === "application/json" ? `${type}; charset=utf-8` : type;
}

/**
 * Serves `root` at http://127.0.0.1:PORT{base}. Resolves to { url, requests, close() };
 * `url` ends with a slash; `requests` records every request. `headers` are added to
 * every file response (e.g. a Content-Security-Policy); `redirects` maps a path to a
 * URL it answers with a 302. Only GET and HEAD.
 */
export async function serveStatic(root, { base = "/", headers = {}, redirects = {} } = {}) {
  const requests = [];
  root = resolve(root);
  if (!base.startsWith("/")) base = `/${base}`;
  if (!base.endsWith("/")) base = `${base}/`;

  const server = createServer(async (req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    requests.push(req.url);
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    // `redirects`: path -> Location (a 302), e.g. to test what the app follows.
    if (redirects[path]) {
      res.writeHead(302, { location: redirects[path], "cache-control": "no-store" });
      return res.end();
    }
    if (!path.startsWith(base)) return send(404, "not found\n");
    let file = resolve(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(403, "forbidden\n");
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file);
      }
      res.writeHead(200, {
        "content-type": contentType(file),
        "content-length": info.size,
        "cache-control": "no-store",
        ...headers,
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(404, "not found\n");
    }
  });

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    /** Every path requested so far, in order. */
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
