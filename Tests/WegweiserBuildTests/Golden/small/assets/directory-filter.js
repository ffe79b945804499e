// Filters a directory list by category, spoken language and wheelchair access, in the browser.
// Progressive enhancement: without JavaScript the form stays hidden and every entry shows, grouped
// by category. The filter state lives in the address (?category=…&language=…&wheelchair=yes),
// so a filtered list can be bookmarked and shared.
(function () {
  "use strict";
  var form = document.querySelector("form.directory-filter");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll(".item-contact"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".directory-group"));
  var status = form.querySelector(".filter-status");
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function matches(item, category, language, wheelchair) {
    if (category && item.getAttribute("data-category") !== category) return false;
    if (language && (" " + item.getAttribute("data-languages") + " ").indexOf(" " + language + " ") < 0) return false;
    if (wheelchair && item.getAttribute("data-wheelchair") !== "yes") return false;
    return true;
  }

  function apply(announce) {
    var category = form.elements.category.value;
    var language = form.elements.language.value;
    var wheelchair = form.elements.wheelchair.checked;
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, category, language, wheelchair);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".item-contact:not([hidden])");
    });
    if (announce) {
      status.textContent = form.getAttribute("data-count-template")
        .replace("{shown}", numbers.format(shown))
        .replace("{total}", numbers.format(items.length));
    }
    var query = new URLSearchParams();
    if (category) query.set("category", category);
    if (language) query.set("language", language);
    if (wheelchair) query.set("wheelchair", "yes");
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  var start = new URLSearchParams(location.search);
  form.elements.category.value = start.get("category") || "";
  form.elements.language.value = start.get("language") || "";
  form.elements.wheelchair.checked = start.get("wheelchair") === "yes";

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape") form.reset();
  });
  form.hidden = false;
  apply(start.toString() !== "");
})();
