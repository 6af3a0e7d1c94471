/* /terms/generation-parameters/: temperature, top-k, then top-p (transformers' order) on the logits of the page's
   settings_numpy.py, read from its code; the steps of its temperature(), top_k() and top_p(). */
(function (g) {
  "use strict";
  function softmax(z) {
    var m = Math.max.apply(null, z), e = z.map(function (x) { return Math.exp(x - m); });
    var s = e.reduce(function (a, b) { return a + b; });
    return e.map(function (x) { return x / s; });
  }

  // Divide by t, keep the k highest logits, then the top tokens while the mass above them is below p.
  function probs(logits, t, k, p) {
    var z = logits.map(function (x) { return x / t; });
    var kth = z.slice().sort(function (a, b) { return b - a; })[k - 1], cum = 0;
    z = z.map(function (x) { return x >= kth ? x : -Infinity; });
    var q = softmax(z);
    z.map(function (_, i) { return i; }).sort(function (a, b) { return z[b] - z[a]; }).forEach(function (i) {
      cum += q[i];
      if (!(cum - q[i] < p)) z[i] = -Infinity;
    });
    return softmax(z);
  }

  if (typeof module === "object") { module.exports = { probs: probs }; return; }

  var lw = g.lw;
  lw.add("sampling", function (root) {
    var code = lw.snippet(root.getAttribute("data-code")), h = lw.h, cells = [], body = h("tbody");
    var vocab = JSON.parse(code.match(/^vocab = (\[.*\])$/m)[1]);
    var logits = JSON.parse(code.match(/^logits = np\.array\((\[.*\])\)$/m)[1]), n = vocab.length;
    root.append(h("p", { textContent: "The same logits, with settings of your choice:" }));
    var t = lw.slider(root, "lw-s-t", "Temperature", 2, 40, 20, function (v) { return (v / 20).toFixed(2); });
    var k = lw.slider(root, "lw-s-k", "Top-k", 1, n, n, function (v) { return v + (v === n ? " (all)" : ""); });
    var p = lw.slider(root, "lw-s-p", "Top-p", 1, 20, 20, function (v) { return (v / 20).toFixed(2) + (v === 20 ? " (all)" : ""); });
    vocab.forEach(function (w) {
      var c = [h("span"), h("span", { className: "lw-bar" })];
      cells.push(c);
      body.append(h("tr", {}, [h("td", { textContent: JSON.stringify(w) }), h("td", {}, [c[0], " ", c[1]])]));
    });
    var sum = h("p", { "aria-live": "polite" });
    root.append(h("table", {}, [h("caption", { textContent: "Next-token probabilities" }),
      h("tr", {}, [h("th", { scope: "col", textContent: "Token" }), h("th", { scope: "col", textContent: "Probability" })]), body]), sum);

    function update() {
      var q = probs(logits, t.value / 20, +k.value, p.value / 20), top = 0, kept = 0;
      q.forEach(function (x, i) {
        cells[i][0].textContent = x.toFixed(3);
        cells[i][0].setAttribute("data-value", x);
        cells[i][1].style.width = 8 * x + "em";
        if (x > q[top]) top = i;
        if (x > 0) kept++;
      });
      sum.textContent = "Keeps " + kept + " of " + n + " tokens; " + JSON.stringify(vocab[top]) + " has probability " + q[top].toFixed(3) + ".";
    }
    [t, k, p].forEach(function (x) { x.addEventListener("input", update); });
    update();
  });
})(this);
