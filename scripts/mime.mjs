// Media types by file extension, shared by the single-file build hook and the e2e server.
export const MIME = {
  ".html": "text/html",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain",
};

/** The media type for a file name, or application/octet-stream. */
export function mimeOf(file) {
  const dot = file.lastIndexOf(".");
  return (dot >= 0 && MIME[file.slice(dot).toLowerCase()]) || "application/octet-stream";
}
