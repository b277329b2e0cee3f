// The error banner, drawn by JavaScript alone: after a panic the WebAssembly module is
// dead, so the Reload button must not call back into it.
export function showBanner(message) {
  let el = document.getElementById("error-banner");
  if (!el) {
    el = document.createElement("div");
    el.id = "error-banner";
    el.className = "error-banner";
    el.setAttribute("role", "alert");
    document.body.prepend(el);
  }
  el.textContent = "";
  const p = document.createElement("p");
  p.textContent = message;
  const button = document.createElement("button");
  button.type = "button";
  button.id = "error-reload";
  button.textContent = "Reload";
  button.addEventListener("click", () => location.reload());
  el.append(p, button);
  button.focus();
}
