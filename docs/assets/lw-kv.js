/* /terms/kv-cache/: per_sequence() of the page's tokens_that_fit.py times a batch, from the parts it prints. */
(function (g) {
  "use strict";
  // Bytes of `batch` sequences of `context` tokens; `local` layers keep at most `window` tokens.
  function cache(m, context, batch) {
    return batch * ((m.layers - m.local) * context + m.local * Math.min(context, m.window || context)) * m.perLayer;
  }

  function models(out) {
    var re = /^ {2}(\S+) +(\w+) +([\d,]+) B x (\d+) layers(?:, (\d+) within ([\d,]+) tokens)?; weights ([\d,]+) B$/gm;
    var list = [], m, num = function (i) { return +(m[i] || "0").replace(/,/g, ""); };
    while ((m = re.exec(out))) list.push({ name: m[1] + " " + m[2], perLayer: num(3), layers: num(4), local: num(5), window: num(6), weights: num(7) });
    return list;
  }

  if (typeof module === "object") { module.exports = { cache: cache, models: models }; return; }

  var lw = g.lw;
  lw.add("kv", function (root) {
    var list = models(lw.snippet(root.getAttribute("data-code"), true)), h = lw.h, body = h("tbody");
    var gb = function (b) { return (b / 1e9).toFixed(2); };
    var ctx = lw.slider(root, "lw-kv-c", "Context", 10, 17, 13, function (v) { return lw.n(Math.pow(2, v)) + " tokens"; });
    var bat = lw.slider(root, "lw-kv-b", "Batch", 0, 6, 0, function (v) { return Math.pow(2, v) + " sequences"; });
    var rows = list.map(function (m) {
      var r = [h("span", { className: "lw-bar" }), h("span", { className: "lw-bar" }), h("td")];
      body.append(h("tr", {}, [h("td", {}, [m.name, h("br"), h("span", { "aria-hidden": "true" }, r.slice(0, 2))]), r[2], h("td", { textContent: gb(m.weights) })]));
      return r;
    });
    var sum = h("p", { "aria-live": "polite" });
    root.append(h("table", {}, [h("caption", { textContent: "GB in bf16; bars: weights, then cache" }),
      h("tr", {}, ["Model", "Cache", "Weights"].map(function (x) { return h("th", { scope: "col", textContent: x }); })), body]), sum);

    function update() {
      var c = Math.pow(2, ctx.value), b = Math.pow(2, bat.value), most = 0;
      var bytes = list.map(function (m) { var x = cache(m, c, b); most = Math.max(most, x + m.weights); return x; });
      list.forEach(function (m, i) {
        rows[i][2].textContent = gb(bytes[i]);
        rows[i][2].setAttribute("data-bytes", bytes[i]);
        rows[i][0].style.width = 6 * m.weights / most + "em";
        rows[i][1].style.width = 6 * bytes[i] / most + "em";
      });
      sum.textContent = b + " x " + lw.n(c) + " tokens: cache from " + gb(Math.min.apply(null, bytes)) + " to " + gb(Math.max.apply(null, bytes)) + " GB.";
    }
    [ctx, bat].forEach(function (x) { x.addEventListener("input", update); });
    update();
  });
})(this);
