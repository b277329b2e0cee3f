#!/usr/bin/env node
// Where the wasm's bytes go: the biggest functions by code size, and totals grouped by
// crate (the first path segment of each demangled-ish name), from the name section of
// an unstripped build (by default the explorer, built by `make dist` with the `web`
// profile; the loader worker is target/wasm32-unknown-unknown/web/quoteline-worker.wasm;
// these builds keep names because `strip` is off).
// Usage: node scripts/wasm-top.mjs [FILE] [N]
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "target/wasm32-unknown-unknown/web/quoteline-web.wasm";
const top = Number(process.argv[3] ?? 25);
const buf = readFileSync(file);
let p = 8;
const leb = () => {
  let r = 0, shift = 0, b;
  do { b = buf[p++]; r += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return r;
};
let imports = 0, bodies = [], names = new Map(), sections = [];
while (p < buf.length) {
  const id = buf[p++];
  const size = leb();
  const start = p;
  sections.push([id, size]);
  if (id === 2) { // imports: count function imports (they come first in the index space)
    const n = leb();
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 2; k++) { const l = leb(); p += l; }
      const kind = buf[p++];
      if (kind === 0) { leb(); imports++; }
      else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { p += 2; }
      else if (kind === 4) { p++; leb(); }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const l = leb(); bodies.push(l); p += l; }
  } else if (id === 0) {
    const nl = leb();
    const name = buf.subarray(p, p + nl).toString();
    p += nl;
    if (name === "name") {
      while (p < start + size) {
        const sub = buf[p++], sl = leb(), ss = p;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) { const idx = leb(); const l = leb(); names.set(idx, buf.subarray(p, p + l).toString()); p += l; }
        }
        p = ss + sl;
      }
    }
  }
  p = start + size;
}
const fns = bodies.map((size, i) => ({ size, name: names.get(imports + i) ?? `func${imports + i}` }));
const total = bodies.reduce((a, b) => a + b, 0);
console.log(`${file}: ${buf.length} bytes; code ${total} bytes in ${fns.length} functions; data ${sections.filter(([id]) => id === 11).reduce((a, [, s]) => a + s, 0)} bytes`);
// The crate of a mangled name: legacy (_ZN…, length-prefixed segments) or v0 (_R…).
const crateOf = (n) => {
  const legacy = n.match(/^_ZN(\d+)/);
  if (legacy) {
    const len = Number(legacy[1]);
    let seg = n.slice(legacy[0].length, legacy[0].length + len);
    seg = seg.replace(/^_?\$LT\$/, "").replace(/^_?\$RF\$/, "");
    return seg.split("..")[0].split("$")[0] || "(unnamed)";
  }
  const v0 = n.match(/C[sk]?[0-9a-zA-Z]*_(\d+)/);
  if (v0) {
    const at = n.indexOf(v0[0]) + v0[0].length;
    return n.slice(at, at + Number(v0[1]));
  }
  const plain = n.match(/^([a-z_][a-z0-9_]*)(?:::|\[)/);
  return plain ? plain[1] : "(unnamed)";
};
const byCrate = new Map();
for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
console.log("\nby crate (code bytes):");
for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(s).padStart(8)}  ${c}`);
console.log(`\nbiggest ${top} functions:`);
for (const f of fns.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${String(f.size).padStart(8)}  ${f.name.slice(0, 120)}`);
