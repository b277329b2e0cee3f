// The File System Access calls the archive's directory picker needs (src/ui/archive/picker.rs
// binds them): showDirectoryPicker where the browser has it (Chromium), the chosen
// directory handle kept in IndexedDB so that a reload reopens it, its read permission
// asked again, and its files listed and read. Browsers without showDirectoryPicker
// (Firefox, Safari) use <input type=file webkitdirectory> instead, which src/ui/archive/
// chooser.rs shows. A failure rejects with the browser's error name ("AbortError",
// "NotAllowedError", ...), so that Rust can say what happened.

const DB_NAME = "quoteline-archive";
const STORE = "handles";
const KEY = "directory";

function name(e) {
  return (e && (e.name || e.message)) || String(e);
}

// Whether the browser can pick a directory and keep its handle.
export function pickerAvailable() {
  return typeof globalThis.showDirectoryPicker === "function" && typeof indexedDB !== "undefined";
}

// Asks the user for a directory (read only). Resolves with its handle.
export async function pickDirectory() {
  try {
    return await globalThis.showDirectoryPicker({ id: "quoteline-archive", mode: "read" });
  } catch (e) {
    throw name(e);
  }
}

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(name(request.error));
    request.onblocked = () => reject("blocked by another tab");
  });
}

async function run(mode, act) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onabort = () => reject(name(tx.error));
    });
  } finally {
    db.close();
  }
}

// Keeps `handle` as the directory a reload reopens.
export function rememberDirectory(handle) {
  return run("readwrite", (s) => s.put(handle, KEY)).then(() => undefined);
}

// Forgets the kept directory.
export function forgetDirectory() {
  return run("readwrite", (s) => s.delete(KEY)).then(() => undefined);
}

// The kept directory's handle, or undefined.
export function rememberedDirectory() {
  if (!pickerAvailable()) return Promise.resolve(undefined);
  return run("readonly", (s) => s.get(KEY)).catch(() => undefined);
}

// The read permission on `handle`: "granted", "prompt" or "denied". With `ask`, asks
// the user (which needs a user gesture: a click).
export async function directoryPermission(handle, ask) {
  try {
    const options = { mode: "read" };
    if (typeof handle.queryPermission !== "function") return "granted";
    const now = await handle.queryPermission(options);
    if (now === "granted" || !ask) return now;
    return await handle.requestPermission(options);
  } catch (e) {
    throw name(e);
  }
}

// The name of each file directly inside `handle` (no subdirectory), with its handle:
// an array of [name, fileHandle] pairs.
export async function directoryFiles(handle) {
  try {
    const out = [];
    for await (const [n, entry] of handle.entries()) {
      if (entry.kind === "file") out.push([n, entry]);
    }
    return out;
  } catch (e) {
    throw name(e);
  }
}

// The bytes of the file behind `fileHandle`, as an ArrayBuffer.
export async function readHandle(fileHandle) {
  try {
    return await (await fileHandle.getFile()).arrayBuffer();
  } catch (e) {
    throw name(e);
  }
}
