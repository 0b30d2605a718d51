// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var KEY = "huiqi.textScale", MIN = 0.8, MAX = 1.8, STEP = 0.1;

  // A+ / A-: scales the document text, remembered across pages.
  function setScale(s) {
    s = Math.min(MAX, Math.max(MIN, Math.round(s * 10) / 10));
    document.documentElement.style.setProperty("--text-scale", String(s));
    try { localStorage.setItem(KEY, String(s)); } catch (e) { /* private mode */ }
    return s;
  }
  var saved = 1;
  try { saved = parseFloat(localStorage.getItem(KEY)) || 1; } catch (e) { saved = 1; }
  setScale(saved);

  document.addEventListener("DOMContentLoaded", function () {
    var tools = document.getElementById("text-size");
    if (tools) {
      tools.hidden = false;
      tools.addEventListener("click", function (ev) {
        var b = ev.target.closest("button[data-size]");
        if (b) { saved = setScale(saved + STEP * parseInt(b.getAttribute("data-size"), 10)); }
      });
    }
    // Filters apply as soon as they change; the button stays for no-JS use.
    var form = document.getElementById("filter-form");
    if (form) {
      form.addEventListener("change", function (ev) {
        if (ev.target.hasAttribute("data-autosubmit")) { form.submit(); }
      });
      var apply = form.querySelector(".apply");
      if (apply) { apply.classList.add("visually-hidden"); }
    }
  });
})();
