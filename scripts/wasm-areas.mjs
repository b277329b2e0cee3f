#!/usr/bin/env node
// Where a wasm module's brotli bytes go, by area of the code: each area's function bodies
// compressed together (brotli 11), and the data section apart. Read it as "about this
// much would leave the download if the area left the module": an area compressed alone
// loses what it shares with the rest, so the areas add up to more than the whole.
// The input must keep its names and be optimised as served: `make dist` writes the
// explorer's unstripped build, and this script runs wasm-bindgen and wasm-opt on it with
// the flags of index.html, keeping the name section (-g).
// Usage: node scripts/wasm-areas.mjs [FILE.wasm] [N]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { readModule } from "./wasm-sections.mjs";

const input = process.argv[2] ?? "target/wasm32-unknown-unknown/web/quoteline-web.wasm";
const top = Number(process.argv[3] ?? 40);
const html = readFileSync("index.html", "utf8");
const params = (html.match(/data-bin="quoteline-web"[^>]*data-wasm-opt-params="([^"]*)"/) ?? [])[1] ?? "";
const scratch = mkdtempSync(join(tmpdir(), "wasm-areas-"));
let buf;
try {
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", scratch, input]);
  const bg = join(scratch, input.split("/").pop().replace(/\.wasm$/, "_bg.wasm"));
  const out = join(scratch, "o.wasm");
  execFileSync("wasm-opt", ["-Oz", "-g", bg, ...params.split(/\s+/).filter((p) => p && !/^--strip-debug$/.test(p)), "-o", out]);
  buf = readFileSync(out);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const { imports, bodies, names, data } = readModule(buf);

// A name's area. wasm-bindgen demangles the names: `quoteline::ui::app::App`, or for a
// generic instantiation `<yew::functional::FunctionComponent<quoteline::ui::app::App> as
// ...>::run`, which is put with the app's module it was made for (the first of ours named).
const areaOf = (n) => {
  const ui = n.match(/quoteline::ui::(\w+)/);
  if (ui) return `ui::${ui[1]}`;
  const core = n.match(/quoteline_core::(\w+)(?:::(\w+))?/);
  if (core) return `core::${core[1]}${["view", "formats", "corpus"].includes(core[1]) && core[2] ? `::${core[2]}` : ""}`;
  const ours = n.match(/quoteline::(\w+)/);
  if (ours) return `quoteline::${ours[1]}`;
  const path = n.replace(/^[<&]+(mut |dyn )?/, "").replace(/\[[0-9a-f]+\]/g, "").split(/ as |[<>]/)[0].split("::");
  const [crate, a, b] = path;
  if (crate === "core" || crate === "alloc" || crate === "std") {
    if (a === "slice" && b === "sort") return "std: sorting";
    if (a === "fmt" || a === "num") return "std: formatting and numbers";
    if (a === "str" || a === "unicode") return "std: strings";
    return `std: ${crate}`;
  }
  if (!crate || /^func\d+$/.test(n) || !/^[a-z_][a-z0-9_]*$/.test(crate)) return "(unnamed)";
  return crate;
};

const areas = new Map();
bodies.forEach((body, i) => {
  const area = areaOf(names.get(imports + i) ?? `func${imports + i}`);
  if (!areas.has(area)) areas.set(area, []);
  areas.get(area).push(body);
});
const code = br(Buffer.concat(bodies));
console.log(`${input}, optimised as served (${params || "no extra wasm-opt flags"}):`);
console.log(`  code ${code} B brotli, data ${br(Buffer.concat(data))} B brotli (the name section, kept here, is not served)`);
const rows = [...areas].map(([area, bs]) => ({ area, raw: bs.reduce((s, b) => s + b.length, 0), n: bs.length, br: br(Buffer.concat(bs)) }));
rows.sort((x, y) => y.br - x.br);
console.log(`\n${"area".padEnd(34)} ${"functions".padStart(9)} ${"raw".padStart(9)} ${"brotli".padStart(8)}`);
for (const r of rows.slice(0, top)) console.log(`${r.area.padEnd(34)} ${String(r.n).padStart(9)} ${String(r.raw).padStart(9)} ${String(r.br).padStart(8)}`);
const rest = rows.slice(top);
if (rest.length) console.log(`${`(${rest.length} smaller areas)`.padEnd(34)} ${String(rest.reduce((s, r) => s + r.n, 0)).padStart(9)} ${String(rest.reduce((s, r) => s + r.raw, 0)).padStart(9)} ${String(rest.reduce((s, r) => s + r.br, 0)).padStart(8)}`);
