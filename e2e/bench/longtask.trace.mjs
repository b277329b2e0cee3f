// What the main thread's longest tasks of a large load are made of (a benchmark: it prints
// figures and asserts nothing). Loads a synthetic corpus of about 4,168 files through the
// file picker of the release build in dist/ (as `browser.bench.mjs --load-only` does) with
// a Chromium trace running, then prints the renderer main thread's tasks after the file
// input's own, longest first, each with what it spent its time on: the event that ran it
// (a timer, an animation frame, a message), script, style, layout, paint, GC, and the
// page's own `performance.measure`s inside it (a build may add some around its stages).
// A trace slows script by about 1.3×: compare tasks with each other, not with the Long
// Tasks API's figures.
// Usage: node e2e/bench/longtask.trace.mjs [--mb 10] [--top 8] [--over 20] [--profile]
// (E2E_DIST=dir for another build; TRACE_TREE=1 also lists each task's events over 1 ms,
// TRACE_STACKS=1 with --profile its three commonest sampled stacks.)
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../helpers/server.mjs";
import { launch, openPage, DIST } from "../helpers/browser.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg("--mb", 10);
const TOP = arg("--top", 8);
const OVER = arg("--over", 20);
// --profile: also sample the CPU (the trace's V8 profiler) and print, for each task, the
// functions its samples were in, innermost first among the page's own (a build whose
// wasm keeps its names makes these Rust paths: see BENCHMARKS.md, issue 19, eighth step).
const PROFILE = process.argv.includes("--profile");
if (!(MB > 0 && MB <= 50) || !(TOP > 0) || !(OVER >= 0)) {
  console.error("usage: longtask.trace.mjs [--mb 0<n≤50] [--top n>0] [--over ms≥0]");
  process.exit(2);
}

const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
  "v8.execute",
  ...(PROFILE ? ["disabled-by-default-v8.cpu_profiler"] : []),
].join(",");

/** What kind of work an event is, by its name (null: a container counted through its children). */
const kind = (name) => {
  if (/GC|Sweep|Mark|Scavenge|Compact/i.test(name) && !/^(Paint|Pre)/.test(name)) return "gc";
  if (name === "UpdateLayoutTree" || name === "RecalculateStyles" || name === "ParseAuthorStyleSheet") return "style";
  if (name === "Layout") return "layout";
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit)$/.test(name)) return "paint";
  if (/^(FunctionCall|EvaluateScript|v8\.callFunction|V8\.Execute|v8\.run|RunMicrotasks|v8\.compile|v8\.produceCache|CompileScript|wasm)/.test(name)) return "script";
  return null;
};
const TRIGGERS = ["TimerFire", "FireAnimationFrame", "EventDispatch", "FunctionCall", "RunMicrotasks", "XHRReadyStateChange", "FireIdleCallback"];

