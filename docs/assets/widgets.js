/* Interactive figures, the shared part (window.lw); ARCHITECTURE.md says how a page loads and tests them. */
(function (g) {
  "use strict";
  // Material's instant navigation runs a page's inline scripts again, and so this file: mount what is new.
  if (g.lw) return g.lw.mountAll();
  var kinds = {}, d = document;

  function h(tag, props, kids) {
    var e = d.createElement(tag);
    for (var k in props) if (/^(aria|data)-|^for$/.test(k)) e.setAttribute(k, props[k]); else e[k] = props[k];
    (kids || []).forEach(function (c) { e.append(c); });
    return e;
  }

  // The text of the code block titled ".../NAME", or of the output under it.
  function snippet(name, output) {
    var all = [].slice.call(d.querySelectorAll("article .highlight")), i = all.findIndex(function (b) {
      var t = b.querySelector(".filename");
      return t && t.textContent.split("/").pop() === name;
    });
    return all[i + (output ? 1 : 0)].querySelector("code").textContent;
  }

  // A labelled range input; a reader sees and hears its value as text(value).
  function slider(root, id, label, min, max, value, text) {
    var input = h("input", { type: "range", id: id, min: min, max: max, value: value }), out = h("output", { "aria-hidden": "true" });
    function show() { out.textContent = text(+input.value); input.setAttribute("aria-valuetext", out.textContent); }
    input.addEventListener("input", show);
    show();
    root.append(h("div", { className: "lw-in" }, [h("label", { htmlFor: id, textContent: label }), input, out]));
    return input;
  }

  function mountAll() {
    Object.keys(kinds).forEach(function (name) {
      d.querySelectorAll('[data-lw="' + name + '"]:not([data-lw-mounted])').forEach(function (root) {
        root.setAttribute("data-lw-mounted", "");
        kinds[name](root);
      });
    });
  }

  g.lw = {
    h: h, snippet: snippet, slider: slider, mountAll: mountAll,
    n: function (x) { return x.toLocaleString("en-US"); },
    add: function (name, fn) { kinds[name] = fn; if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", mountAll); else mountAll(); }
  };

  d.head.append(h("style", { textContent:
    ".lw{margin:1em 0;padding:0 .8em;border:1px solid var(--md-default-fg-color--lightest)}" +
    ".lw-in{display:flex;flex-wrap:wrap;align-items:center;gap:0 .6em}.lw-in label{min-width:6em}" +
    ".lw-in input{flex:1;min-width:8em;height:24px;margin:0}.lw output{min-width:4em}" +
    ".lw input:focus-visible{outline:3px solid var(--md-accent-fg-color);outline-offset:2px}" +
        ".md-typeset .lw table td,.md-typeset .lw table th{padding:.5em .6em}.lw [aria-hidden]{white-space:nowrap}" +
    ".lw-bar{display:inline-block;height:.7em;background:var(--md-typeset-a-color)}.lw-bar+.lw-bar{opacity:.4}" +
    "@media print{.lw{display:none}}" }));
})(window);
