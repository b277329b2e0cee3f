#!/usr/bin/env node
// Where the wasm's bytes go: the biggest functions by code size, and totals grouped by
// crate (the first path segment of each demangled-ish name), from the name section of
// an unstripped build (by default the explorer, built by `make dist` with the `web`
// profile; the loader worker is target/wasm32-unknown-unknown/web/quoteline-worker.wasm;
// these builds keep names because `strip` is off).
// Usage: node scripts/wasm-top.mjs [FILE] [N]
import { readFileSync } from "node:fs";
import { readModule } from "./wasm-sections.mjs";

const file = process.argv[2] ?? "target/wasm32-unknown-unknown/web/quoteline-web.wasm";
const top = Number(process.argv[3] ?? 25);
const buf = readFileSync(file);
const { imports, bodies, names, sections } = readModule(buf);
const fns = bodies.map((body, i) => ({ size: body.length, name: names.get(imports + i) ?? `func${imports + i}` }));
const total = bodies.reduce((a, b) => a + b.length, 0);
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
