// The IndexedDB and StorageManager calls the workspace store needs, each one promise
// (src/ui/store/idb.rs binds them). Values are what Rust hands over: an article record
// is a JSON string, a corpus file a Uint8Array inside a small object. A failure rejects
// with the browser's error name ("QuotaExceededError", "UnknownError", ...), so that
// Rust can say what happened; nothing here decides what to keep.

const DB_NAME = "quoteline";
const DB_VERSION = 1;
const STORES = ["articles", "meta", "files"];

function name(e) {
  return (e && (e.name || e.message)) || String(e);
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(name(request.error));
  });
}

function finished(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(name(tx.error));
    tx.onerror = () => {};
  });
}

// Opens (and on first use creates) the database. Rejects when the browser gives the page
// no IndexedDB (some private modes, disabled storage, pages opened from file://).
export function idbOpen() {
  return new Promise((resolve, reject) => {
    let request;
    try {
      if (typeof indexedDB === "undefined" || indexedDB === null) {
        reject("no IndexedDB");
        return;
      }
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(name(e));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const s of STORES) {
        if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab opening a newer version: let it, this tab goes session-only.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(name(request.error));
    request.onblocked = () => reject("blocked by another tab");
  });
}

// A promise of `f(objectStore)` in a transaction; a throw (a closed connection, say)
// rejects it.
function reading(db, store, f) {
  return new Promise((resolve, reject) => {
    try {
      f(db.transaction(store, "readonly").objectStore(store)).then(resolve, reject);
    } catch (e) {
      reject(name(e));
    }
  });
}

// Every [key, value] of a store, in key order.
export function idbEntries(db, store) {
  return reading(db, store, async (s) => {
    const [keys, values] = await Promise.all([done(s.getAllKeys()), done(s.getAll())]);
    return keys.map((k, i) => [k, values[i]]);
  });
}

// The values of some keys of a store (undefined where there is none).
export function idbGetMany(db, store, keys) {
  return reading(db, store, (s) => Promise.all(keys.map((k) => done(s.get(k)))));
}

// One value (undefined when there is none).
export function idbGet(db, store, key) {
  return reading(db, store, (s) => done(s.get(key)));
}

// How many puts a write makes in one task: the next ones are made from the success
// event of the last (a task of its own, in the same transaction), so that a load of
// thousands of articles does not hold the page for the whole write.
const PUTS_PER_TASK = 200;

// Puts [key, value] pairs and deletes keys in one transaction: all or nothing. Resolves
// when the transaction has committed.
export function idbWrite(db, store, puts, deletes) {
  let tx;
  const abort = () => {
    try {
      if (tx) tx.abort();
    } catch (_) {}
  };
  try {
    tx = db.transaction(store, "readwrite");
    const s = tx.objectStore(store);
    for (const k of deletes) s.delete(k);
    let at = 0;
    const more = () => {
      const end = Math.min(at + PUTS_PER_TASK, puts.length);
      let last = null;
      for (; at < end; at++) last = s.put(puts[at][1], puts[at][0]);
      if (last && at < puts.length) {
        last.onsuccess = () => {
          try {
            more();
          } catch (_) {
            // (The transaction rejects the write as a whole: nothing of it is kept.)
            abort();
          }
        };
      }
    };
    more();
  } catch (e) {
    // (Nothing of this write is kept: the transaction is aborted, not committed half.)
    abort();
    return Promise.reject(name(e));
  }
  return finished(tx);
}

// [bytes used, bytes available to the origin], or null when the browser cannot say.
export async function storageEstimate() {
  try {
    if (!navigator.storage || !navigator.storage.estimate) return null;
    const e = await navigator.storage.estimate();
    return [e.usage || 0, e.quota || 0];
  } catch (_) {
    return null;
  }
}

// Asks for persistent storage: true (granted), false (refused) or null (cannot ask).
export async function storagePersist() {
  try {
    if (!navigator.storage || !navigator.storage.persist) return null;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch (_) {
    return null;
  }
}

// A BroadcastChannel to the other tabs of this origin that calls `onMessage(string)`,
// or null when the browser has none.
export function channelOpen(channelName, onMessage) {
  try {
    if (typeof BroadcastChannel === "undefined") return null;
    const ch = new BroadcastChannel(channelName);
    ch.onmessage = (e) => {
      if (typeof e.data === "string") onMessage(e.data);
    };
    return ch;
  } catch (_) {
    return null;
  }
}

export function channelPost(ch, message) {
  try {
    ch.postMessage(message);
  } catch (_) {
    // (A closed channel: the other tabs see the change on their next reload.)
  }
}
