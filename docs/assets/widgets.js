/* Interactive figures, the shared part (window.lw); ARCHITECTURE.md says how a page loads and tests them. */
(function (g) {
  "use strict";
  if (g.lw) { g.lw.mountAll(); return; }
  var kinds = {}, d = document;

  function h(tag, props, kids) {
    var e = d.createElement(tag);
    for (var k in props || {}) {
      if (/^(aria-|data-|for$)/.test(k)) e.setAttribute(k, props[k]); else e[k] = props[k];
    }
    (kids || []).forEach(function (c) { e.append(c); });
    return e;
  }

  // The text of the code block titled ".../NAME", or of the output under it.
  function snippet(name, output) {
    var all = [].slice.call(d.querySelectorAll("article .highlight"));
    for (var i = 0; i < all.length; i++) {
      var title = all[i].querySelector(".filename");
      if (title && title.textContent.split("/").pop() === name) return all[output ? i + 1 : i].querySelector("code").textContent;
    }
    throw new Error("no code block " + name);
  }

  // A labelled range input; a reader sees and hears its value as text(value).
  function slider(root, id, label, min, max, value, text) {
    var input = h("input", { type: "range", id: id, min: min, max: max, step: 1, value: value });
    var out = h("output", { "for": id, "aria-hidden": "true" });
    function show() { out.textContent = text(+input.value); input.setAttribute("aria-valuetext", out.textContent); }
    input.addEventListener("input", show);
    show();
    root.append(h("div", { className: "lw-in" }, [h("label", { htmlFor: id, textContent: label }), input, out]));
    return input;
  }

  function mount(name) {
    [].forEach.call(d.querySelectorAll('[data-lw="' + name + '"]:not([data-lw-mounted])'), function (root) {
      root.setAttribute("data-lw-mounted", "");
      kinds[name](root);
    });
  }

  function mountAll() { Object.keys(kinds).forEach(mount); }

  g.lw = {
    h: h, snippet: snippet, slider: slider, mountAll: mountAll,
    n: function (x) { return x.toLocaleString("en-US"); },
    add: function (name, fn) { kinds[name] = fn; if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", mountAll); else mount(name); }
  };

  d.head.append(h("style", { textContent:
    ".lw{margin:1em 0;padding:0 .8em;border:1px solid var(--md-default-fg-color--lightest)}" +
    ".lw-in{display:flex;flex-wrap:wrap;align-items:center;gap:0 .6em}.lw-in label{min-width:6em}" +
    ".lw-in input{flex:1;min-width:8em;height:24px;margin:0}.lw output{min-width:4em}" +
    ".lw input:focus-visible{outline:3px solid var(--md-accent-fg-color);outline-offset:2px}" +
    ".lw [type=checkbox]{flex:none;min-width:0;width:24px}.lw fieldset{border:0;padding:0}" +
    ".md-typeset .lw table td,.md-typeset .lw table th{padding:.5em .6em}.lw [aria-hidden]{white-space:nowrap}.lw-bar{display:inline-block;height:.7em;background:var(--md-typeset-a-color)}.lw-bar+.lw-bar{opacity:.4}" +
    "@media print{.lw{display:none}}" }));

  // Material's instant navigation swaps pages without a load: mount what the new page holds.
  function watch() { if (g.document$ && g.document$.subscribe) g.document$.subscribe(mountAll); }
  if (d.readyState === "complete") watch(); else g.addEventListener("load", watch);
})(window);
