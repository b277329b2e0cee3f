// The timeline's marks in the DOM, driven by `marks.rs` with one call per render.
//
// Rust decides what changes (which mark is new, moved, gone, which attribute differs)
// and sends it here as one list of numbers and one string, instead of one call across
// the wasm boundary per element and per attribute (each decoding its own string): at
// 50,000 statements a zoom changes hundreds of marks, and those calls were most of its
// script time. Each mark is a slot: an index into `els`, chosen by Rust.
//
// ops, one after another (u32):
//   0 slot              create the mark's element (a `g` with a circle and a count)
//   1 slot before       move it before the mark in slot `before` (NONE: to the end)
//   2 slot              remove it
//   3 slot name len     set an attribute to the next `len` UTF-16 units of `text`
//                       (name: 0 class, 1 aria-label, 2 data-id, 3 transform, 4 the circle's r)
//   4 slot len          set the mark's text (the next `len` units): the count drawn
//                       inside a statement mark's circle, an event mark's title
//
// Two kinds of layer: statement marks (a focusable `g` with a circle and a count) and
// context event marks (a `g` with a title and a diamond).
const NONE = 0xffffffff;
const NAMES = ["class", "aria-label", "data-id", "transform"];
const SVG = "http://www.w3.org/2000/svg";

export class MarksDom {
  constructor(parent, events) {
    this.parent = parent;
    this.els = [];
    const doc = parent.ownerDocument;
    const g = doc.createElementNS(SVG, "g");
    if (events) {
      const title = doc.createElementNS(SVG, "title");
      title.appendChild(doc.createTextNode(""));
      g.appendChild(title);
      const path = doc.createElementNS(SVG, "path");
      path.setAttribute("d", "M0 -5 L5 0 L0 5 L-5 0 Z");
      g.appendChild(path);
      this.textOf = (el) => el.firstChild.firstChild;
    } else {
      g.setAttribute("role", "button");
      g.setAttribute("tabindex", "0");
      g.appendChild(doc.createElementNS(SVG, "circle"));
      const t = doc.createElementNS(SVG, "text");
      t.setAttribute("y", "4");
      t.appendChild(doc.createTextNode(""));
      g.appendChild(t);
      this.textOf = (el) => el.lastChild.firstChild;
    }
    this.template = g;
  }

  /** The slot of the mark that has the focus (or holds it), or -1. */
  focused() {
    const a = this.parent.ownerDocument.activeElement;
    if (!a || !this.parent.contains(a)) return -1;
    return this.els.findIndex((el) => el !== undefined && el.contains(a));
  }

  apply(ops, text) {
    const els = this.els;
    // Moving an element takes the focus off it: a focused mark that is kept but moved
    // (its lane moved up, say) gets the focus back below.
    const active = this.parent.ownerDocument.activeElement;
    let p = 0;
    for (let i = 0; i < ops.length; ) {
      const op = ops[i++];
      const s = ops[i++];
      switch (op) {
        case 0:
          els[s] = this.template.cloneNode(true);
          break;
        case 1: {
          const before = ops[i++];
          this.parent.insertBefore(els[s], before === NONE ? null : els[before]);
          break;
        }
        case 2:
          els[s].remove();
          els[s] = undefined;
          break;
        case 3: {
          const name = ops[i++];
          const len = ops[i++];
          const value = text.substr(p, len);
          p += len;
          if (name === 4) els[s].firstChild.setAttribute("r", value);
          else els[s].setAttribute(NAMES[name], value);
          break;
        }
        case 4: {
          const len = ops[i++];
          this.textOf(els[s]).nodeValue = text.substr(p, len);
          p += len;
          break;
        }
        default:
          throw new Error(`marks: unknown op ${op}`);
      }
    }
    if (active && active !== active.ownerDocument.activeElement && this.parent.contains(active)) {
      active.focus({ preventScroll: true });
    }
  }
}
