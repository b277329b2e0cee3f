// Runs before the first paint (a classic script in <head>, allowed by the strict CSP as a
// file of the page's own): the prerendered first view (assets/first-view.html) is the seeds'
// default view, so an address that asks for another (a query such as ?corpus= or ?open=, a
// fragment with view state, a workspace kept in the store) hides it and shows only its
// "Loading the explorer…" line. It also applies the theme the toggle remembered
// (src/ui/theme.rs), so the first view is not drawn in the other one.
(function () {
  var root = document.documentElement;
  var store = null;
  try { store = window.localStorage; } catch (e) { /* storage refused: nothing kept */ }
  var get = function (key) { try { return store ? store.getItem(key) : null; } catch (e) { return null; } };
  var stateful = location.search.length > 1 || location.hash.length > 1 || get("quoteline.store.holds") !== null;
  if (stateful) root.classList.add("first-view-off");
  var theme = get("quoteline-theme");
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
})();
