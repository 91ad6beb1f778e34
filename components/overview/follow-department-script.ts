// The division list follows the department at once on a signed-out reader's plain copy of an overview, which has no
// client runtime (lib/server/plain-html.mjs keeps scripts marked with WITHOUT_RUNTIME_ATTRIBUTE and drops Next's).
// A few lines instead of React: it does what ./department-division-fields.tsx does where React runs the page (there
// it does nothing: React handles the change). A plain copy is the overview without filters, so the 担当課 list holds
// every department's divisions, grouped by <optgroup data-department>: choosing a department keeps its group
// (as plain options when it is one), すべて brings all back, and a division of another department goes back to すべて.
// Without JavaScript at all, pressing 絞り込む narrows the list on the server.

/** The attribute that keeps a script in the plain copies (lib/server/plain-html.mjs reads the same name). */
export const WITHOUT_RUNTIME_ATTRIBUTE = "data-without-runtime";

export const FOLLOW_DEPARTMENT_SCRIPT = `(function () {
  var dep = document.getElementById("filter-department"), div = document.getElementById("filter-division");
  if (!dep || !div || !div.querySelector("optgroup")) return;
  var none = div.querySelector('option[value=""]'), groups = Array.prototype.slice.call(div.querySelectorAll("optgroup"));
  dep.addEventListener("change", function () {
    if (self.__next_f) return;
    var kept = div.value, chosen = groups.filter(function (g) { return g.getAttribute("data-department") === dep.value; });
    var nodes = [none];
    if (chosen.length === 1) chosen[0].querySelectorAll("option").forEach(function (o) { nodes.push(o.cloneNode(true)); });
    else nodes = nodes.concat(groups);
    div.replaceChildren.apply(div, nodes);
    div.value = nodes.some(function (n) { return n.value === kept || (n.querySelector && n.querySelector('option[value="' + CSS.escape(kept) + '"]')); }) ? kept : "";
  });
})();`;
