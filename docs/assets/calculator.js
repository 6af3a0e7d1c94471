/*
 * LLM Parameter Glossary: the parameter and memory calculator (/calculator/).
 *
 * A dependency-free port of count_parameters() in snippets/parameter-count/count_from_config.py: the same
 * families, the same keys, the same defaults and the same formulas, computed with BigInt so that the total is
 * exact for any size. tests/test_calculator.py drives this page in Chromium and compares it with the Python
 * tool on hundreds of configurations. The page is stricter than the tool in one way only: a size of zero is
 * refused here (the tool accepts it), so the page never shows a number the tool would not print.
 *
 * Works with Material's instant navigation: the script mounts the calculator on any page that has
 * <div id="calculator">, whether that page was loaded directly or reached by instant navigation (Material
 * re-runs the page's scripts then; document$ is also watched when it exists). Mounting is idempotent.
 */
(function () {
  "use strict";

  if (window.llmCalculator) {
    window.llmCalculator.mountAll();
    return;
  }


  // ------------------------------------------------------------------ counting (a port of the Python tool)

  var COMPONENTS = ["embeddings", "attention", "mlp", "norms", "output_head", "other"];
  var COMPONENT_LABELS = {
    embeddings: "Embeddings (token, position, type tables)",
    attention: "Attention (all layers)",
    mlp: "MLP (all layers)",
    norms: "Norms",
    output_head: "Output head",
    other: "Other (pooler, projections)",
  };
  var FAMILY_ORDER = ["gpt2", "gpt_neox", "opt", "bert", "llama", "mistral"];
  var FAMILY_NAMES = {
    gpt2: "GPT-2 (gpt2)",
    gpt_neox: "GPT-NeoX, Pythia (gpt_neox)",
    opt: "OPT (opt)",
    bert: "BERT encoder (bert)",
    llama: "Llama (llama)",
    mistral: "Mistral (mistral)",
  };
  // What the family fixes (the Python tool and the reference implementations do not make these configurable).
  var FAMILY_TRAITS = {
    gpt2: { positions: "learned absolute table (n_positions rows)", mlp: "plain: up and down projections with biases", norm: "LayerNorm (gain and shift)", attention: "multi-head, fused q, k, v projection" },
    gpt_neox: { positions: "rotary (no parameters)", mlp: "plain: up and down projections with biases", norm: "LayerNorm (gain and shift)", attention: "multi-head, fused q, k, v projection" },
    opt: { positions: "learned absolute table (2 extra rows)", mlp: "plain: up and down projections", norm: "LayerNorm (gain and shift)", attention: "multi-head, separate q, k, v projections" },
    bert: { positions: "learned absolute table, plus a token type table", mlp: "plain: up and down projections with biases", norm: "LayerNorm (gain and shift)", attention: "multi-head, bidirectional encoder (no KV cache)" },
    llama: { positions: "rotary (no parameters)", mlp: "gated: gate, up and down projections", norm: "RMSNorm (gain only)", attention: "grouped-query when key/value heads < heads" },
    mistral: { positions: "rotary (no parameters)", mlp: "gated: gate, up and down projections", norm: "RMSNorm (gain only)", attention: "grouped-query when key/value heads < heads" },
  };
  // Keys each family reads; every other key of a config is listed as not affecting the count.
  var KEYS_READ = {
    gpt2: ["vocab_size", "n_positions", "n_embd", "n_layer", "n_head", "n_inner", "tie_word_embeddings", "add_cross_attention"],
    gpt_neox: ["vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size", "tie_word_embeddings", "attention_bias"],
    opt: ["vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "ffn_dim", "max_position_embeddings", "word_embed_proj_dim", "tie_word_embeddings", "enable_bias", "do_layer_norm_before", "_remove_final_layer_norm", "layer_norm_elementwise_affine"],
    bert: ["vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size", "max_position_embeddings", "type_vocab_size", "position_embedding_type", "add_cross_attention", "is_decoder"],
    llama: ["vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads", "head_dim", "tie_word_embeddings", "attention_bias", "mlp_bias"],
  };
  KEYS_READ.mistral = KEYS_READ.llama;

  function show(v) {
    if (typeof v === "string") return "'" + v + "'";
    if (typeof v === "bigint") return v.toString();
    if (v === null || v === undefined) return "null";
    try { return stringify(v, -1); } catch (e) { return String(v); }
  }

  // Reads keys like the tool's _get/_req/_reject, but collects every problem instead of stopping at the first.
  function Reader(config) {
    this.c = config;
    this.errors = []; // {key, message}
  }
  Reader.prototype.has = function (key) {
    return Object.prototype.hasOwnProperty.call(this.c, key) && this.c[key] !== null && this.c[key] !== undefined;
  };
  Reader.prototype.err = function (key, message) {
    this.errors.push({ key: key, message: message });
    return null;
  };
  // A size: a whole number of at least 1 (the tool allows 0; the page refuses it).
  Reader.prototype.size = function (key, dflt, required) {
    if (!this.has(key)) {
      if (required) return this.err(key, "'" + key + "' is required for this family.");
      return dflt;
    }
    var v = this.c[key];
    if (typeof v === "boolean" || typeof v !== "bigint") {
      if (typeof v === "number") return this.err(key, "'" + key + "' must be a whole number (no decimal point or exponent).");
      return this.err(key, "'" + key + "' must be a whole number, got " + show(v) + ".");
    }
    if (v < 0n) return this.err(key, "'" + key + "' must be positive, got " + v + ".");
    if (v === 0n) return this.err(key, "'" + key + "' must be at least 1, got 0.");
    return v;
  };
  Reader.prototype.req = function (key) { return this.size(key, null, true); };
  Reader.prototype.bool = function (key, dflt) {
    if (!this.has(key)) return dflt;
    var v = this.c[key];
    if (typeof v !== "boolean") return this.err(key, "'" + key + "' must be true or false, got " + show(v) + ".");
    return v;
  };
  // Python's `value not in (allowed, None)`: 0 == False and 1 == True there, so compare numbers to booleans too.
  Reader.prototype.reject = function (key, allowed) {
    if (!this.has(key)) return;
    var v = this.c[key];
    var same = v === allowed;
    if (!same && typeof allowed === "boolean" && (typeof v === "bigint" || typeof v === "number")) {
      same = Number(v) === (allowed ? 1 : 0);
    }
    if (!same) this.err(key, "'" + key + "' = " + show(v) + " is not supported by this counter (only " + show(allowed) + ").");
  };
  Reader.prototype.headsDivide = function (d, heads, key) {
    if (d === null || heads === null) return;
    if (d % heads !== 0n) this.err(key, "The hidden size " + d + " is not divisible by " + heads + " heads ('" + key + "').");
  };
  Reader.prototype.ok = function () { return this.errors.length === 0; };

  function anyNull(values) {
    for (var i = 0; i < values.length; i++) if (values[i] === null) return true;
    return false;
  }

  var FAMILIES = {
    gpt2: function (r) {
      var V = r.req("vocab_size"), P = r.req("n_positions"), d = r.req("n_embd"), L = r.req("n_layer"), H = r.req("n_head");
      r.headsDivide(d, H, "n_head");
      r.reject("add_cross_attention", false);
      var inner = r.size("n_inner", d === null ? null : 4n * d);
      var tied = r.bool("tie_word_embeddings", true);
      if (!r.ok() || anyNull([V, P, d, L, H, inner, tied])) return null;
      return {
        breakdown: {
          embeddings: V * d + P * d,
          attention: L * (d * 3n * d + 3n * d + d * d + d),
          mlp: L * (d * inner + inner + inner * d + d),
          norms: L * 2n * 2n * d + 2n * d,
          output_head: tied ? 0n : V * d,
          other: 0n,
        },
        tied: tied,
        kv: { layers: L, heads: H, headDim: d / H },
      };
    },
    gpt_neox: function (r) {
      var V = r.req("vocab_size"), d = r.req("hidden_size"), L = r.req("num_hidden_layers"), H = r.req("num_attention_heads"), inner = r.req("intermediate_size");
      r.headsDivide(d, H, "num_attention_heads");
      var tied = r.bool("tie_word_embeddings", false);
      var bias = r.bool("attention_bias", true);
      if (!r.ok() || anyNull([V, d, L, H, inner, tied, bias])) return null;
      return {
        breakdown: {
          embeddings: V * d,
          attention: L * (d * 3n * d + d * d + (bias ? 3n * d + d : 0n)),
          mlp: L * (d * inner + inner + inner * d + d),
          norms: L * 2n * 2n * d + 2n * d,
          output_head: tied ? 0n : V * d,
          other: 0n,
        },
        tied: tied,
        kv: { layers: L, heads: H, headDim: d / H },
      };
    },
    opt: function (r) {
      var V = r.req("vocab_size"), d = r.req("hidden_size"), L = r.req("num_hidden_layers"), H = r.req("num_attention_heads"), inner = r.req("ffn_dim"), P = r.req("max_position_embeddings");
      r.headsDivide(d, H, "num_attention_heads");
      var p = r.size("word_embed_proj_dim", d);
      var tied = r.bool("tie_word_embeddings", true);
      var bias = r.bool("enable_bias", true);
      var preNorm = r.bool("do_layer_norm_before", true);
      var removeFinal = r.bool("_remove_final_layer_norm", false);
      var affine = r.bool("layer_norm_elementwise_affine", true);
      if (!r.ok() || anyNull([V, d, L, H, inner, P, p, tied, bias, preNorm, removeFinal, affine])) return null;
      var nNorms = 2n * L + (preNorm && !removeFinal ? 1n : 0n);
      return {
        breakdown: {
          embeddings: V * p + (P + 2n) * d,
          attention: L * 4n * (d * d + (bias ? d : 0n)),
          mlp: L * (d * inner + inner * d + (bias ? inner + d : 0n)),
          norms: affine ? nNorms * 2n * d : 0n,
          output_head: tied ? 0n : V * p,
          other: p !== d ? 2n * p * d : 0n,
        },
        tied: tied,
        kv: { layers: L, heads: H, headDim: d / H },
      };
    },
    bert: function (r) {
      var V = r.req("vocab_size"), d = r.req("hidden_size"), L = r.req("num_hidden_layers"), H = r.req("num_attention_heads"), inner = r.req("intermediate_size"), P = r.req("max_position_embeddings"), T = r.req("type_vocab_size");
      r.headsDivide(d, H, "num_attention_heads");
      r.reject("position_embedding_type", "absolute");
      r.reject("add_cross_attention", false);
      r.reject("is_decoder", false);
      if (!r.ok() || anyNull([V, d, L, H, inner, P, T])) return null;
      return {
        breakdown: {
          embeddings: (V + P + T) * d,
          attention: L * 4n * (d * d + d),
          mlp: L * (d * inner + inner + inner * d + d),
          norms: (2n * L + 1n) * 2n * d,
          output_head: 0n,
          other: d * d + d,
        },
        tied: false,
        kv: null, // an encoder reads the whole input at once and keeps no KV cache
      };
    },
    llama: function (r) {
      var V = r.req("vocab_size"), d = r.req("hidden_size"), inner = r.req("intermediate_size"), L = r.req("num_hidden_layers"), H = r.req("num_attention_heads");
      var K = r.size("num_key_value_heads", H);
      if (H !== null && K !== null && H % K !== 0n) {
        r.err("num_key_value_heads", "The " + H + " attention heads are not a multiple of the " + K + " key/value heads ('num_key_value_heads').");
      }
      var h;
      if (r.has("head_dim")) {
        h = r.size("head_dim", null);
      } else {
        r.headsDivide(d, H, "num_attention_heads");
        h = d !== null && H !== null ? d / H : null;
      }
      var tied = r.bool("tie_word_embeddings", false);
      var attnBias = r.bool("attention_bias", false);
      var mlpBias = r.bool("mlp_bias", false);
      if (!r.ok() || anyNull([V, d, inner, L, H, K, h, tied, attnBias, mlpBias])) return null;
      var perLayer = d * H * h + 2n * d * K * h + H * h * d + (attnBias ? H * h + 2n * K * h + d : 0n);
      return {
        breakdown: {
          embeddings: V * d,
          attention: L * perLayer,
          mlp: L * (3n * d * inner + (mlpBias ? 2n * inner + d : 0n)),
          norms: L * 2n * d + d,
          output_head: tied ? 0n : V * d,
          other: 0n,
        },
        tied: tied,
        kv: { layers: L, heads: K, headDim: h },
      };
    },
  };
  FAMILIES.mistral = FAMILIES.llama;

  // Returns {ok: true, model_type, total, non_embedding, tied_output_head, breakdown, kv, ignored}
  // or {ok: false, errors: [{key, message}]}.
  function countParameters(config) {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      return { ok: false, errors: [{ key: null, message: "A config must be a JSON object ({ ... })." }] };
    }
    var mt = config.model_type;
    if (mt === null || mt === undefined) {
      return { ok: false, errors: [{ key: "model_type", message: "The config has no 'model_type'; choose a family." }] };
    }
    if (typeof mt !== "string" || !Object.prototype.hasOwnProperty.call(FAMILIES, mt)) {
      return { ok: false, errors: [{ key: "model_type", message: "Unknown model_type " + show(mt) + " (supported: " + FAMILY_ORDER.slice().sort().join(", ") + ")." }] };
    }
    var r = new Reader(config);
    var res = FAMILIES[mt](r);
    if (!r.ok() || res === null) return { ok: false, errors: r.errors };
    var total = 0n;
    COMPONENTS.forEach(function (k) { total += res.breakdown[k]; });
    var read = KEYS_READ[mt];
    var ignored = Object.keys(config).filter(function (k) { return k !== "model_type" && read.indexOf(k) < 0; });
    return {
      ok: true,
      model_type: mt,
      total: total,
      non_embedding: total - res.breakdown.embeddings - res.breakdown.output_head,
      tied_output_head: res.tied,
      breakdown: res.breakdown,
      kv: res.kv,
      ignored: ignored,
    };
  }

  // ------------------------------------------------------------------ JSON that keeps integers exact

  function parseJSON(text) {
    return JSON.parse(text, function (key, value, context) {
      if (typeof value !== "number") return value;
      var source = context && context.source;
      if (typeof source === "string") return /^-?\d+$/.test(source) ? BigInt(source) : value;
      return Number.isInteger(value) ? BigInt(value) : value; // browsers without JSON.parse source access
    });
  }

  function stringify(v, indent) {
    var pretty = indent >= 0;
    var pad = function (n) { return pretty ? "\n" + "  ".repeat(n) : ""; };
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "number") return isFinite(v) ? JSON.stringify(v) : "null";
    if (v === null || typeof v !== "object") return v === undefined ? "null" : JSON.stringify(v);
    var next = pretty ? indent + 1 : -1;
    if (Array.isArray(v)) {
      if (!v.length) return "[]";
      return "[" + v.map(function (x) { return pad(next) + stringify(x, next); }).join(",") + pad(indent) + "]";
    }
    var keys = Object.keys(v);
    if (!keys.length) return "{}";
    return "{" + keys.map(function (k) {
      return pad(next) + JSON.stringify(k) + (pretty ? ": " : ":") + stringify(v[k], next);
    }).join(",") + pad(indent) + "}";
  }

  // A value typed in a field or read from the URL: whole numbers stay exact, true/false/null are literals.
  function parseScalar(text) {
    var t = String(text).trim();
    if (/^-?\d+$/.test(t)) return BigInt(t);
    if (t === "true") return true;
    if (t === "false") return false;
    if (t === "null") return null;
    if (/^-?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][+-]?\d+)$/.test(t)) return Number(t);
    if (/^[[{]/.test(t)) { try { return parseJSON(t); } catch (e) { /* keep the text */ } }
    return t;
  }

  function scalarText(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "string") return v;
    return stringify(v, -1);
  }

  // ------------------------------------------------------------------ formatting

  function grouped(n) { return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  function human(n) {
    var units = [["T", 1e12, "trillion"], ["B", 1e9, "billion"], ["M", 1e6, "million"], ["K", 1e3, "thousand"]];
    var x = Number(n);
    for (var i = 0; i < units.length; i++) {
      if (x >= units[i][1]) return (x / units[i][1]).toFixed(2) + " " + units[i][2];
    }
    return n.toString();
  }

  // Two decimals from 1 up; three significant digits below (0.0755 GB rather than 0.08 GB).
  function units(x) { return x === 0 ? "0" : x >= 1 ? x.toFixed(2) : x.toPrecision(3); }
  function gb(bytes) { return units(Number(bytes) / 1e9); }
  function gib(bytes) { return units(Number(bytes) / 1073741824); }
  function share(part, total) { return total === 0n ? "0.0%" : (Number(part * 1000000n / total) / 10000).toFixed(1) + "%"; }

  // ------------------------------------------------------------------ presets (copies of snippets/parameter-count/configs/*.json)

  var PRESETS = [
    { id: "gpt2", name: "GPT-2 small", json: "{\"_name_or_path\":\"gpt2\",\"architectures\":[\"GPT2LMHeadModel\"],\"model_type\":\"gpt2\",\"vocab_size\":50257,\"n_positions\":1024,\"n_ctx\":1024,\"n_embd\":768,\"n_layer\":12,\"n_head\":12,\"activation_function\":\"gelu_new\",\"layer_norm_epsilon\":1e-05,\"resid_pdrop\":0.1,\"bos_token_id\":50256,\"eos_token_id\":50256}" },
    { id: "gpt2-medium", name: "GPT-2 medium", json: "{\"_name_or_path\":\"gpt2-medium\",\"architectures\":[\"GPT2LMHeadModel\"],\"model_type\":\"gpt2\",\"vocab_size\":50257,\"n_positions\":1024,\"n_ctx\":1024,\"n_embd\":1024,\"n_layer\":24,\"n_head\":16,\"activation_function\":\"gelu_new\",\"layer_norm_epsilon\":1e-05,\"resid_pdrop\":0.1,\"bos_token_id\":50256,\"eos_token_id\":50256}" },
    { id: "gpt2-large", name: "GPT-2 large", json: "{\"_name_or_path\":\"gpt2-large\",\"architectures\":[\"GPT2LMHeadModel\"],\"model_type\":\"gpt2\",\"vocab_size\":50257,\"n_positions\":1024,\"n_ctx\":1024,\"n_embd\":1280,\"n_layer\":36,\"n_head\":20,\"activation_function\":\"gelu_new\",\"layer_norm_epsilon\":1e-05,\"resid_pdrop\":0.1,\"bos_token_id\":50256,\"eos_token_id\":50256}" },
    { id: "gpt2-xl", name: "GPT-2 XL", json: "{\"_name_or_path\":\"gpt2-xl\",\"architectures\":[\"GPT2LMHeadModel\"],\"model_type\":\"gpt2\",\"vocab_size\":50257,\"n_positions\":1024,\"n_ctx\":1024,\"n_embd\":1600,\"n_layer\":48,\"n_head\":25,\"activation_function\":\"gelu_new\",\"layer_norm_epsilon\":1e-05,\"resid_pdrop\":0.1,\"bos_token_id\":50256,\"eos_token_id\":50256}" },
    { id: "bert-base-uncased", name: "BERT-base (uncased)", json: "{\"_name_or_path\":\"bert-base-uncased\",\"architectures\":[\"BertForMaskedLM\"],\"model_type\":\"bert\",\"vocab_size\":30522,\"hidden_size\":768,\"num_hidden_layers\":12,\"num_attention_heads\":12,\"intermediate_size\":3072,\"hidden_act\":\"gelu\",\"max_position_embeddings\":512,\"type_vocab_size\":2,\"position_embedding_type\":\"absolute\",\"layer_norm_eps\":1e-12,\"hidden_dropout_prob\":0.1,\"pad_token_id\":0}" },
    { id: "opt-125m", name: "OPT-125m", json: "{\"_name_or_path\":\"facebook/opt-125m\",\"architectures\":[\"OPTForCausalLM\"],\"model_type\":\"opt\",\"vocab_size\":50272,\"hidden_size\":768,\"num_hidden_layers\":12,\"ffn_dim\":3072,\"num_attention_heads\":12,\"max_position_embeddings\":2048,\"word_embed_proj_dim\":768,\"do_layer_norm_before\":true,\"activation_function\":\"relu\",\"dropout\":0.1,\"pad_token_id\":1,\"bos_token_id\":2,\"eos_token_id\":2}" },
    { id: "pythia-160m", name: "Pythia-160m", json: "{\"_name_or_path\":\"EleutherAI/pythia-160m\",\"architectures\":[\"GPTNeoXForCausalLM\"],\"model_type\":\"gpt_neox\",\"vocab_size\":50304,\"hidden_size\":768,\"num_hidden_layers\":12,\"num_attention_heads\":12,\"intermediate_size\":3072,\"max_position_embeddings\":2048,\"rotary_pct\":0.25,\"rotary_emb_base\":10000,\"use_parallel_residual\":true,\"hidden_act\":\"gelu\",\"layer_norm_eps\":1e-05,\"tie_word_embeddings\":false,\"bos_token_id\":0,\"eos_token_id\":0}" },
    { id: "tinyllama-1.1b", name: "TinyLlama 1.1B", json: "{\"_name_or_path\":\"TinyLlama/TinyLlama-1.1B-Chat-v1.0\",\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"vocab_size\":32000,\"hidden_size\":2048,\"intermediate_size\":5632,\"num_hidden_layers\":22,\"num_attention_heads\":32,\"num_key_value_heads\":4,\"max_position_embeddings\":2048,\"hidden_act\":\"silu\",\"rms_norm_eps\":1e-05,\"rope_theta\":10000.0,\"tie_word_embeddings\":false,\"torch_dtype\":\"bfloat16\",\"bos_token_id\":1,\"eos_token_id\":2}" },
    { id: "llama-2-7b", name: "Llama 2 7B", json: "{\"_name_or_path\":\"meta-llama/Llama-2-7b-hf\",\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"vocab_size\":32000,\"hidden_size\":4096,\"intermediate_size\":11008,\"num_hidden_layers\":32,\"num_attention_heads\":32,\"num_key_value_heads\":32,\"max_position_embeddings\":4096,\"hidden_act\":\"silu\",\"rms_norm_eps\":1e-05,\"rope_theta\":10000.0,\"tie_word_embeddings\":false,\"torch_dtype\":\"float16\",\"bos_token_id\":1,\"eos_token_id\":2}" },
    { id: "llama-3-8b", name: "Llama 3 8B", json: "{\"_name_or_path\":\"meta-llama/Meta-Llama-3-8B\",\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"vocab_size\":128256,\"hidden_size\":4096,\"intermediate_size\":14336,\"num_hidden_layers\":32,\"num_attention_heads\":32,\"num_key_value_heads\":8,\"max_position_embeddings\":8192,\"hidden_act\":\"silu\",\"rms_norm_eps\":1e-05,\"rope_theta\":500000.0,\"tie_word_embeddings\":false,\"torch_dtype\":\"bfloat16\",\"bos_token_id\":128000,\"eos_token_id\":128001}" },
    { id: "mistral-7b-v0.1", name: "Mistral 7B v0.1", json: "{\"_name_or_path\":\"mistralai/Mistral-7B-v0.1\",\"architectures\":[\"MistralForCausalLM\"],\"model_type\":\"mistral\",\"vocab_size\":32000,\"hidden_size\":4096,\"intermediate_size\":14336,\"num_hidden_layers\":32,\"num_attention_heads\":32,\"num_key_value_heads\":8,\"max_position_embeddings\":32768,\"hidden_act\":\"silu\",\"rms_norm_eps\":1e-05,\"rope_theta\":10000.0,\"tie_word_embeddings\":false,\"torch_dtype\":\"bfloat16\",\"sliding_window\":4096,\"bos_token_id\":1,\"eos_token_id\":2}" },
  ];

  var DEFAULT_PRESET = "gpt2";
  function only() { return Array.prototype.slice.call(arguments); }

  // Form fields. Each maps, per family, to the config.json key it edits; a field a family does not read is hidden.
  var FIELDS = [
    { id: "layers", label: "Layers", keys: { gpt2: "n_layer", _: "num_hidden_layers" }, hint: "Transformer blocks stacked." },
    { id: "hidden", label: "Hidden size", keys: { gpt2: "n_embd", _: "hidden_size" }, hint: "Width d of the residual stream and of every embedding vector." },
    { id: "heads", label: "Attention heads", keys: { gpt2: "n_head", _: "num_attention_heads" }, hint: "Query heads; must divide the hidden size unless a head dimension is given." },
    { id: "kv_heads", label: "Key/value heads", families: only("llama", "mistral"), keys: { _: "num_key_value_heads" }, optional: true, placeholder: "same as heads", hint: "Fewer than the heads is grouped-query attention; 1 is multi-query. Must divide the heads." },
    { id: "head_dim", label: "Head dimension", families: only("llama", "mistral"), keys: { _: "head_dim" }, optional: true, placeholder: "hidden size / heads", hint: "Width of one head; leave empty for hidden size / heads." },
    { id: "mlp", label: "MLP width", keys: { gpt2: "n_inner", opt: "ffn_dim", _: "intermediate_size" }, optionalIn: only("gpt2"), placeholder: "4 x hidden size", hint: "Inner width of the feed-forward block." },
    { id: "vocab", label: "Vocabulary size", keys: { _: "vocab_size" }, hint: "Rows of the token embedding table." },
    { id: "positions", label: "Learned positions", families: only("gpt2", "opt", "bert"), keys: { gpt2: "n_positions", _: "max_position_embeddings" }, hint: "Rows of the learned position table (the longest input)." },
    { id: "type_vocab", label: "Token types", families: only("bert"), keys: { _: "type_vocab_size" }, hint: "Rows of BERT's segment (token type) table." },
    { id: "proj_dim", label: "Word embedding width", families: only("opt"), keys: { _: "word_embed_proj_dim" }, optional: true, placeholder: "hidden size", hint: "OPT-350m style: embeddings narrower than the hidden size, with projections in and out." },
    { id: "tied", kind: "bool", label: "Output head tied to the token embeddings", families: only("gpt2", "gpt_neox", "opt", "llama", "mistral"), keys: { _: "tie_word_embeddings" }, defaults: { gpt2: true, gpt_neox: false, opt: true, llama: false, mistral: false } },
    { id: "attn_bias", kind: "bool", label: "Biases in the attention projections", families: only("gpt_neox", "llama", "mistral"), keys: { _: "attention_bias" }, defaults: { gpt_neox: true, llama: false, mistral: false } },
    { id: "mlp_bias", kind: "bool", label: "Biases in the MLP projections", families: only("llama", "mistral"), keys: { _: "mlp_bias" }, defaults: { llama: false, mistral: false } },
    { id: "enable_bias", kind: "bool", label: "Biases in attention and MLP", families: only("opt"), keys: { _: "enable_bias" }, defaults: { opt: true } },
    { id: "pre_norm", kind: "bool", label: "LayerNorm before each sub-block (pre-norm)", families: only("opt"), keys: { _: "do_layer_norm_before" }, defaults: { opt: true } },
    { id: "no_final_norm", kind: "bool", label: "Final LayerNorm removed", families: only("opt"), keys: { _: "_remove_final_layer_norm" }, defaults: { opt: false } },
    { id: "norm_affine", kind: "bool", label: "LayerNorms have a gain and a shift", families: only("opt"), keys: { _: "layer_norm_elementwise_affine" }, defaults: { opt: true } },
  ];
  var CALC_FIELDS = [
    { id: "context", key: "context_length", label: "Context length (tokens)", dflt: "2048", hint: "Tokens held in the KV cache per sequence." },
    { id: "batch", key: "batch_size", label: "Batch size (sequences)", dflt: "1", hint: "Sequences decoded at once." },
  ];
  var KV_DTYPES = [["fp32", 4, "fp32 (4 bytes)"], ["bf16", 2, "bf16 or fp16 (2 bytes)"], ["int8", 1, "fp8 or int8 (1 byte)"]];
  var CALC_KEYS = ["context_length", "batch_size", "kv_cache_dtype"];
  var IGNORED_QUERY_KEYS = ["h"]; // Material's search adds ?h=... to highlight the words searched for

  function fieldKey(field, family) {
    if (field.families && field.families.indexOf(family) < 0) return null;
    if (!Object.prototype.hasOwnProperty.call(FAMILIES, family)) return null;
    return field.keys[family] || field.keys._;
  }
  function isOptional(field, family) {
    return !!field.optional || (field.optionalIn && field.optionalIn.indexOf(family) >= 0);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  // A labelled control with a hint and an error slot, both referenced by aria-describedby.
  function fieldBlock(id, labelText, control, hint, isCheckbox) {
    var hintId = id + "-hint", errId = id + "-error";
    control.id = id;
    control.setAttribute("aria-describedby", (hint ? hintId + " " : "") + errId);
    var label = el("label", { for: id, text: labelText });
    var parts = isCheckbox ? [control, label] : [label, control];
    var wrap = el("div", { class: "calc-field" + (isCheckbox ? " calc-check" : ""), id: id + "-field" }, [
      el("div", { class: "calc-control" }, parts),
      hint ? el("p", { class: "calc-hint", id: hintId, text: hint }) : null,
      el("p", { class: "calc-error", id: errId }),
    ]);
    return wrap;
  }

  function mount(root) {
    if (root.getAttribute("data-calc-mounted") === "yes") return;
    root.setAttribute("data-calc-mounted", "yes");
    Array.prototype.slice.call(root.querySelectorAll("noscript")).forEach(function (n) { n.remove(); });

    var state = { config: null, jsonError: null, urlTimer: null };
    var controls = {};

    // ---- build the form
    var preset = el("select", { name: "preset" }, [el("option", { value: "custom", text: "Custom (edited)" })]
      .concat(PRESETS.map(function (p) { return el("option", { value: p.id, text: p.name }); })));
    var textarea = el("textarea", { name: "config-json", rows: "12", spellcheck: "false", autocomplete: "off", class: "calc-json" });
    var family = el("select", { name: "model_type" }, [el("option", { value: "", text: "Choose a family" })]
      .concat(FAMILY_ORDER.map(function (f) { return el("option", { value: f, text: FAMILY_NAMES[f] }); })));
    var traits = el("dl", { class: "calc-traits", id: "calc-traits" });

    var sizeBlocks = [], optionBlocks = [];
    FIELDS.forEach(function (f) {
      var control;
      if (f.kind === "bool") {
        control = el("input", { type: "checkbox", name: f.id });
      } else {
        control = el("input", { type: "text", inputmode: "numeric", autocomplete: "off", spellcheck: "false", name: f.id });
      }
      controls[f.id] = control;
      var block = fieldBlock("calc-" + f.id, f.label, control, f.hint || "", f.kind === "bool");
      f.block = block;
      (f.kind === "bool" ? optionBlocks : sizeBlocks).push(block);
    });
    CALC_FIELDS.forEach(function (f) {
      var control = el("input", { type: "text", inputmode: "numeric", autocomplete: "off", name: f.key, value: f.dflt });
      controls[f.id] = control;
      f.block = fieldBlock("calc-" + f.id, f.label, control, f.hint, false);
    });
    var kvDtype = el("select", { name: "kv_cache_dtype" }, KV_DTYPES.map(function (t) { return el("option", { value: t[0], text: t[2] }); }));
    kvDtype.value = "bf16";

    var form = el("form", { class: "calc-form", "aria-label": "Model configuration", novalidate: true }, [
      el("fieldset", {}, [
        el("legend", { text: "Start from a model" }),
        fieldBlock("calc-preset", "Preset", preset, "Choosing one fills every field; editing a field afterwards makes it custom."),
        fieldBlock("config-json", "config.json (paste a Hugging Face config here)", textarea, "The whole config as JSON. Pasting it updates everything at once; the fields below edit it."),
      ]),
      el("fieldset", {}, [
        el("legend", { text: "Architecture" }),
        fieldBlock("calc-model-type", "Family (model_type)", family, "Each family fixes its position encoding, MLP and norm type:"),
        traits,
      ]),
      el("fieldset", { class: "calc-sizes" }, [el("legend", { text: "Sizes" })].concat(sizeBlocks)),
      el("fieldset", {}, [el("legend", { text: "Options" })].concat(optionBlocks)),
      el("fieldset", {}, [
        el("legend", { text: "KV cache" }),
        CALC_FIELDS[0].block,
        CALC_FIELDS[1].block,
        fieldBlock("calc-kv-dtype", "KV cache precision", kvDtype, ""),
      ]),
    ]);
    form.addEventListener("submit", function (e) { e.preventDefault(); });

    // ---- results
    var total = el("strong", { id: "total", text: "" });
    var statusBefore = el("span", { id: "calc-status-before" }), statusAfter = el("span", { id: "calc-status-after" });
    var statusLine = el("p", { id: "calc-status", role: "status", "aria-live": "polite", "aria-atomic": "true", class: "calc-status" },
      [statusBefore, total, statusAfter]);
    var breakdownBody = el("tbody");
    var breakdown = el("table", { id: "calc-breakdown", class: "calc-table" }, [
      el("caption", { text: "Parameters by component" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Component" }), el("th", { scope: "col", text: "Parameters" }), el("th", { scope: "col", text: "Share" })])]),
      breakdownBody,
    ]);
    var memoryBody = el("tbody");
    var memory = el("table", { id: "calc-memory", class: "calc-table" }, [
      el("caption", { text: "Memory (GB = 10^9 bytes, GiB = 2^30 bytes)" }),
      el("thead", {}, [el("tr", {}, [
        el("th", { scope: "col", text: "What is stored" }), el("th", { scope: "col", text: "GB" }), el("th", { scope: "col", text: "GiB" }),
      ])]),
      memoryBody,
    ]);
    var kvNote = el("p", { id: "calc-kv-note", class: "calc-note" });
    var ignored = el("p", { id: "calc-ignored", class: "calc-note" });
    var shareLink = el("a", { id: "calc-share", href: "./" , text: "Link to this configuration" });
    var results = el("div", { class: "calc-results", id: "calc-results" }, [
      statusLine,
      el("div", { class: "calc-tables", id: "calc-tables" }, [
        el("div", { class: "calc-scroll", role: "region", "aria-label": "Parameters by component" }, [breakdown]),
        el("div", { class: "calc-scroll", role: "region", "aria-label": "Memory" }, [memory]),
        kvNote,
      ]),
      ignored,
      el("p", { class: "calc-note" }, [shareLink]),
    ]);

    // On a phone the results sit below a long form: while they are out of sight below, a bar at the foot of
    // the screen shows the total and jumps to them. (The status line above remains what screen readers hear.)
    var peek = el("a", { class: "calc-peek", id: "calc-peek", href: "#calc-results", hidden: "" });

    root.appendChild(el("div", { class: "calc-grid" }, [form, results]));
    root.appendChild(peek);
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        var e = entries[entries.length - 1];
        peek.hidden = e.isIntersecting || e.boundingClientRect.top < 0;  // shown only while the results are below
      }).observe(results);
    }

    // A table wider than a small screen scrolls sideways; keyboard users can then focus it to scroll it.
    function scrollFocus() {
      Array.prototype.slice.call(root.querySelectorAll(".calc-scroll")).forEach(function (box) {
        if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
        else box.removeAttribute("tabindex");
      });
    }
    window.addEventListener("resize", function () { if (root.isConnected) scrollFocus(); });

    // ---- errors next to fields
    function setError(control, message) {
      var slot = document.getElementById(control.id + "-error");
      slot.textContent = message || "";
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    function clearErrors() {
      Object.keys(controls).forEach(function (k) { setError(controls[k], ""); });
      setError(family, "");
      setError(textarea, "");
      setError(kvDtype, "");
    }

    function familyOf(config) {
      var mt = config && config.model_type;
      return typeof mt === "string" && Object.prototype.hasOwnProperty.call(FAMILIES, mt) ? mt : null;
    }

    // ---- state -> form
    function fillForm() {
      var c = state.config || {};
      var fam = familyOf(c);
      family.value = fam || "";
      var t = FAMILY_TRAITS[fam];
      traits.textContent = "";
      if (t) {
        [["Positions", t.positions], ["MLP", t.mlp], ["Norm", t.norm], ["Attention", t.attention]].forEach(function (p) {
          traits.appendChild(el("dt", { text: p[0] }));
          traits.appendChild(el("dd", { text: p[1] }));
        });
      }
      FIELDS.forEach(function (f) {
        var key = fam ? fieldKey(f, fam) : null;
        f.block.hidden = !key;
        var control = controls[f.id];
        control.disabled = !key;
        if (!key) return;
        control.setAttribute("data-key", key);
        var has = Object.prototype.hasOwnProperty.call(c, key) && c[key] !== null;
        if (f.kind === "bool") {
          control.checked = has && typeof c[key] === "boolean" ? c[key] : f.defaults[fam];
        } else {
          control.value = has ? scalarText(c[key]) : "";
          var opt = isOptional(f, fam);
          if (opt) control.setAttribute("placeholder", f.placeholder);
          else control.removeAttribute("placeholder");
          control.required = !opt;
          if (!opt) control.setAttribute("aria-required", "true");
          else control.removeAttribute("aria-required");
        }
      });
    }

    function fillTextarea() { textarea.value = stringify(state.config, 0) + "\n"; }

    // ---- form -> state
    function readField(f) {
      var fam = familyOf(state.config);
      var key = fam ? fieldKey(f, fam) : null;
      if (!key) return;
      var control = controls[f.id];
      if (f.kind === "bool") {
        state.config[key] = control.checked;
      } else {
        var text = control.value.trim();
        if (text === "") delete state.config[key];
        else state.config[key] = /^[+-]?\d+$/.test(text) ? BigInt(text) : text;
      }
    }

    function switchFamily(fam) {
      var old = state.config || {};
      var oldFam = familyOf(old);
      var template = PRESETS.filter(function (p) { return p.family === fam; })[0];
      var base = template ? parseJSON(template.json) : {};
      var next = { model_type: fam };
      FIELDS.forEach(function (f) {
        var key = fieldKey(f, fam);
        if (!key) return;
        var oldKey = oldFam ? fieldKey(f, oldFam) : null;
        if (oldKey && Object.prototype.hasOwnProperty.call(old, oldKey) && f.kind !== "bool") next[key] = old[oldKey];
        else if (!isOptional(f, fam) && f.kind !== "bool" && Object.prototype.hasOwnProperty.call(base, key)) next[key] = base[key];
      });
      state.config = next;
    }

    // ---- URL <-> state
    function calcSettings() {
      return {
        context_length: controls.context.value.trim(),
        batch_size: controls.batch.value.trim(),
        kv_cache_dtype: kvDtype.value,
      };
    }
    function queryString() {
      var params = new URLSearchParams();
      var c = state.config || {};
      Object.keys(c).forEach(function (k) {
        var v = c[k];
        if (v !== null && typeof v === "object") return; // lists and nested objects (such as architectures) stay out of the URL
        params.append(k, v === null ? "null" : scalarText(v));
      });
      var s = calcSettings();
      CALC_KEYS.forEach(function (k) { params.append(k, s[k]); });
      return "?" + params.toString();
    }
    function scheduleUrl() {
      var qs = queryString();
      shareLink.setAttribute("href", qs);
      clearTimeout(state.urlTimer);
      state.urlTimer = setTimeout(function () {
        if (!root.isConnected) return; // the reader has navigated away (instant navigation)
        var url = location.pathname + qs + location.hash;
        if (url === location.pathname + location.search + location.hash) return;
        try {
          history.replaceState(history.state, "", url);
        } catch (e) {
          /* file:// pages (the offline copy) may refuse; the share link still carries the configuration */
        }
      }, 150);
    }
    function fromQuery() {
      var params = new URLSearchParams(location.search);
      var config = {}, any = false;
      params.forEach(function (value, key) {
        if (IGNORED_QUERY_KEYS.indexOf(key) >= 0) return;
        if (key === "context_length") { controls.context.value = value; return; }
        if (key === "batch_size") { controls.batch.value = value; return; }
        if (key === "kv_cache_dtype") {
          if (KV_DTYPES.some(function (t) { return t[0] === value; })) kvDtype.value = value;
          return;
        }
        any = true;
        config[key] = key === "model_type" ? value : parseScalar(value);
      });
      return any ? config : null;
    }

    // ---- compute and show
    function kvBytesPerValue() {
      var t = KV_DTYPES.filter(function (x) { return x[0] === kvDtype.value; })[0];
      return BigInt(t ? t[1] : 2);
    }
    function positiveInt(control, what) {
      var text = control.value.trim();
      if (!/^[+-]?\d+$/.test(text)) { setError(control, what + " must be a whole number" + (text ? ", got '" + text + "'." : ".")); return null; }
      var v = BigInt(text);
      if (v <= 0n) { setError(control, what + " must be at least 1, got " + v + "."); return null; }
      return v;
    }

    function memoryRow(label, bytes, id) {
      var tr = el("tr", { "data-memory": id, "data-bytes": bytes === null ? null : bytes.toString(), title: bytes === null ? null : grouped(bytes) + " bytes" }, [
        el("th", { scope: "row", text: label }),
        el("td", { text: bytes === null ? "—" : gb(bytes) + " GB" }),
        el("td", { text: bytes === null ? "—" : gib(bytes) + " GiB" }),
      ]);
      return tr;
    }

    function render() {
      clearErrors();
      var result = null;
      var errors = [];
      if (state.jsonError) {
        errors.push({ control: textarea, message: state.jsonError });
      } else {
        result = countParameters(state.config);
        if (!result.ok) {
          var fam = familyOf(state.config);
          var byControl = new Map();
          result.errors.forEach(function (e) {
            var control = textarea;
            if (e.key === "model_type") control = family;
            else if (fam && e.key) {
              FIELDS.forEach(function (f) { if (fieldKey(f, fam) === e.key) control = controls[f.id]; });
            }
            byControl.set(control, (byControl.get(control) ? byControl.get(control) + " " : "") + e.message);
          });
          byControl.forEach(function (message, control) { errors.push({ control: control, message: message }); });
          result = null;
        }
      }
      errors.forEach(function (e) { setError(e.control, e.message); });

      breakdownBody.textContent = "";
      memoryBody.textContent = "";
      var context = positiveInt(controls.context, "The context length");
      var batch = positiveInt(controls.batch, "The batch size");

      if (!result) {
        total.removeAttribute("data-value");
        total.textContent = "";
        statusLine.removeAttribute("data-non-embedding");
        statusAfter.textContent = "";
        // Name each field to fix, as a button that moves the focus to it.
        statusBefore.textContent = "No count: fix " + (errors.length === 1 ? "this field" : "these fields") + " first: ";
        errors.forEach(function (e, i) {
          var label = root.querySelector("label[for='" + e.control.id + "']");
          var jump = el("button", { type: "button", class: "calc-jump", text: label ? label.textContent : e.control.id });
          jump.addEventListener("click", function () { e.control.focus(); });
          if (i) statusBefore.appendChild(document.createTextNode("; "));
          statusBefore.appendChild(jump);
        });
        statusBefore.appendChild(document.createTextNode("."));
        statusLine.classList.add("calc-status-error");
        peek.textContent = "No count: see the fields to fix";
        document.getElementById("calc-tables").hidden = true;
        ignored.textContent = "";
        return;
      }
      statusLine.classList.remove("calc-status-error");
      document.getElementById("calc-tables").hidden = false;
      total.setAttribute("data-value", result.total.toString());
      total.textContent = grouped(result.total);
      statusBefore.textContent = "Total: ";
      statusAfter.textContent = " parameters (" + human(result.total) + "); " + grouped(result.non_embedding) +
        " without embeddings and output head.";
      statusLine.setAttribute("data-non-embedding", result.non_embedding.toString());
      peek.textContent = "Total: " + grouped(result.total) + " parameters, see the breakdown";

      COMPONENTS.forEach(function (k) {
        var n = result.breakdown[k];
        var label = COMPONENT_LABELS[k] + (k === "output_head" && result.tied_output_head ? " (tied: shares the token embeddings)" : "");
        breakdownBody.appendChild(el("tr", {}, [
          el("th", { scope: "row", text: label }),
          el("td", { "data-component": k, "data-value": n.toString(), text: grouped(n) }),
          el("td", { text: share(n, result.total) }),
        ]));
      });
      breakdownBody.appendChild(el("tr", { class: "calc-total-row" }, [
        el("th", { scope: "row", text: "Total" }),
        el("td", { "data-component": "total", "data-value": result.total.toString(), text: grouped(result.total) }),
        el("td", { text: "100%" }),
      ]));

      var T = result.total;
      memoryBody.appendChild(memoryRow("Weights, fp32 (4 bytes each)", 4n * T, "fp32"));
      memoryBody.appendChild(memoryRow("Weights, bf16 or fp16 (2 bytes)", 2n * T, "bf16"));
      memoryBody.appendChild(memoryRow("Weights, int8 (1 byte)", T, "int8"));
      memoryBody.appendChild(memoryRow("Weights, int4 (half a byte)", (T + 1n) / 2n, "int4"));
      memoryBody.appendChild(memoryRow("Training, Adam in mixed precision (16 bytes)", 16n * T, "adam"));
      var kvBytes = null;
      if (!result.kv) {
        memoryBody.appendChild(memoryRow("KV cache (none: an encoder)", null, "kv"));
        kvNote.textContent = "BERT is an encoder: it reads its whole input at once and keeps no KV cache.";
      } else {
        var kv = result.kv;
        var b = kvBytesPerValue();
        if (context !== null && batch !== null) kvBytes = 2n * kv.layers * kv.heads * kv.headDim * b * context * batch;
        memoryBody.appendChild(memoryRow("KV cache (" + kvDtype.value + ")", kvBytes, "kv"));
        kvNote.textContent = "KV cache = 2 (key and value) x " + kv.layers + " layers x " + kv.heads + " key/value heads x " + kv.headDim +
          " head dim x " + b + " bytes x " + (context === null ? "?" : context) + " tokens x " + (batch === null ? "?" : batch) +
          " sequences" + (kvBytes === null ? "." : " = " + grouped(kvBytes) + " bytes.") +
          " Weights: int4 leaves out quantization scales; training leaves out activations.";
      }

      ignored.textContent = result.ignored.length
        ? "Keys that do not affect the count: " + result.ignored.join(", ") + "."
        : "Every key of this config affects the count.";
    }

    function matchPreset() {
      var q = stringify(state.config, -1);
      var hit = PRESETS.filter(function (p) { return stringify(parseJSON(p.json), -1) === q; })[0];
      preset.value = hit ? hit.id : "custom";
    }

    function update(opts) {
      opts = opts || {};
      if (opts.form) fillForm();
      if (opts.textarea) fillTextarea();
      if (opts.preset) matchPreset();
      render();
      scrollFocus();
      scheduleUrl();
    }

    // ---- events
    preset.addEventListener("change", function () {
      var p = PRESETS.filter(function (x) { return x.id === preset.value; })[0];
      if (!p) return;
      state.config = parseJSON(p.json);
      state.jsonError = null;
      update({ form: true, textarea: true });
    });
    textarea.addEventListener("input", function () {
      var parsed;
      try {
        parsed = parseJSON(textarea.value);
      } catch (e) {
        state.jsonError = "This is not valid JSON: " + e.message;
        update({});
        return;
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        state.jsonError = "A config must be a JSON object ({ ... }).";
        update({});
        return;
      }
      state.jsonError = null;
      state.config = parsed;
      update({ form: true, preset: true });
    });
    family.addEventListener("change", function () {
      if (!family.value) return;
      switchFamily(family.value);
      state.jsonError = null;
      update({ form: true, textarea: true, preset: true });
    });
    FIELDS.forEach(function (f) {
      var control = controls[f.id];
      control.addEventListener(f.kind === "bool" ? "change" : "input", function () {
        if (state.jsonError || !state.config) return;
        readField(f);
        preset.value = "custom";
        update({ textarea: true });
      });
    });
    [controls.context, controls.batch].forEach(function (c) { c.addEventListener("input", function () { update({}); }); });
    kvDtype.addEventListener("change", function () { update({}); });

    // ---- start: from the URL when it carries a config, else the default preset
    var fromUrl = fromQuery();
    state.config = fromUrl || parseJSON(PRESETS.filter(function (p) { return p.id === DEFAULT_PRESET; })[0].json);
    fillForm();
    fillTextarea();
    matchPreset();
    render();
    scrollFocus();
    if (fromUrl) scheduleUrl();
    else shareLink.setAttribute("href", queryString());
  }

  function mountAll() {
    var root = document.getElementById("calculator");
    if (root) mount(root);
  }

  PRESETS.forEach(function (p) { p.family = JSON.parse(p.json).model_type; });
  window.llmCalculator = { mountAll: mountAll, countParameters: countParameters, parseJSON: parseJSON, stringify: stringify };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
  // Material's instant navigation: mount again whenever a new page is shown (a no-op elsewhere).
  function watchMaterial() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(function () { mountAll(); });
  }
  if (document.readyState === "complete") watchMaterial();
  else window.addEventListener("load", watchMaterial);
})();
