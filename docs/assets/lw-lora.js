/* Interactive figure of /terms/lora/: LoRA's trainable parameters for Llama 2 7B by rank and adapted matrices,
   r * (d_in + d_out) per matrix and layer as in lora_params() of snippets/lora/llama_counts.py, from the shapes and
   the model's total that program prints. */
(function (g) {
  "use strict";
  function trainable(r, shapes, layers) {
    return layers * shapes.reduce(function (s, x) { return s + r * (x[0] + x[1]); }, 0);
  }

  function model(out) {
    var head = out.match(/^Llama 2 7B: ([\d,]+) parameters; (\d+) layers/m), shapes = {}, m;
    var re = /([a-z]+) (\d+) x (\d+)(?=,|$)/gm;
    while ((m = re.exec(out))) shapes[m[1]] = [+m[2], +m[3]];
    return { total: +head[1].replace(/,/g, ""), layers: +head[2], shapes: shapes };
  }

  if (typeof module === "object") { module.exports = { trainable: trainable, model: model }; return; }

  var lw = g.lw;
  lw.add("lora", function (root) {
    var llama = model(lw.snippet(root.getAttribute("data-code"), true)), id = "lw-lora-", boxes = {};
    var rank = lw.slider(root, id + "r", "Rank r", 0, 8, 3, function (v) { return String(Math.pow(2, v)); });
    var set = lw.h("fieldset", { style: "border:0;padding:0" }, [lw.h("legend", { textContent: "Adapted matrices" })]);
    Object.keys(llama.shapes).forEach(function (name) {
      var s = llama.shapes[name];
      boxes[name] = lw.h("input", { type: "checkbox", id: id + name, checked: name === "q" || name === "v", style: "flex:none;min-width:0;width:24px" });
      set.append(lw.h("span", { className: "lw-in" }, [boxes[name], lw.h("label", { htmlFor: id + name, textContent: name + " (" + s[0] + " x " + s[1] + ")" })]));
    });
    var sum = lw.h("p", { "aria-live": "polite" });
    root.append(set, sum);

    function update() {
      var r = Math.pow(2, rank.value), on = Object.keys(boxes).filter(function (n) { return boxes[n].checked; });
      var n = trainable(r, on.map(function (x) { return llama.shapes[x]; }), llama.layers);
      sum.setAttribute("data-value", n);
      sum.textContent = "Rank " + r + " on " + (on.join(", ") || "no matrix") + ": " + lw.n(n) + " trainable of " +
        lw.n(llama.total) + ", " + (100 * n / llama.total).toFixed(3) + "% of the model.";
    }
    rank.addEventListener("input", update);
    set.addEventListener("change", update);
    update();
  });
})(this);
