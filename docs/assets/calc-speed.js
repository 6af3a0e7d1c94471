/*
 * LLM Parameter Glossary: the calculator's fit and speed section (the form's "Fit and speed" fields, the table of
 * what each device holds with the limits, and their working). The arithmetic is assets/speed-core.js (a port of
 * count_params.speed.plan(), checked against it in Node); the devices, the options' help and what the limits leave
 * out come from assets/speed-rules.js, which the build writes from the counter. The URL parameters are plan()'s
 * options, as count-params takes them (--device, --devices, ...). It plugs into assets/calculator.js, which calls it.
 */
(function () {
  "use strict";
  if (window.llmCalcSpeed) return;  // instant navigation runs the page's scripts again
  var T = window.llmSpeedRules, SPEED = window.llmSpeedCore, O = T.options;
  var NAMES = Object.keys(T.devices);
  // [URL parameter, label, kind]; the hints are the options' help in count_params.speed
  var FIELDS = [["device", "Device", "select"], ["devices", "Number of devices", "text"], ["split", "Split", "select"],
    ["offload", "Offload to CPU RAM", "select"], ["offload_n", "Layers offloaded (N or K)", "number"],
    ["bandwidth_gbs", "Memory bandwidth (GB/s)", "text"],
    ["tflops", "Compute (TFLOP/s)", "text"], ["cpu_memory", "CPU memory", "select"],
    ["cpu_bandwidth_gbs", "CPU bandwidth (GB/s)", "text"], ["cpu_gb", "CPU RAM (GB)", "text"]];
  var CHOICES = {
    device: [["", "None: type the figures"]].concat(NAMES.map(function (n) { return [n, T.devices[n].title]; })),
    split: O.split.choices.map(function (c) { return [c, c]; }),
    // offload's forms (the option's help says what each keeps in CPU RAM); N or K is the number field
    offload: [["none", "none"], ["experts", "experts"], ["experts:", "experts:N"], ["layers:", "layers:K"]],
    cpu_memory: [["", "None"]].concat(O.cpu_memory.choices.map(function (n) { return [n, T.devices[n].title]; })),
  };
  var DEFAULTS = { devices: "1", split: "layers", offload: "none" };

  window.llmCalcSpeed = function (api) {
    var el = api.el, c = {}, blocks = [];
    FIELDS.forEach(function (f) {
      var k = f[0];
      var control = f[2] === "select"
        ? el("select", { name: k }, CHOICES[k].map(function (o) { return el("option", { value: o[0], text: o[1] }); }))
        : el("input", { type: f[2], autocomplete: "off", name: k, value: DEFAULTS[k] || "" });
      if (f[2] === "number") { control.min = "1"; control.step = "1"; }
      c[k] = control;
      blocks.push(api.fieldBlock("calc-" + k.replace(/_/g, "-"), f[1], control, O[k] ? O[k].help : null));
      control.addEventListener(f[2] === "select" ? "change" : "input", function () {
        if (k === "device") fromDevice();
        if (k === "offload") needsCount();
        api.update();
      });
    });
    var fieldset = el("fieldset", { id: "calc-speed-fields" }, [el("legend", { text: "Fit and speed" })].concat(blocks));
    var body = el("tbody");
    var table = el("table", { id: "calc-speed", class: "calc-table" }, [
      el("caption", { text: "Fit on the devices and speed limits" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Figure" }), el("th", { scope: "col", text: "Value" })])]),
      body]);
    var note = el("p", { id: "calc-speed-note", class: "calc-note" });
    var results = el("div", {}, [el("div", { class: "calc-scroll", role: "region", "aria-label": "Fit and speed" }, [table]), note]);

    // A device of the table fills the card's memory (a Mac's GPU share) and shows its figures as the fields' defaults.
    function fromDevice() {
      var d = T.devices[c.device.value];
      if (d && d.memory_gb !== null) api.controls.gpu.value = SPEED.deviceGb(T, c.device.value);
      ["bandwidth_gbs", "tflops"].forEach(function (k) {
        if (d && d[k] !== null) c[k].setAttribute("placeholder", d[k] + " (the device's)");
        else c[k].removeAttribute("placeholder");
      });
    }
    // the number field counts for experts:N and layers:K only
    function needsCount() { c.offload_n.disabled = !/:$/.test(c.offload.value); }
    needsCount();
    // plan()'s options: offload is the select's form with the number field's N or K (experts:4)
    function options() {
      var o = {};
      FIELDS.forEach(function (f) { var v = c[f[0]].value.trim(); o[f[0]] = v === "" ? null : v; });
      if (/:$/.test(o.offload)) o.offload += o.offload_n || "";
      delete o.offload_n;
      return o;
    }
    function row(label, value, text, id) {
      body.appendChild(el("tr", { "data-speed": id, "data-value": value === null ? null : String(value) },
        [el("th", { scope: "row", text: label }), el("td", { text: text })]));
    }
    function li(id, parts) {
      api.working.appendChild(el("li", { "data-working": id }, parts));
    }
    function source(label, url) { return url ? el("a", { href: url, text: label }) : null; }
    var ms = function (s) { return (s * 1000).toPrecision(3) + " ms"; };
    var per = function (x) { return x >= 100 ? x.toFixed(0) : x.toPrecision(3); };
    var B = function (n) { return api.grouped(n) + " bytes"; };

    function render(result, optionErrors) {
      body.textContent = "";
      note.textContent = "";
      results.hidden = !result || optionErrors.length > 0;
      if (results.hidden) return;
      var r = SPEED.plan(api.config(), window.llmCountRules, T, Object.assign(api.memoryOptions(), options()));
      if (!r.ok) {
        var e = r.errors[0], m = e.message.replace(/^option '[^']*': /, "");
        if (c[e.key]) api.setError(c[e.key], m.charAt(0).toUpperCase() + m.slice(1) + ".");
        note.textContent = "No fit or speed figures: " + e.message + ".";
        return;
      }
      var fit = r.fit, s = r.speed, name = c.device.value, d = T.devices[name];
      var where = fit.devices + " x " + (d ? d.title : "card") + " (" + api.gib(fit.device_bytes) + " GiB each)";
      fit.per_device.forEach(function (p) {
        row("Device " + (p.device + 1n) + " (" + p.layers + " layers)", p.total, api.gb(p.total) + " GB of " + api.gb(fit.device_bytes) + " GB", "device-" + p.device);
        li("device-" + p.device, ["Device " + (p.device + 1n) + ": weights " + B(p.weights) + " + KV cache " + B(p.kv_cache) +
          " + activations of one step " + B(p.activations) + " = " + B(p.total) + (p.total <= fit.device_bytes ? " fit in " : " do NOT fit in ") +
          B(fit.device_bytes) + " (split by " + fit.split + ")."]);
      });
      var cpu = fit.cpu;
      if (cpu.weights || cpu.kv_cache) {
        row("CPU RAM (offload " + fit.offload + ")", cpu.weights + cpu.kv_cache, api.gb(cpu.weights + cpu.kv_cache) + " GB" +
          (cpu.bytes === null ? "" : " of " + api.gb(cpu.bytes) + " GB"), "cpu");
        li("cpu", ["CPU RAM: weights " + B(cpu.weights) + " + KV cache " + B(cpu.kv_cache) + (cpu.bytes === null ? " (give CPU RAM (GB) to check the fit)." : ", of " + B(cpu.bytes) + ".")]);
      }
      row("Fits", fit.fits, fit.fits ? "yes" : "no", "fits");
      var most = function (v, unit) { return v === null ? "no limit below " + api.grouped(BigInt(T.search_limit)) : api.grouped(v) + unit; };
      if (r.memory.kv_cache) {
        row("Largest context that fits", fit.max_context_length, most(fit.max_context_length, " tokens"), "max-context");
        row("Most sequences at this context", fit.max_batch_size, most(fit.max_batch_size, ""), "max-batch");
      }
      if (d && d.kind === "unified" && fit.unified_share === null) {
        var sh = SPEED.unifiedShare(T, d.memory_gb);
        li("unified", ["A Mac's GPU may use " + sh[0] + "/" + sh[1] + " of its " + d.memory_gb + " GB by default, as Metal reports it (",
          source("sources", T.unified_sources[0]), "); Card memory is set to that share. Raising iogpu.wired_limit_mb raises it."]);
      }
      if (d) {
        li("device", [d.title + ": ", source("memory", d.sources.memory_gb), d.memory_gb === null ? "" : " " + d.memory_gb + " GB, ",
          source("bandwidth", d.sources.bandwidth_gbs), " " + d.bandwidth_gbs + " GB/s, ",
          source("compute", d.sources.tflops), d.tflops === null ? "no compute figure (" + d.missing.tflops + ")" : " " + d.tflops + " TFLOP/s", d.note ? " (" + d.note + ")." : "."]);
      }
      var status = " Fits on " + where + ": " + (fit.fits ? "yes" : "no") + ".";
      if (s === null) {
        note.textContent = "Speed limits: choose a device or give its memory bandwidth.";
      } else {
        row("Decode, at most (tokens/s)", s.decode_tokens_per_s_max, per(s.decode_tokens_per_s_max) + " tokens/s (" + s.decode_bound_by + ")", "decode");
        row("Decode per sequence, at most (tokens/s)", s.decode_tokens_per_s_per_sequence_max, per(s.decode_tokens_per_s_per_sequence_max), "decode-sequence");
        row("Prefill of the context, at least", s.prefill_seconds_min, s.prefill_seconds_min === null ? "needs a compute figure" :
          ms(s.prefill_seconds_min) + " (" + s.prefill_bound_by + ")", "prefill");
        var b = s.bytes_per_step, n = fit.split === "tensors" ? fit.devices : 1n;
        var bw = s.bandwidth_gbs + " GB/s" + (n > 1n ? " x " + n + " devices" : "");
        var text = "Decode: each step reads " + B(b.device_weights) + " of weights + " + B(b.device_kv_cache) + " of KV cache (" +
          s.batch_size + " x " + s.context_length + " tokens) at " + bw;
        if (b.cpu_weights || b.cpu_kv_cache) text += ", and " + B(b.cpu_weights + b.cpu_kv_cache) + " in CPU RAM at " + s.cpu_bandwidth_gbs + " GB/s";
        text += "; " + api.grouped(s.flops_per_step) + " FLOPs" + (s.tflops ? " at " + s.tflops + " TFLOP/s" + (n > 1n ? " x " + n : "") : "") +
          ". A step takes at least " + ms(s.decode_seconds_per_step_min) + " (" + s.decode_bound_by + "), so at most " + s.batch_size +
          " / " + ms(s.decode_seconds_per_step_min) + " = " + per(s.decode_tokens_per_s_max) + " tokens/s.";
        li("decode", [text]);
        if (s.prefill_seconds_min !== null) {
          li("prefill", ["Prefill: 2 FLOPs per weight a token uses x " + s.batch_size + " x " + s.context_length + " tokens at peak compute, or reading every weight once, whichever is longer: at least " +
            ms(s.prefill_seconds_min) + " (" + s.prefill_bound_by + ")."]);
        }
        li("leaves-out", ["These are limits, not estimates. They leave out " + s.leaves_out.join("; ") + "."]);
        status += " Decode at most " + per(s.decode_tokens_per_s_max) + " tokens/s.";
      }
      api.status.textContent += status;
    }

    return {
      fieldset: fieldset, results: results, params: FIELDS.map(function (f) { return f[0]; }).filter(function (k) { return O[k]; }),
      set: function (k, v) {
        var m = k === "offload" && /^(experts|layers):(.*)$/.exec(v);
        if (m) { c.offload.value = m[1] + ":"; c.offload_n.value = m[2]; needsCount(); return null; }
        if (CHOICES[k]) {
          var ok = CHOICES[k].map(function (o) { return o[0]; }).filter(Boolean);
          if (ok.indexOf(v) < 0) return k + "=" + v + " is not one of: " + ok.join(", ") + ".";
          c[k].value = v;
          if (k === "offload") needsCount();
          if (k === "device" && !new URLSearchParams(location.search).has("gpu_gb")) fromDevice();
          else if (k === "device") { var g = api.controls.gpu.value; fromDevice(); api.controls.gpu.value = g; }
          return null;
        }
        c[k].value = v;
        return null;
      },
      settings: function () {
        var o = options(), out = {};
        Object.keys(o).forEach(function (k) { if (o[k] !== null && o[k] !== DEFAULTS[k]) out[k] = o[k]; });
        return out;
      },
      clear: function () { FIELDS.forEach(function (f) { api.setError(c[f[0]], ""); }); },
      render: render,
    };
  };
  (window.llmCalcExtensions = window.llmCalcExtensions || []).push(window.llmCalcSpeed);
})();
