// The sections of a wasm module that scripts/wasm-top.mjs and wasm-areas.mjs read: the
// count of imported functions (they come first in the index space), each function body,
// each data segment's section, the name section's function names, and every section's
// id and size.
export function readModule(buf) {
  let p = 8;
  const leb = () => {
    let r = 0, shift = 0, b;
    do { b = buf[p++]; r += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return r;
  };
  let imports = 0;
  const bodies = [], names = new Map(), data = [], sections = [];
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
      for (let i = 0; i < n; i++) { const l = leb(); bodies.push(buf.subarray(p, p + l)); p += l; }
    } else if (id === 11) {
      data.push(buf.subarray(start, start + size));
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
  return { imports, bodies, data, names, sections };
}
