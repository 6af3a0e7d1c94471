/*
 * LLM Parameter Glossary: fit on devices and the speed limits, for the calculator, with no user interface.
 *
 * A port of plan() in the Python counter (counter/count_params/speed.py), step for step: the memory each device
 * holds when a model is split over N devices or partly kept in CPU RAM, the largest context and the most sequences
 * that fit, and the decode and prefill limits. The bytes come from count-core.js's memory(), as plan()'s come from
 * memory(); the devices and options are count_params.hardware's and speed.py's, which the build writes into
 * assets/speed-rules.js (hooks/speed_rules.py). tests/pages/test_calculator.py runs this file in Node against
 * plan() on generated models, devices and options. Works as a browser script (window.llmSpeedCore) and in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./count-core.js"));
  else root.llmSpeedCore = factory(root.llmCountCore);
})(typeof self !== "undefined" ? self : this, function (CORE) {
  "use strict";

  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var GIB = 1073741824n;

  function Refusal(key, message) { this.key = key; this.message = message; }
  function optionError(name, message) { return new Refusal(name, "option '" + name + "': " + message); }
  function fail(r) { throw new Refusal(r.errors[0].key, r.errors[0].message); }
  function choice(name, value, allowed) {
    if (allowed.indexOf(value) < 0) throw optionError(name, CORE.show(value) + " is not one of " + allowed.join(", "));
  }
  function whole(name, value) {
    if (typeof value === "string" && /^\+?\d+$/.test(value.trim())) value = BigInt(value.trim());
    if (typeof value !== "bigint" || value < 1n) throw optionError(name, "must be a whole number, at least 1, got " + CORE.show(value));
    return value;
  }
  function number(name, value) {
    if (value === null || value === undefined) return null;
    var t = String(value).trim();
    if (!/^\d+(\.\d+)?$/.test(t) || Number(t) <= 0) throw optionError(name, "must be a positive number, got " + CORE.show(value));
    return Number(t);
  }
  function gpuBytes(name, text) {
    try { return CORE.gpuBytes(text); } catch (e) {
      if (name === "gpu_gb") throw new Refusal(e.key, e.message);
      throw optionError(name, "must be a number of GB such as 64, got " + CORE.show(text));
    }
  }
  // a / b for whole numbers, rounded once, as Python's true division of ints (exact beyond 2**53 too)
  function div(a, b) {
    var shift = 56 - (a.toString(2).length - b.toString(2).length);
    if (shift < 0) shift = 0;
    var q = (a << BigInt(shift)) / b, sticky = (a << BigInt(shift)) % b ? 1n : 0n;
    return Number(q * 2n + sticky) / Math.pow(2, shift + 1);
  }
  // Python's round() of a float: halves to even
  function round(x) {
    var f = Math.floor(x), rest = x - f;
    return BigInt(rest > 0.5 || (rest === 0.5 && f % 2 !== 0) ? f + 1 : f);
  }
  var big = function (x) { return BigInt(x); };
  var fdiv = function (a, b) { var q = a / b; return a % b && (a < 0n) !== (b < 0n) ? q - 1n : q; };  // Python's //
  var maxBig = function (a, b) { return a > b ? a : b; };

  // Bytes of a device from the table: its memory, less what a Mac keeps from its GPU by default (the share).
  function unifiedShare(T, gb) { return T.unified_share[gb <= T.unified_share.small_up_to_gb ? "small" : "large"]; }
  function tableBytes(T, device) {
    var gb = device.memory_gb;
    var bytes = Number.isInteger(gb) ? big(gb) * GIB : big(Math.trunc(gb * 1073741824));
    if (device.kind !== "unified") return bytes;
    var s = unifiedShare(T, gb);
    return bytes * big(s[0]) / big(s[1]);
  }

  function normalize(options, T) {
    var given = {}, s = {};
    Object.keys(options || {}).forEach(function (k) { if (options[k] !== null && options[k] !== undefined) given[k] = options[k]; });
    Object.keys(T.options).forEach(function (k) {
      s[k] = has(given, k) ? given[k] : T.options[k]["default"];
      delete given[k];
    });
    var cpus = T.options.cpu_memory.choices;
    if (s.device !== null) choice("device", s.device, Object.keys(T.devices));
    if (s.cpu_memory !== null) choice("cpu_memory", s.cpu_memory, cpus);
    s.devices = whole("devices", typeof s.devices === "number" ? big(s.devices) : s.devices);
    choice("split", s.split, T.options.split.choices);
    var off = String(s.offload).trim(), m = /^(layers|experts):(\d+)$/.exec(off);
    if (off === "none" || off === "experts") { s.offload = off; s.offload_layers = 0n; }
    else if (m && big(m[2]) >= 1n) { s.offload = m[1]; s.offload_layers = big(m[2]); }
    else throw optionError("offload", "must be none, experts, experts:N or layers:K with N or K a whole number of layers, at least 1; got " + CORE.show(s.offload));
    ["bandwidth_gbs", "tflops", "cpu_bandwidth_gbs"].forEach(function (k) { s[k] = number(k, s[k]); });
    var device = s.device !== null ? T.devices[s.device] : {};
    s.kind = has(device, "kind") ? device.kind : null;
    if (s.bandwidth_gbs === null && has(device, "bandwidth_gbs")) s.bandwidth_gbs = device.bandwidth_gbs;
    if (s.tflops === null && has(device, "tflops")) s.tflops = device.tflops;
    if (s.cpu_bandwidth_gbs === null && s.cpu_memory !== null) s.cpu_bandwidth_gbs = T.devices[s.cpu_memory].bandwidth_gbs;
    s.share = null;
    if (has(given, "gpu_gb")) s.device_bytes = gpuBytes("gpu_gb", given.gpu_gb);
    else if (device.memory_gb !== null && device.memory_gb !== undefined) {
      if (device.kind === "unified") s.share = unifiedShare(T, device.memory_gb).map(big);
      s.device_bytes = tableBytes(T, device);
    } else if (device.kind === "cpu") {
      throw optionError("gpu_gb", "device '" + s.device + "' is a memory configuration: give its size with --gpu-gb");
    } else s.device_bytes = gpuBytes("gpu_gb", "24");
    s.cpu_bytes = s.cpu_gb === null ? null : gpuBytes("cpu_gb", s.cpu_gb);
    if (s.cpu_gb !== null) s.cpu_gb = String(s.cpu_gb);
    delete given.gpu_gb;
    return [s, given];
  }

  // The parameters of every routed expert (_routed).
  // every routed expert: the language model's count less its active ones are the E - k experts a token skips (a
  // multimodal model's towers are not experts)
  function routedOf(r, E, k) {
    var lm = has(r, "language_model") ? r.language_model : r.total;
    return r.active !== lm && E > k ? (lm - r.active) * E / (E - k) : 0n;
  }

  // The config cut to its first n layers (_first_layers): what llama.cpp's --n-cpu-moe n keeps in CPU RAM.
  function firstLayers(config, n, L) {
    var tc = config.text_config, inner = tc && typeof tc === "object" && !Array.isArray(tc) ? "text_config" : null;
    var cut = Object.assign({}, inner ? tc : config), out;
    Object.keys(cut).forEach(function (key) {
      var v = cut[key];
      if (Array.isArray(v) && big(v.length) === L) cut[key] = v.slice(0, Number(n));
      else if ((key === "mlp_only_layers" || key === "moe_layers") && Array.isArray(v)) cut[key] = v.filter(function (i) { return i < n; });
    });
    cut.num_hidden_layers = n;
    if (!inner) return cut;
    out = Object.assign({}, config);
    out[inner] = cut;
    return out;
  }

  // What a token reads and what each place holds (speed.py's _parts).
  function parts(config, rules, memOpts) {
    var counted = CORE.count(config, rules);
    if (!counted.ok) fail(counted);
    var env = CORE.countWithEnv(config, rules, {}).env;
    var mem = CORE.memory(config, rules, memOpts);
    if (!mem.ok) fail(mem);
    var w = mem.weights.by_component, br = counted.breakdown, r = counted;
    var get = function (o, k, d) { return has(o, k) ? o[k] : d; };
    var total = mem.weights.bytes, tied = r.tied_output_head, V = get(env, "V", 0n), d = get(env, "d", 0n);
    var head = !tied ? get(w, "output_head", 0n) : w.embeddings * V * d / maxBig(br.embeddings, 1n);
    var kv = mem.kv_cache;
    // the layers that hold weights: attention (full or sliding) and recurrent (Mamba, DeltaNet), and a hybrid's
    // others (memory_rules: "blocks")
    var layers = kv ? kv.decoder_layers : get(env, "L", 1n);
    var E = get(env, "E", 1n), k = get(env, "k", 1n), routed = routedOf(r, E, k);
    var mlpBytes = get(w, "mlp", 0n) + get(w, "routers", 0n), perMlpWeight = br.mlp ? div(mlpBytes, br.mlp) : 0;
    var experts = round(Number(routed) * perMlpWeight);
    var unused = routed ? experts * (E - k) / E : 0n;
    var layerBytes = total - get(w, "embeddings", 0n) - get(w, "output_head", 0n);
    return { mem: mem, total: total, embeddings: get(w, "embeddings", 0n), output_head: get(w, "output_head", 0n),
      head_read: head, layer_bytes: layerBytes, layers: layers, experts: experts, experts_read: experts - unused,
      E: E, k: k, per_mlp_weight: perMlpWeight,
      // a token reads no tower: the towers run once per image, in the prefill
      read: layerBytes - unused + head - Object.keys(get(r, "towers", {})).reduce(function (a, t) { return a + w[t]; }, 0n),
      kv: kv ? kv.bytes : 0n,
      matmul: r.active - br.embeddings + (tied ? V * d : 0n), d: d, V: V, I: get(env, "I", 0n) };
  }

  // Bytes held and read per decode step, on the devices and in CPU RAM (_placement).
  function placement(p, s, batch) {
    var L = p.layers, K = s.offload_layers;
    if (s.offload === "experts" && !p.experts) throw optionError("offload", "experts needs a mixture of experts; this model has no routed experts");
    if (s.offload !== "none" && K > L) throw optionError("offload", s.offload + ":" + K + " is more than the model's " + L + " layers");
    var cpuLayers = s.offload === "layers" ? K : 0n;
    var cpuWeights = p.layer_bytes * cpuLayers / L, cpuRead = (p.read - p.head_read) * cpuLayers / L;
    if (s.offload === "experts") {  // every routed expert, or those of the first K layers (plan() counts them)
      var held = s.first_experts || [p.experts, p.experts_read];
      cpuWeights = held[0]; cpuRead = held[1];
    }
    var cpuKv = p.kv * cpuLayers / L;
    return { gpu_weights: p.total - cpuWeights, gpu_read: p.read - cpuRead, gpu_kv: p.kv - cpuKv, cpu_weights: cpuWeights,
      cpu_read: cpuRead, cpu_kv: cpuKv, gpu_layers: L - cpuLayers, activations: batch * (p.V * 4n + (4n * p.d + 2n * p.I) * 2n) };
  }

  // What each of the N devices holds (_devices).
  function devices(p, place, s) {
    var n = s.devices, out = [], layers = place.gpu_layers, i;
    var ceil = function (v) { return (v + n - 1n) / n; };
    for (i = 0n; i < n; i++) {
      if (s.split === "tensors") {
        out.push({ device: i, layers: layers, weights: ceil(place.gpu_weights), kv_cache: ceil(place.gpu_kv),
          activations: ceil(place.activations) });
        continue;
      }
      var mine = layers / n + (i < layers % n ? 1n : 0n), per = maxBig(layers, 1n);
      var weights = fdiv((place.gpu_weights - p.embeddings - p.output_head) * mine, per);
      weights += (i === 0n ? p.embeddings : 0n) + (i === n - 1n ? p.output_head : 0n);
      out.push({ device: i, layers: mine, weights: weights, kv_cache: place.gpu_kv * mine / per,
        activations: i === n - 1n ? place.activations : 0n });
    }
    return out;
  }

  // The cache's bytes at any context and batch, from memory()'s at one (_cache_bytes): the searches need not count
  // the model again at each step.
  function cacheBytes(kv, config, rules, memOpts) {
    if (kv.compressed_bytes) {  // entries every so many tokens (DeepSeek-V4): memory() at each step
      return function (ctx, batch) {
        var m = CORE.memory(config, rules, Object.assign({}, memOpts, { context_length: ctx, batch_size: batch }));
        if (!m.ok) fail(m);
        return m.kv_cache.bytes;
      };
    }
    var ctx0 = kv.context_length, batch0 = kv.batch_size, win = kv.sliding_window;
    var full = kv.full_bytes / (ctx0 * batch0), state = kv.state_bytes / batch0;
    var sliding = win ? kv.sliding_bytes / ((ctx0 < win ? ctx0 : win) * batch0) : 0n;
    return function (ctx, batch) {
      return batch * (full * ctx + (win ? sliding * (ctx < win ? ctx : win) : 0n) + state);
    };
  }

  function fits(p, s, bytesAt, ctx, batch) {
    p = Object.assign({}, p, { kv: bytesAt(ctx, batch) });
    var place = placement(p, s, batch);
    var ok = devices(p, place, s).every(function (d) { return d.weights + d.kv_cache + d.activations <= s.device_bytes; });
    return s.cpu_bytes === null ? ok : ok && place.cpu_weights + place.cpu_kv <= s.cpu_bytes;
  }

  // The largest n >= 1 with test(n), test being monotone (0: none; null: no limit below the search limit).
  function largest(test, start, limit) {
    if (!test(1n)) return 0n;
    if (test(limit)) return null;
    var lo = 1n, hi = limit;
    if (test(start)) lo = start; else hi = start;
    while (hi - lo > 1n) {
      var mid = (lo + hi) / 2n;
      if (test(mid)) lo = mid; else hi = mid;
    }
    return lo;
  }

  function speed(p, place, s, ctx, batch, T) {
    if (s.bandwidth_gbs === null) return null;
    var n = s.split === "tensors" ? Number(s.devices) : 1;
    var bw = s.bandwidth_gbs * 1e9 * n, cpu = place.cpu_read + place.cpu_kv;
    if (cpu && s.cpu_bandwidth_gbs === null) {
      throw optionError("cpu_bandwidth_gbs", "offloaded weights are read from CPU RAM: give --cpu-memory or --cpu-bandwidth-gbs");
    }
    var tMemory = Number(place.gpu_read + place.gpu_kv) / bw + (cpu ? Number(cpu) / (s.cpu_bandwidth_gbs * 1e9) : 0);
    var flops = 2n * p.matmul * batch, peak = s.tflops ? s.tflops * 1e12 * n : null;
    var tCompute = peak ? Number(flops) / peak : 0, step = tCompute > tMemory ? tCompute : tMemory;
    var out = { bandwidth_gbs: s.bandwidth_gbs, tflops: s.tflops, cpu_bandwidth_gbs: s.cpu_bandwidth_gbs,
      context_length: ctx, batch_size: batch,
      bytes_per_step: { device_weights: place.gpu_read, device_kv_cache: place.gpu_kv, cpu_weights: place.cpu_read, cpu_kv_cache: place.cpu_kv },
      flops_per_step: flops, decode_seconds_per_step_min: step, decode_tokens_per_s_max: Number(batch) / step,
      decode_tokens_per_s_per_sequence_max: 1 / step, decode_bound_by: tCompute > tMemory ? "compute" : "memory bandwidth",
      prefill_seconds_min: null, prefill_bound_by: null, leaves_out: T.leaves_out };
    if (peak && ctx) {
      var flopSeconds = Number(2n * p.matmul * ctx * batch) / peak;
      var readSeconds = Number(place.gpu_read) / bw + (cpu ? Number(place.cpu_read) / (s.cpu_bandwidth_gbs * 1e9) : 0);
      out.prefill_seconds_min = flopSeconds > readSeconds ? flopSeconds : readSeconds;
      out.prefill_bound_by = flopSeconds >= readSeconds ? "compute" : "memory bandwidth";
    }
    return out;
  }

  function planOrThrow(config, rules, T, options) {
    var ns = normalize(options, T), s = ns[0], memOpts = ns[1];
    var p = parts(config, rules, memOpts), kv = p.mem.kv_cache;
    var ctx = kv ? kv.context_length : null, batch = kv ? kv.batch_size : 1n;
    s.first_experts = null;
    if (s.offload === "experts" && s.offload_layers && p.experts && s.offload_layers <= p.layers) {
      // the first N layers' routed parameters, at the model's bytes per MLP weight
      var cut = CORE.count(firstLayers(config, s.offload_layers, p.layers), rules);
      if (!cut.ok) fail(cut);
      var held = round(Number(routedOf(cut, p.E, p.k)) * p.per_mlp_weight);
      s.first_experts = [held, held - held * (p.E - p.k) / p.E];
    }
    var place = placement(p, s, batch), per = devices(p, place, s);
    per.forEach(function (d) { d.total = d.weights + d.kv_cache + d.activations; });
    var fit = { device_bytes: s.device_bytes, devices: s.devices, split: s.split, unified_share: s.share,
      offload: s.offload_layers ? s.offload + ":" + s.offload_layers : s.offload, per_device: per,
      fits: per.every(function (d) { return d.total <= s.device_bytes; }),
      cpu: { bytes: s.cpu_bytes, weights: place.cpu_weights, kv_cache: place.cpu_kv },
      max_context_length: null, max_batch_size: null };
    if (s.cpu_bytes !== null) fit.fits = fit.fits && place.cpu_weights + place.cpu_kv <= s.cpu_bytes;
    if (kv) {
      var limit = big(T.search_limit), bytesAt = cacheBytes(kv, config, rules, memOpts);
      fit.max_context_length = largest(function (c) { return fits(p, s, bytesAt, c, batch); }, ctx, limit);
      fit.max_batch_size = largest(function (b) { return fits(p, s, bytesAt, ctx, b); }, batch, limit);
    }
    return { ok: true, fit: fit, speed: speed(p, place, s, ctx, batch, T), memory: p.mem };
  }

  /* plan(config, rules, speedRules, options) -> {ok: true, fit, speed, memory} or {ok: false, errors: [{key, message}]},
     as plan() in the Python tool returns or raises; options are memory()'s and the fit and speed options (strings). */
  function plan(config, rules, T, options) {
    try { return planOrThrow(config, rules, T, options); } catch (e) {
      if (e instanceof Refusal) return { ok: false, errors: [{ key: e.key, message: e.message }] };
      throw e;
    }
  }

  // The Card memory field's text for a device of the table: its memory as plan() counts it (a Mac's GPU share).
  function deviceGb(T, name) {
    var b = tableBytes(T, T.devices[name]);
    return b % GIB ? (Number(b) / 1073741824).toFixed(3) : String(b / GIB);
  }

  return { plan: plan, deviceGb: deviceGb, unifiedShare: unifiedShare, core: CORE };
});
