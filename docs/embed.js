// Hover definitions for links to the LLM Parameter Glossary, on any web page:
//   <script src="https://llm-parameter-glossary.github.io/embed.js" async></script>
// A link to a term page (or to an anchor on one) shows the term's title and summary when hovered or focused, as
// on the glossary's own pages; Escape hides it. The definitions come from embed-terms.js next to this file (made
// from the terms' front matter by hooks/hover_definitions.py), loaded as a script: no CORS question.
// On the host page it defines no global, adds no style, moves nothing: it adds aria-describedby to the links to
// terms (keeping their own) and one element at the end of <body>, which holds the descriptions for screen readers
// (hidden) and, in its shadow root, the tooltip (position: fixed, so no layout changes). Tested by tests/test_embed.py.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) return;
  var ownBase = new URL(".", me.src).href;
  var idPrefix = "llm-glossary-" + Math.random().toString(36).slice(2, 8) + "-";
  var terms, bases, root, box, heading, text, shown, hideTimer;
  var STYLE = ".box{all:initial;position:fixed;z-index:2147483647;display:block;box-sizing:border-box;" +
    "max-width:min(360px,calc(100vw - 16px));padding:8px 12px;border-radius:6px;background:#1f2937;color:#fff;" +
    "font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.3)}" +
    ".box[hidden]{display:none}b{display:block;margin-bottom:2px}";

  function termOf(a) {
    var url = (a.href || "").split("#")[0].split("?")[0];
    for (var i = 0; i < bases.length; i++) {
      if (url.indexOf(bases[i]) !== 0) continue;
      var path = url.slice(bases[i].length).replace(/index\.html$/, "").replace(/([^/])$/, "$1/");
      if (terms[path]) return path;
    }
    return null;
  }

  function makeRoot() {
    root = document.createElement("div");
    root.style.display = "contents";
    var shadow = root.attachShadow({ mode: "open" });
    shadow.innerHTML = "<style>" + STYLE + '</style><div class="box" aria-hidden="true" hidden><b></b><span></span></div>';
    box = shadow.querySelector(".box");
    heading = box.firstChild;
    text = box.lastChild;
    box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", hideSoon);
    document.body.appendChild(root);
  }

  // The link's accessible description: a hidden element per term, referenced by aria-describedby.
  function describe(a) {
    var path = termOf(a);
    if (!path) return null;
    if (!root) makeRoot();
    var id = idPrefix + path.split("/").slice(-2)[0];
    if (!document.getElementById(id)) {
      var d = document.createElement("span");
      d.id = id;
      d.hidden = true;
      d.textContent = terms[path][0] + ": " + terms[path][1];
      root.appendChild(d);
    }
    var ids = (a.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (ids.indexOf(id) < 0) a.setAttribute("aria-describedby", ids.concat(id).join(" "));
    return path;
  }

  function show(a) {
    var path = describe(a);
    if (!path) return;
    clearTimeout(hideTimer);
    shown = a;
    heading.textContent = terms[path][0];
    text.textContent = terms[path][1];
    box.hidden = false;
    var r = a.getBoundingClientRect(), w = box.offsetWidth, h = box.offsetHeight;
    var top = r.bottom + 6 + h > innerHeight && r.top > h + 6 ? r.top - h - 6 : r.bottom + 6;
    box.style.top = top + "px";
    box.style.left = Math.max(8, Math.min(r.left, innerWidth - w - 8)) + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (box) box.hidden = true;
    shown = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300); // time to move the pointer onto the tooltip (WCAG 1.4.13: hoverable)
  }

  function linkOf(e) {
    return e.target.closest ? e.target.closest("a[href]") : null;
  }

  function start(data) {
    terms = data.terms;
    bases = [data.base, ownBase];
    document.querySelectorAll("a[href]").forEach(describe);
    document.addEventListener("mouseover", function (e) {
      var a = linkOf(e);
      if (a && a !== shown) show(a);
    }, true);
    document.addEventListener("mouseout", function (e) {
      if (shown && linkOf(e) === shown && !shown.contains(e.relatedTarget)) hideSoon();
    }, true);
    document.addEventListener("focusin", function (e) {
      var a = linkOf(e);
      if (a) show(a);
    }, true);
    document.addEventListener("focusout", function (e) {
      if (linkOf(e) === shown) hide();
    }, true);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && shown) hide();
    }, true);
    addEventListener("scroll", hide, { capture: true, passive: true });
  }

  var data = document.createElement("script");
  data.src = new URL("embed-terms.js", me.src).href;
  data.addEventListener("llm-glossary-terms", function (e) {
    data.remove();
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { start(e.detail); });
    else start(e.detail);
  });
  data.onerror = function () { data.remove(); };
  document.head.appendChild(data);
})();
