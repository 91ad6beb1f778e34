// The division list follows the department at once on a signed-out reader's plain copy of an overview, which has no
// client runtime (lib/server/plain-html.mjs keeps scripts marked with WITHOUT_RUNTIME_ATTRIBUTE and drops Next's).
// A few lines instead of React: it does what ./department-division-fields.tsx does where React runs the page (there
// it does nothing: a page with React has Next's script tags in its <head>, checked once while the page is parsed, so
// it never touches a list React hydrates). A plain copy is the overview without filters, so the 担当課 list holds
// every department's divisions, grouped by <optgroup data-department>: choosing a department leaves its divisions
// (none for a department without any), すべて brings all back, and a division no longer listed goes back to すべて.
// Without JavaScript at all, pressing 絞り込む narrows the list on the server.

/** The attribute that keeps a script in the plain copies (lib/server/plain-html.mjs reads the same name). */
export const WITHOUT_RUNTIME_ATTRIBUTE = "data-without-runtime";

export const FOLLOW_DEPARTMENT_SCRIPT = `(function () {
  if (document.querySelector('script[src^="/_next/"]')) return;
  var dep = document.getElementById("filter-department"), div = document.getElementById("filter-division");
  if (!dep || !div || !div.querySelector("optgroup")) return;
  var none = div.querySelector('option[value=""]'), groups = Array.prototype.slice.call(div.querySelectorAll("optgroup"));
  dep.addEventListener("change", function () {
    var kept = div.value, nodes = [none];
    if (!dep.value) nodes = nodes.concat(groups);
    else groups.forEach(function (g) {
      if (g.getAttribute("data-department") === dep.value) g.querySelectorAll("option").forEach(function (o) { nodes.push(o.cloneNode(true)); });
    });
    div.replaceChildren.apply(div, nodes);
    div.value = div.querySelector('option[value="' + CSS.escape(kept) + '"]') ? kept : "";
  });
})();`;