const tmp = await mkdtemp(join(tmpdir(), "quoteline-trace-"));
const server = await serveStatic(DIST);
const browser = await launch();
try {
  const { page } = await openPage(browser.context);
  await page.goto(server.url);
  await page.locator("li.statement").first().waitFor();
  const dir = join(tmp, "synth");
  execFileSync(join(ROOT, "target/release/quoteline"), ["synth", "--out", dir, "--mb", String(MB)], { stdio: "ignore" });
  const files = (await readdir(dir)).map((f) => join(dir, f));
  await page.locator("#open-loader").click();

  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  await page.locator("#pick-files").setInputFiles(files);
  // Marks the end of the file input's own task in the trace (the load's tasks come after).
  await page.evaluate(() => performance.mark("trace-files-set"));
  await page.locator("#load-messages", { hasText: `Added ${files.length} articles.` }).waitFor({ timeout: 600_000 });
  await page.waitForFunction((n) => Number(document.querySelector("#result-count").textContent.match(/of (\d+)/)[1]) > n, 1000, { timeout: 600_000 });
  // Let the deferred work after the new corpus (facets, timeline) run and paint.
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 1500)));
  await cdp.send("Tracing.end");
  await complete;

  // The renderer main thread: the page's process's CrRendererMain.
  const names = events.filter((e) => e.ph === "M" && e.name === "thread_name");
  const mains = names.filter((e) => e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`);
  const setMark = events.find((e) => e.name === "trace-files-set");
  const key = setMark ? `${setMark.pid}:${setMark.tid}` : mains[0];
  if (!key || !mains.includes(key)) throw new Error(`no renderer main thread found in the trace (${mains.join(", ")})`);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === key && (e.ph === "X" || e.ph === "B" || e.ph === "E"));
  // Pair B/E into complete events.
  const done = [];
  const open = [];
  for (const e of onMain.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === "X") done.push(e);
    else if (e.ph === "B") open.push(e);
    else {
      const b = open.pop();
      if (b) done.push({ ...b, ph: "X", dur: e.ts - b.ts });
    }
  }
  const measures = events.filter((e) => e.cat?.includes("blink.user_timing") && (e.ph === "b" || e.ph === "e"));
  const spans = [];
  const started = new Map();
  for (const e of measures.sort((a, b) => a.ts - b.ts)) {
    const id = `${e.name}:${e.id ?? e.id2?.local}`;
    if (e.ph === "b") started.set(id, e.ts);
    else if (started.has(id)) {
      spans.push({ name: e.name, ts: started.get(id), dur: e.ts - started.get(id) });
      started.delete(id);
    }
  }
  // The CPU profile: its nodes (with parents) and samples (with times, in the trace's µs).
  const nodes = new Map();
  const samples = [];
  if (PROFILE) {
    const profiles = new Map();
    for (const e of events) {
      if (e.name === "Profile" && `${e.pid}:${e.tid}` === key) profiles.set(e.id, { t: e.args.data.startTime });
      if (e.name !== "ProfileChunk" || !profiles.has(e.id)) continue;
      const p = profiles.get(e.id);
      const cpu = e.args.data.cpuProfile ?? {};
      for (const n of cpu.nodes ?? []) nodes.set(`${e.id}:${n.id}`, { name: n.callFrame.functionName || n.callFrame.url || "(anonymous)", parent: n.parent === undefined ? null : `${e.id}:${n.parent}` });
      (cpu.samples ?? []).forEach((s, i) => {
        p.t += e.args.data.timeDeltas[i];
        samples.push({ ts: p.t, node: `${e.id}:${s}` });
      });
    }
  }
  /** A task's samples by the Rust (or, failing that, innermost) function they were in: each
   * sample counted once for every distinct frame named quoteline on its stack. */
  const ownFrames = (t) => {
    const counts = new Map();
    for (const s of samples.filter((s) => s.ts >= t.ts && s.ts <= t.ts + t.dur)) {
      const seen = new Set();
      for (let n = s.node; n; n = nodes.get(n)?.parent) {
        const name = nodes.get(n)?.name ?? "";
        const short = name.replace(/::h[0-9a-f]{16}$/, "");
        if (/quoteline/.test(short) && !seen.has(short)) seen.add(short);
      }
      if (seen.size === 0) seen.add(nodes.get(s.node)?.name ?? "?");
      for (const name of seen) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]);
  };
  const after = setMark ? setMark.ts : 0;
  const isTask = (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask";
  const all = done.filter(isTask);
  // Outermost tasks only (Chromium nests one RunTask in another).
  const outermost = all.filter((e) => !all.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur || all.indexOf(o) < all.indexOf(e))));
  const tasks = outermost.filter((e) => e.ts >= after && e.dur >= OVER * 1000);
  tasks.sort((a, b) => b.dur - a.dur);
  const inside = (t) => (e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t;
  const ms = (us) => (us / 1000).toFixed(1);
  console.log(`trace of a ${files.length}-file load (${MB} MB): ${tasks.length} main-thread tasks of ${OVER} ms or more after the file input's own; the longest ${TOP}:`);
  for (const t of tasks.slice(0, TOP)) {
    const kids = done.filter(inside(t));
    // Each kind's time: events of that kind not inside another of a counted kind.
    const totals = { script: 0, style: 0, layout: 0, paint: 0, gc: 0 };
    const counted = kids.filter((e) => kind(e.name));
    for (const e of counted) {
      const k = kind(e.name);
      const outer = counted.find((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur) && kind(o.name) === k);
      if (!outer) totals[k] += e.dur;
    }
    // GC and layout inside script are counted twice above: take them out of script.
    const nested = (k) => counted.filter((e) => kind(e.name) === k && counted.some((o) => kind(o.name) === "script" && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur));
    for (const k of ["gc", "style", "layout"]) {
      const outermost = nested(k).filter((e) => !nested(k).some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur)));
      totals.script -= outermost.reduce((a, e) => a + e.dur, 0);
    }
    const trigger = kids.filter((e) => TRIGGERS.includes(e.name)).sort((a, b) => a.ts - b.ts)[0];
    const what = trigger ? `${trigger.name}${trigger.args?.data?.type ? ` ${trigger.args.data.type}` : ""}` : "(other)";
    const parts = Object.entries(totals).filter(([, v]) => v > 500).map(([k, v]) => `${k} ${ms(v)}`).join(", ");
    console.log(`  ${ms(t.dur)} ms at +${ms(t.ts - after)} ms: ${what}; ${parts}`);
    if (process.env.TRACE_TREE) for (const e of kids.filter((e) => e.dur > 1000).sort((a, b) => a.ts - b.ts)) console.log(`      ${ms(e.ts - t.ts)} ${e.name} ${ms(e.dur)}`);
    if (PROFILE) {
      for (const [name, n] of ownFrames(t).slice(0, 8)) console.log(`      ${n} samples in ${name}`);
      if (process.env.TRACE_STACKS) {
        const stacks = new Map();
        for (const s of samples.filter((s) => s.ts >= t.ts && s.ts <= t.ts + t.dur)) {
          const st = [];
          for (let n = s.node; n; n = nodes.get(n)?.parent) st.push((nodes.get(n)?.name ?? "").replace(/::h[0-9a-f]{16}$/, "").slice(0, 110));
          const k = st.slice(0, 12).join("\n          < ");
          stacks.set(k, (stacks.get(k) ?? 0) + 1);
        }
        for (const [k, n] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`      stack x${n}: ${k}`);
      }
    }
    for (const s of spans.filter(inside(t)).sort((a, b) => a.ts - b.ts)) console.log(`      measure ${s.name}: ${ms(s.dur)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
