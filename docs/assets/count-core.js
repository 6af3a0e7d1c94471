/*
 * LLM Parameter Glossary: the counting core of the calculator, with no user interface.
 *
 * It evaluates the counting rules of the Python counter (the package count_params, counter/), which are data:
 * the build (hooks/count_rules.py) writes them, compiled to expression trees, into assets/count-rules.js, and this
 * module evaluates those trees exactly as the Python tool does, with BigInt so that every count is exact.
 * Nothing here knows a model family: a family is supported when the rules say so. tests/pages/test_calculator.py
 * runs this file in Node against the Python tool on thousands of configurations.
 *
 * Works as a browser script (window.llmCountCore) and as a CommonJS module (require("./count-core.js")).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.llmCountCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  function ConfigError(message, key) {
    this.message = message;
    this.key = key === undefined ? null : key;
  }

  // Python's repr() for the values a config holds, for messages.
  function show(v) {
    if (typeof v === "string") return "'" + v + "'";
    if (typeof v === "bigint") return v.toString();
    if (v === null || v === undefined) return "None";
    if (v === true) return "True";
    if (v === false) return "False";
    if (Array.isArray(v)) return "[" + v.map(show).join(", ") + "]";
    if (typeof v === "number") return String(v);
    return "{...}";
  }

  function kind(v) {
    if (typeof v === "boolean") return "bool";
    if (typeof v === "bigint") return "int";
    if (typeof v === "string") return "str";
    if (Array.isArray(v)) return "list";
    return "other";
  }

  function truthy(v) {
    if (Array.isArray(v)) return v.length > 0;
    return !!v && v !== 0n;
  }

  function keyOf(node, keys) {
    return Array.isArray(node) && node[0] === "var" && has(keys, node[1]) ? keys[node[1]] : null;
  }
  function describe(node, keys) {
    var key = keyOf(node, keys);
    return key ? "'" + key + "'" : "a size";
  }

  // Qwen's MoE layers: every step-th layer (1-based) except those listed in skip.
  function moeLayers(layers, step, skip) {
    var count = layers / step;
    var seen = {};
    skip.forEach(function (i) {
      if (i < layers && (i + 1n) % step === 0n && !seen[i]) { seen[i] = true; count -= 1n; }
    });
    return count;
  }

  // Layers that llama.cpp's use_more_bits(i, n) picks (src/llama-quant.cpp).
  function moreBits(n) {
    var count = 0n, eighth = n / 8n, last = 7n * n / 8n;
    for (var i = 0n; i < n; i++) if (i < eighth || i >= last || (i - eighth) % 3n === 2n) count += 1n;
    return count;
  }

  function evaluate(node, env, keys) {
    if (!Array.isArray(node)) return typeof node === "number" ? BigInt(node) : node;
    var op = node[0];
    if (op === "var") return env[node[1]];
    if (op === "str") return node[1];
    if (op === "list") return [];
    if (op === "if") return evaluate(truthy(evaluate(node[1], env, keys)) ? node[2] : node[3], env, keys);
    if (op === "and") return truthy(evaluate(node[1], env, keys)) && truthy(evaluate(node[2], env, keys));
    if (op === "or") return truthy(evaluate(node[1], env, keys)) || truthy(evaluate(node[2], env, keys));
    if (op === "call") {
      var args = node.slice(2).map(function (a) { return evaluate(a, env, keys); });
      if (node[1] === "startswith") return args[0].startsWith(args[1]);
      if (node[1] === "moe_layers") return moeLayers(args[0], args[1], args[2]);
      if (node[1] === "more_bits") return moreBits(args[0]);
      if (node[1] === "count") {  // in a per-layer list, or characters in a pattern string
        var items = typeof args[0] === "string" ? Array.from(args[0]) : args[0];
        return BigInt(items.filter(function (v) { return v === args[1]; }).length);
      }
      if (node[1] === "count_in") {  // count(), among the entries start <= i < stop
        var lo = args[2] > 0n ? Number(args[2]) : 0, hi = args[3] > 0n ? Number(args[3]) : 0;
        return BigInt(args[0].slice(lo, hi).filter(function (v) { return v === args[1]; }).length);
      }
      if (node[1] === "len") return BigInt(args[0].length);
      if (node[1] === "at") return args[0][Number(args[1])];  // a list's entry i
      if (node[1] === "scale") {  // int(m * n) as Python computes it: exact, or in floating point
        if (typeof args[0] === "bigint") return args[0] * args[1];
        return BigInt(Math.trunc(args[0] * Number(args[1])));
      }
      if (node[1] === "layers_among") {  // distinct layer numbers below n in a list
        var below = {};
        args[0].forEach(function (i) { if (i < args[1]) below[i] = true; });
        return BigInt(Object.keys(below).length);
      }
      if (node[1] === "min") return args.reduce(function (a, b) { return b < a ? b : a; });
      if (node[1] === "max") return args.reduce(function (a, b) { return b > a ? b : a; });
      throw new Error("unknown function in the rules: " + node[1]);
    }
    if (op === "not") return !truthy(evaluate(node[1], env, keys));
    if (op === "neg") return -evaluate(node[1], env, keys);
    var a = evaluate(node[1], env, keys), b = evaluate(node[2], env, keys);
    if ((op === "/" || op === "//" || op === "%") && b === 0n) {
      throw new ConfigError("division by zero: " + describe(node[2], keys) + " is 0", keyOf(node[2], keys));
    }
    switch (op) {
      case "/":
        if (a % b !== 0n) {
          throw new ConfigError(describe(node[1], keys) + " = " + a + " is not divisible by " +
            describe(node[2], keys) + " = " + b, keyOf(node[2], keys));
        }
        return a / b;
      case "//": { var q = a / b; return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q; }
      case "%": { var r = a % b; return (r !== 0n && (r < 0n) !== (b < 0n)) ? r + b : r; }
      case "+": return a + b;
      case "-": return a - b;
      case "*": return a * b;
      case "==": return a === b;
      case "!=": return a !== b;
      case "<": return a < b;
      case "<=": return a <= b;
      case ">": return a > b;
      case ">=": return a >= b;
    }
    throw new Error("unknown operator in the rules: " + op);
  }

  // a key, or "a.b" (not a key of its own, as towerView's are): field b of object a, given where a is not null
  function given(config, key) {
    var outer = key.split(".")[0];
    return has(config, key) || (outer !== key && has(config, outer) && config[outer] !== null);
  }
  function valueOf(config, key) {
    var dot = key.indexOf(".");
    if (dot < 0 || has(config, key)) return config[key];
    var outer = config[key.slice(0, dot)];
    var isObject = outer !== null && typeof outer === "object" && !Array.isArray(outer);
    return isObject && has(outer, key.slice(dot + 1)) ? outer[key.slice(dot + 1)] : null;
  }

  function readKey(config, read, env, keys, modelType, minSize) {
    var present = read.keys.filter(function (k) { return given(config, k); });
    var key = present.length ? present[0] : read.keys[0];
    keys[read["var"]] = key;
    var value = valueOf(config, key);
    if (value === null && present.length && read.type === "layers") value = "null";  // transformers refuses it: the error below
    if (value === null && present.length && read.type === "auto") {  // transformers refuses it
      throw new ConfigError("config key '" + key + "' must be a whole number or 'auto', got null", key);
    }
    if (value === null || value === undefined) {
      if (present.length && has(read, "null")) return evaluate(read["null"], env, keys);
      if (read.required) {
        throw new ConfigError("config for model_type '" + modelType + "' is missing required key " +
          read.keys.map(function (k) { return "'" + k + "'"; }).join(" or "), key);
      }
      return evaluate(read["default"], env, keys);
    }
    var want = read.type;
    if (want === "num") {  // a factor: a whole (BigInt) or a fractional number
      if (kind(value) !== "int" && !(typeof value === "number" && isFinite(value))) {
        throw new ConfigError("config key '" + key + "' must be a number, got " + show(value), key);
      }
      return value;
    }
    if (want === "auto") {  // a size, or "auto" (the class works it out)
      if (value === "auto") return null;
      if (kind(value) !== "int" || value < 0n) {
        throw new ConfigError("config key '" + key + "' must be a whole number or 'auto', got " + show(value), key);
      }
      return value;
    }
    if (want === "layers") {  // one layer's features (a number, -1 the last) or a list's
      if (kind(value) === "int") return 1n;
      if (Array.isArray(value) && value.length && value.every(function (v) { return kind(v) === "int"; })) return BigInt(value.length);
      throw new ConfigError("config key '" + key + "' must be a layer number or a list of layer numbers, got " + show(value), key);
    }
    if (want === "kinds") {
      if (!Array.isArray(value) || !value.every(function (v) { return read.kinds.indexOf(v) >= 0; })) {
        throw new ConfigError("config key '" + key + "' must be a list of layer kinds, each " + read.kinds.join(" or ") +
          ", got " + show(value), key);
      }
      return value;
    }
    if (want === "list") {
      if (!Array.isArray(value) || !value.every(function (v) { return kind(v) === "int"; })) {
        throw new ConfigError("config key '" + key + "' must be a list of layer numbers, got " + show(value), key);
      }
      return value;
    }
    if (kind(value) !== want || (want === "int" && value < 0n)) {
      var what = { int: "a whole number, 0 or more", bool: "true or false", str: "a string" }[want];
      throw new ConfigError("config key '" + key + "' must be " + what + ", got " + show(value), key);
    }
    if (minSize !== undefined && want === "int" && read.required && value < BigInt(minSize)) {
      throw new ConfigError("config key '" + key + "' must be at least " + minSize + ", got " + value, key);
    }
    return value;
  }

  /* count(config, rules[, {minSize}]) -> {ok: true, model_type, total, active, non_embedding, tied_output_head,
     kv_values_per_token, breakdown, ignored} or {ok: false, errors: [{key, message}]}, as count_parameters()
     in Python returns or raises. minSize (the page uses 1) also refuses required sizes below it. */
  function count(config, rules, options) {
    try {
      return countOrThrow(config, rules, options || {});
    } catch (e) {
      if (e instanceof ConfigError) return { ok: false, errors: [{ key: e.key, message: e.message }] };
      throw e;
    }
  }

  function countOrThrow(config, rules, options) {
    return countWithEnv(config, rules, options).result;
  }

  // The config a family's rules read, as resolve() in the Python tool: a multimodal config's nested text_config (its
  // language model), a class that holds another model (architectures), a remote-code model_type whose architectures
  // names a class of a family the rules cover.
  function unknownFamily(rules, modelType, key) {
    // the model_types a config may name, as unknown_family() in the Python tool
    var supported = Object.keys(rules.families).filter(function (f) { return !has(rules.inner_only, f); })
      .concat(Object.keys(rules.text_configs)).sort();
    return new ConfigError("unknown model_type " + show(modelType) + ": not supported yet (supported: " +
      supported.join(", ") + "); " + rules.with_transformers, key);
  }

  // The language model's keys of a config that names them at the top (Qwen2.5-VL's) but was saved with a text_config,
  // which transformers reads instead; its head is tied where either flag says so, as _nested_flat() in the Python tool.
  function nestedFlat(config, modelType) {
    var text = config.text_config;
    if (typeof text !== "object" || Array.isArray(text)) {
      throw new ConfigError("config key 'text_config' must be an object, got " + show(text), "text_config");
    }
    var tied = false;
    [[config, "tie_word_embeddings"], [text, "text_config.tie_word_embeddings"]].forEach(function (pair) {
      var flag = has(pair[0], "tie_word_embeddings") ? pair[0].tie_word_embeddings : null;
      if (flag !== null && typeof flag !== "boolean") {
        throw new ConfigError("config key '" + pair[1] + "' must be true or false, got " + show(flag), pair[1]);
      }
      tied = tied || flag === true;
    });
    var copy = {};
    Object.keys(text).forEach(function (k) { copy[k] = text[k]; });
    copy.model_type = modelType;
    copy.tie_word_embeddings = tied;
    return copy;
  }

  function resolve(config, rules) {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      throw new ConfigError("a config must be a JSON object");
    }
    var modelType = config.model_type;
    if (modelType === null || modelType === undefined) {
      throw new ConfigError("config is missing required key 'model_type'", "model_type");
    }
    var families = rules.families, notes = [];
    if (typeof modelType === "string" && has(rules.inner_only, modelType)) {
      throw new ConfigError("model_type '" + modelType + "' is the language model of a '" + rules.inner_only[modelType] +
        "' config (its text_config), which transformers builds only there: count that config", "model_type");
    }
    var nested = typeof modelType === "string" && has(rules.text_configs, modelType) ? rules.text_configs[modelType] : null;
    if (nested) {
      var text = has(config, "text_config") && config.text_config !== null ? config.text_config : {};
      if (typeof text !== "object" || Array.isArray(text)) {
        throw new ConfigError("config key 'text_config' must be an object, got " + show(text), "text_config");
      }
      var inner = has(text, "model_type") ? text.model_type : nested["default"];
      var renamed = has(nested, "renamed") ? nested.renamed : {}, named = inner;
      if (typeof inner === "string" && has(renamed, inner)) inner = renamed[inner];  // as the outer config class does
      if (typeof inner !== "string" || !has(families, inner)) throw unknownFamily(rules, inner, "text_config");
      if (has(rules.towers, modelType)) {
        notes.push("the language model (text_config, model_type " + inner + ") and, beside it, " + nested.beside + ": " +
          nested["class"]);
      } else {
        notes.push("the language model alone (text_config, model_type " + inner + "): " + nested["class"] +
          " also holds " + nested.beside + ", not counted");
      }
      if (named !== inner) {
        notes.push("text_config's model_type " + named + " is read as " + inner + ", as transformers reads it in " + nested["class"]);
      }
      // the keys the outer class fills a text_config with, below those it names (Voxtral's), as resolve() in the Python tool
      var copy = {}, filled = [inner === nested["default"] ? nested["default class keys"] : null,
        nested["text defaults"], text];
      filled.forEach(function (keys) {  // the rules' numbers made exact integers, as a parsed config's are
        Object.keys(keys || {}).forEach(function (k) {
          var v = keys[k];
          copy[k] = keys !== text && typeof v === "number" && Number.isInteger(v) ? BigInt(v) : v;
        });
      });
      copy.model_type = inner;
      // the outer flag, under the first of its names the config uses, as resolve() in the Python tool (none: untied)
      var tieKey = (has(nested, "tie keys") ? nested["tie keys"] : ["tie_word_embeddings"]).filter(function (k) {
        return has(config, k);
      })[0];
      var given = tieKey !== undefined;
      var tied = given ? config[tieKey] : has(nested, "tied") ? nested.tied : null;
      if (tied === null && given && !nested["null unties"]) {
        throw new ConfigError("config key '" + tieKey + "' must be true or false, got None", tieKey);
      }
      if (has(nested, "tied")) {  // the outer config's flag ties the head, under every name the family reads its own by
        var flag = tied === null ? false : tied;
        copy.tie_word_embeddings = flag;
        families[inner].reads.forEach(function (r) {
          if (r["var"] === "tied") r.keys.forEach(function (k) { copy[k] = flag; });
        });
      }
      return { config: copy, family: inner, arch: null, rules: families[inner], notes: notes };
    }
    if (has(rules.towers, modelType) && rules.towers[modelType].text_config && has(config, "text_config") &&
        config.text_config !== null) {
      return { config: nestedFlat(config, modelType), family: modelType, arch: null, rules: families[modelType], notes: notes };
    }
    var names = config.architectures;
    var arch = Array.isArray(names) && names.length && typeof names[0] === "string" ? names[0] : null;
    var name = modelType;
    if (typeof modelType !== "string" || !has(families, modelType)) {
      if (arch === null || !has(rules.classes, arch)) throw unknownFamily(rules, modelType, "model_type");
      name = rules.classes[arch];
      notes.push("model_type " + show(modelType) + " is not a transformers family; its architectures names " + arch +
        ": counted as " + name);
    }
    var family = families[name];
    if (arch === null || !has(family.architectures, arch)) {
      return { config: config, family: name, arch: null, rules: family, notes: notes };
    }
    family = family.architectures[arch];
    notes.push("architectures names " + arch + ": " + family.title);
    return { config: config, family: name, arch: arch, rules: family, notes: notes };
  }

  // Read the keys the rules name into env, refuse what they do not cover, check their conditions and compute their
  // "let" variables, as _variables() in the Python tool.
  function variables(config, family, env, keys, modelType, minSize) {
    family.reads.forEach(function (read) {
      env[read["var"]] = readKey(config, read, env, keys, modelType, minSize);
    });
    var only = family.only || {};
    Object.keys(only).forEach(function (key) {
      var value = config[key];
      if (value === null || value === undefined) return;
      if (!only[key].some(function (a) { return a === value; })) {
        throw new ConfigError("config key '" + key + "' = " + show(value) + " is not supported for model_type '" +
          modelType + "' (supported: " + (only[key].map(show).join(", ") || "null") + ")", key);
      }
    });
    family.checks.forEach(function (check) {
      if (!truthy(evaluate(check.test, env, keys))) {
        var v = config[check.key];
        throw new ConfigError(check.message + " ('" + check.key + "' = " + show(v) + ")", check.key);
      }
    });
    family.let.forEach(function (l) { env[l["var"]] = evaluate(l.expr, env, keys); });
  }

  function countWithEnv(config, rules, options) {
    var outer = config, resolved = resolve(config, rules);
    config = resolved.config;
    var modelType = resolved.family, family = resolved.rules;
    var env = {}, keys = {};
    variables(config, family, env, keys, modelType, options.minSize);
    var breakdown = {}, total = 0n;
    rules.components.forEach(function (c) {
      breakdown[c] = evaluate(family.count[c], env, keys);
      total += breakdown[c];
    });
    env.total = total;
    var languageModel = total;
    var towerRules = typeof outer.model_type === "string" && has(rules.towers, outer.model_type) ? rules.towers[outer.model_type] : null;
    var towers = towerRules === null ? {} : countTowers(outer, towerRules, env);
    if (towerRules !== null && !has(rules.text_configs, outer.model_type)) {
      resolved.notes.push("the language model (the config's own keys) and, beside it, " + towerRules.title + ": " +
        towerRules["class"]);
    }
    Object.keys(towers).forEach(function (part) { breakdown[part] = towers[part]; total += towers[part]; });
    var read = {};
    family.reads.forEach(function (r) { r.keys.forEach(function (k) { read[k.split(".")[0]] = true; }); });
    Object.keys(family.only).forEach(function (k) { read[k] = true; });
    // architectures decides the model where the family holds another one by class (T5EncoderModel), or where the
    // model_type is not a family and the class names one
    var holds = rules.families[modelType].architectures;
    if (Object.keys(holds || {}).length || modelType !== outer.model_type) read.architectures = true;
    if (towerRules !== null) {  // a flat config's towers read its vision_config and some of its keys
      Object.keys(towerRules.configs).forEach(function (k) { read[k] = true; });
      towerRules.reads.forEach(function (r) { r.keys.forEach(function (k) { read[k] = true; }); });
    }
    var result = {
      ok: true,
      model_type: outer.model_type,
      family: modelType,
      notes: resolved.notes,
      total: total,
      active: evaluate(family.active, env, keys),  // what one text token uses: the language model's
      non_embedding: languageModel - breakdown.embeddings - breakdown.output_head,
      tied_output_head: truthy(has(env, "tied") ? env.tied : false),
      kv_values_per_token: family.kv_cache === null ? null : evaluate(family.kv_cache, env, keys),
      breakdown: breakdown,
      mtp_parameters: evaluate(family.mtp, env, keys),
      ignored: Object.keys(config).filter(function (k) { return k !== "model_type" && !read[k]; }),
    };
    if (towerRules !== null) {
      result.language_model = languageModel;
      result.towers = towers;
    }
    return { result: result, env: env, keys: keys, resolved: resolved };
  }

  // The keys the tower rules read, as tower_view() in the Python tool: the outer config's own, and each nested
  // config's as "vision_config.hidden_size", an absent or null one as transformers fills it; an optional one's name
  // says whether it is there (its tower is built).
  function towerView(config, rules) {
    var view = {};
    Object.keys(config).forEach(function (k) { if (!has(rules.configs, k)) view[k] = config[k]; });
    Object.keys(rules.configs).forEach(function (name) {
      var spec = rules.configs[name];
      var given = has(config, name) && config[name] !== null, nested = given ? config[name] : {};
      if (spec.optional) view[name] = given;
      if (!given) {  // the rules' numbers, made exact integers as a parsed config's are
        Object.keys(spec.absent).forEach(function (k) {
          var v = spec.absent[k];
          nested[k] = typeof v === "number" && Number.isInteger(v) ? BigInt(v) : v;
        });
      }
      if (nested === null || typeof nested !== "object" || Array.isArray(nested)) {
        throw new ConfigError("config key '" + name + "' must be an object, got " + show(nested), name);
      }
      var kindName = has(nested, "model_type") ? nested.model_type : spec.model_type;
      if (spec.model_type !== null && kindName !== spec.model_type) {
        throw new ConfigError("config key '" + name + ".model_type' must be '" + spec.model_type +
          "' (the tower the rules count), got " + show(kindName), name + ".model_type");
      }
      Object.keys(nested).forEach(function (k) { view[name + "." + k] = nested[k]; });
    });
    return view;
  }

  // Each tower and projector of a multimodal config; their rules also read the language model's variables.
  function countTowers(config, rules, languageEnv) {
    var env = {}, keys = {};
    Object.keys(languageEnv).forEach(function (k) { env[k] = languageEnv[k]; });
    variables(towerView(config, rules), rules, env, keys, config.model_type);
    var out = {};
    Object.keys(rules.count).forEach(function (part) { out[part] = evaluate(rules.count[part], env, keys); });
    return out;
  }

  // ------------------------------------------------------------------ memory, as memory() in the Python tool

  var GIB = 1073741824n;

  // The memory options, their defaults and the values each allows come with the rules (rules.memory.options).
  function choicesOf(M, name) {
    var c = M.options[name].choices;
    return Array.isArray(c) ? c : Object.keys(c);
  }

  function optionError(name, message) { return new ConfigError("option '" + name + "': " + message, name); }
  function choice(name, value, allowed) {
    if (allowed.indexOf(value) < 0) throw optionError(name, show(value) + " is not one of " + allowed.join(", "));
    return value;
  }
  function whole(name, value) {
    if (typeof value === "string" && /^\+?\d+$/.test(value.trim())) value = BigInt(value.trim());
    if (typeof value === "number" && Number.isInteger(value)) value = BigInt(value);
    if (typeof value !== "bigint" || value < 1n) {
      throw optionError(name, "must be a whole number, at least 1, got " + show(value));
    }
    return value;
  }
  function names(name, value, allowed) {
    var items = typeof value === "string" ? value.split(",") : value;
    if (!Array.isArray(items)) throw optionError(name, "must be a comma-separated list, got " + show(value));
    items = items.map(function (i) { return String(i).trim(); }).filter(function (i) { return i; });
    items.forEach(function (i) { choice(name, i, allowed); });
    return items;
  }
  // '24' or '80.5' GB on the box -> bytes: a card sold as 24 GB has 24 GiB.
  function gpuBytes(text) {
    var t = String(text).trim();
    if (!/^\d+(\.\d+)?$/.test(t)) throw optionError("gpu_gb", "must be a number of GB such as 24 or 80, got " + show(text));
    var parts = t.split("."), frac = parts[1] || "";
    return BigInt(parts[0] + frac) * GIB / (10n ** BigInt(frac.length));
  }

  function weightsFromConfig(config) {
    var key = "quantization_config";
    if (!has(config, key) || config[key] === null) return null;
    var q = config[key];
    if (typeof q !== "object" || Array.isArray(q)) throw new ConfigError("config key '" + key + "' must be an object, got " + show(q), key);
    var method = q.quant_method;
    if (method === "gptq" || method === "awq") {
      var bits = has(q, "bits") ? q.bits : 4n, group = has(q, "group_size") ? q.group_size : 128n;
      if (bits !== 4n) throw new ConfigError(key + ": " + method + " with bits = " + show(bits) + " is not supported (4 is)", key);
      if (typeof group !== "bigint" || group < 1n) {
        throw new ConfigError(key + ": group_size = " + show(group) + " is not supported (a whole number of weights, at least 1)", key);
      }
      return { weights: method + "-int4", group_size: group };
    }
    if (method === "bitsandbytes") {
      if (truthy(q.load_in_4bit)) {
        var kindName = has(q, "bnb_4bit_quant_type") ? q.bnb_4bit_quant_type : "fp4";
        if (kindName !== "nf4" && kindName !== "fp4") {
          throw new ConfigError(key + ": bnb_4bit_quant_type = " + show(kindName) + " is not nf4 or fp4", key);
        }
        return { weights: truthy(q.bnb_4bit_use_double_quant) ? "nf4-dq" : "nf4" };
      }
      if (truthy(q.load_in_8bit)) return { weights: "int8" };
      throw new ConfigError(key + ": bitsandbytes with neither load_in_4bit nor load_in_8bit", key);
    }
    if (method === "fp8") {
      var block = has(q, "weight_block_size") ? q.weight_block_size : [128n, 128n];
      if (!(Array.isArray(block) && block.length === 2 && block.every(function (b) { return typeof b === "bigint" && b > 0n; }))) {
        throw new ConfigError(key + ": weight_block_size = " + show(block) + " is not two whole numbers", key);
      }
      return { weights: "fp8", fp8_block: block[0] * block[1] };
    }
    if (method === "mxfp4") {  // the modules left unconverted: gpt-oss keeps its attention in 16 bits
      var skip = has(q, "modules_to_not_convert") && q.modules_to_not_convert !== null ? q.modules_to_not_convert : [];
      if (!Array.isArray(skip) || !skip.every(function (m) { return typeof m === "string"; })) {
        throw new ConfigError(key + ": modules_to_not_convert = " + show(skip) + " is not a list of module names", key);
      }
      return { weights: "mxfp4", keep: skip.some(function (m) { return m.indexOf(".self_attn") >= 0; }) ? ["attention"] : [] };
    }
    throw new ConfigError(key + ": quant_method = " + show(method) + " is not supported (gptq, awq, bitsandbytes, fp8, mxfp4)", key);
  }

  function normalize(options, M) {
    var opts = {};
    Object.keys(M.options).forEach(function (k) { opts[k] = M.options[k]["default"]; });
    Object.keys(options || {}).forEach(function (k) {
      if (options[k] === null || options[k] === undefined) return;
      if (!has(M.options, k)) throw optionError(k, "unknown option (known: " + Object.keys(M.options).join(", ") + ")");
      opts[k] = options[k];
    });
    if (opts.weights !== null) choice("weights", opts.weights, Object.keys(M.formats));
    opts.group_size = whole("group_size", opts.group_size);
    if (opts.keep !== null) opts.keep = names("keep", opts.keep, choicesOf(M, "keep"));
    choice("kv_cache_dtype", opts.kv_cache_dtype, Object.keys(M.kv_dtypes));
    opts.context_length = whole("context_length", opts.context_length);
    opts.batch_size = whole("batch_size", opts.batch_size);
    opts.gpu_bytes = gpuBytes(opts.gpu_gb);
    choice("training", opts.training, choicesOf(M, "training"));
    opts.lora_rank = whole("lora_rank", opts.lora_rank);
    opts.lora_targets = names("lora_targets", opts.lora_targets, M.lora_modules);
    choice("checkpointing", opts.checkpointing, choicesOf(M, "checkpointing"));
    return opts;
  }

  function cdiv(a, b) { return a >= 0n ? (a + b - 1n) / b : a / b; }

  function weightBytes(M, fmtName, counts, env, keys, mem, keep, tied) {
    var fmt = M.formats[fmtName], gguf = fmt.gguf || null;
    var keptBits = fmtName === "fp32" ? 32n : 16n;
    var ggufBytes = function (n, ty) { var t = M.gguf_types[ty]; return cdiv(n * BigInt(t[1]), BigInt(t[0])); };
    var out = {};
    var router = mem.router === null ? 0n : evaluate(mem.router.count, env, keys);
    var plain = ["fp32", "bf16", "fp16"].indexOf(fmtName) >= 0;
    Object.keys(counts).forEach(function (part) {
      var n = counts[part];
      if (part === "mlp" && router && (gguf || mem.router.fp32 || !plain)) {
        // routers: fp32 in GGUF files and in DeepSeek; 16 bits under other quantizers
        n -= router;
        out.routers = (gguf || mem.router.fp32 ? 4n : 2n) * router;
      }
      if (gguf && part === "norms") out[part] = 4n * n;
      else if (keep.indexOf(part) >= 0) out[part] = n * keptBits / 8n;
      else if (!gguf) {
        var block = evaluate(fmt.block, env, keys);
        // biases the quantizer leaves in 16 bits (gpt-oss's MXFP4 experts)
        var b16 = mem.bias16 && !plain && has(mem.biases, part) ? evaluate(mem.biases[part], env, keys) : 0n;
        out[part] = cdiv((n - b16) * evaluate(fmt.bits, env, keys), 8n * block) + 2n * b16;
      } else if (part === "output_head" || (part === "embeddings" && tied)) out[part] = ggufBytes(n, gguf.output);
      else if ((part === "attention" || part === "mlp") && mem.tensors !== null) {
        var biases = has(mem.biases, part) ? evaluate(mem.biases[part], env, keys) : 0n;
        var rest = n - biases, total = 4n * biases;  // 1-D biases: F32 in GGUF files
        Object.keys(gguf.rules).forEach(function (tensor) {
          if ((tensor === "ffn_down") !== (part === "mlp")) return;
          var size = evaluate(mem.tensors[tensor], env, keys);
          gguf.rules[tensor].forEach(function (rule) {
            var layers = evaluate(rule[0], env, keys);
            total += ggufBytes(layers * size, rule[1]);
            rest -= layers * size;
          });
        });
        out[part] = total + ggufBytes(rest, gguf.base);
      } else out[part] = ggufBytes(n, gguf.base);
    });
    return out;
  }

  function kvLayers(config, env, keys, mem, modelType) {
    var kv = mem.kv;
    kv.reads.forEach(function (read) { env[read["var"]] = readKey(config, read, env, keys, modelType); });
    var layers = evaluate(kv.layers, env, keys), sliding;
    var types = config.layer_types;
    if (types !== null && types !== undefined && kv.reads.length && !kv.types_in_rules) {
      var kinds = ["full_attention", "sliding_attention", "chunked_attention"];  // LAYER_KINDS in footprint.py
      if (!(Array.isArray(types) && BigInt(types.length) === layers && types.every(function (t) { return kinds.indexOf(t) >= 0; }))) {
        throw new ConfigError("config key 'layer_types' must list " + layers + " entries, each " + kinds.join(" or "), "layer_types");
      }
      sliding = BigInt(types.filter(function (t) { return t !== "full_attention"; }).length);
    } else sliding = evaluate(kv.sliding, env, keys);
    if (sliding > 0n && (env.W === null || env.W === undefined)) {
      throw new ConfigError("config key 'layer_types' has sliding layers but 'sliding_window' is null", "sliding_window");
    }
    return [layers - sliding, sliding, has(env, "W") ? env.W : null];
  }

  function fitTokens(free, full, sliding, win, compressed) {
    if (free < 0n) return 0n;
    compressed = (compressed || []).filter(function (c) { return c[0] !== 0n; });
    if (compressed.length) {  // steps of entries: the largest t whose cache fits, by bisection
      var cost = function (t) {
        var c = full * t + (sliding !== 0n ? sliding * (t < win ? t : win) : 0n);
        compressed.forEach(function (e) { c += e[0] * (t / e[1]); });
        return c;
      };
      var lo = 0n, hi = 1n;
      while (cost(hi) <= free) { lo = hi; hi = 2n * hi; }
      while (hi - lo > 1n) {
        var mid = (lo + hi) / 2n;
        if (cost(mid) <= free) lo = mid; else hi = mid;
      }
      return lo;
    }
    if (full === 0n) return sliding === 0n || sliding * win <= free ? null : free / sliding;
    var t = free / (full + sliding);
    if (sliding === 0n || t <= win) return t;
    return (free - sliding * win) / full;
  }

  /* memory(config, rules, options) -> {ok: true, weights, kv_cache, fit, training} or {ok: false, errors}, as
     memory() in the Python tool returns or raises. Options are the calculator's URL parameters (strings). */
  function memory(config, rules, options) {
    try {
      return memoryOrThrow(config, rules, options);
    } catch (e) {
      if (e instanceof ConfigError) return { ok: false, errors: [{ key: e.key, message: e.message }] };
      throw e;
    }
  }

  function memoryOrThrow(config, rules, options) {
    var M = rules.memory;
    var opts = normalize(options, M);
    var counted = countWithEnv(config, rules, {});
    var result = counted.result, env = counted.env, keys = counted.keys;
    var modelType = result.family, mem = M.families[modelType];
    if (counted.resolved.arch !== null && has(mem.architectures, counted.resolved.arch)) mem = mem.architectures[counted.resolved.arch];
    if (!has(env, "E")) env.E = 1n;
    var quant = weightsFromConfig(config);
    var fmt = opts.weights || (quant ? quant.weights : null) || "bf16";
    var source = opts.weights ? "option" : quant ? "quantization_config" : "default";
    var group = source === "quantization_config" && has(quant, "group_size") ? quant.group_size : opts.group_size;
    env.g = group;
    env.fb = quant && has(quant, "fp8_block") ? quant.fp8_block : BigInt(M.fp8_block);
    var keep = opts.keep !== null ? opts.keep : M.formats[fmt].keep;
    if (source === "quantization_config" && opts.keep === null && has(quant, "keep")) keep = keep.concat(quant.keep);
    var tied = result.tied_output_head;
    var byPart = weightBytes(M, fmt, result.breakdown, env, keys, mem, keep, tied);
    var weights = 0n;
    Object.keys(byPart).forEach(function (k) { weights += byPart[k]; });
    var out = {
      ok: true,
      weights: { format: fmt, source: source, group_size: group, keep: keep, bytes: weights, by_component: byPart,
        parameters: result.total, active_parameters: result.active },
      kv_cache: null, fit: null, training: null,
    };
    var card = opts.gpu_bytes, free = card - weights, ctx = opts.context_length, batch = opts.batch_size;
    if (mem.kv !== null) {
      var layers = kvLayers(counted.resolved.config, env, keys, mem, modelType), full = layers[0], sliding = layers[1], win = layers[2];
      var per = evaluate(mem.kv.values, env, keys), perSliding = evaluate(mem.kv.sliding_values, env, keys);
      var extra = evaluate(mem.kv.extra_values, env, keys), extraSliding = evaluate(mem.kv.sliding_extra, env, keys);
      // entries that every r tokens add, of v values each (DeepSeek-V4's compressors)
      var compressed = mem.kv.compressed.map(function (c) { return [evaluate(c[0], env, keys), evaluate(c[1], env, keys)]; });
      var size = BigInt(M.kv_dtypes[opts.kv_cache_dtype]);
      var tokens = sliding > 0n ? (ctx < win ? ctx : win) : 0n;
      var kv = { dtype: opts.kv_cache_dtype, bytes_per_value: size, context_length: ctx, batch_size: batch,
        values_per_layer_token: per, formula: mem.kv.formula, full_layers: full, sliding_layers: sliding, sliding_window: sliding > 0n ? win : null,
        extra_values_per_token: extra, full_bytes: (full * per + extra) * size * ctx * batch, sliding_values_per_layer_token: perSliding,
        sliding_bytes: (sliding * perSliding + extraSliding) * size * tokens * batch,
        compressed_bytes: compressed.reduce(function (a, c) { return a + c[0] * (ctx / c[1]); }, 0n) * size * batch, shared_layers: evaluate(mem.kv.shared_layers, env, keys) };
      // recurrent layers (Mamba, linear attention): a fixed state per sequence, its
      // convolution window in the cache's precision and its state in M.state_bytes
      kv.recurrent_layers = evaluate(mem.kv.state_layers, env, keys);
      kv.conv_values_per_layer = evaluate(mem.kv.conv, env, keys);
      kv.state_values_per_layer = evaluate(mem.kv.state, env, keys);
      kv.state_bytes_per_value = BigInt(M.state_bytes);
      kv.decoder_layers = mem.kv.blocks === null ? full + sliding + kv.shared_layers + kv.recurrent_layers : evaluate(mem.kv.blocks, env, keys);
      var state = kv.recurrent_layers * (kv.conv_values_per_layer * size + kv.state_values_per_layer * kv.state_bytes_per_value);
      kv.state_bytes = state * batch;
      kv.bytes = kv.full_bytes + kv.sliding_bytes + kv.compressed_bytes + kv.state_bytes;
      var dec = mem.kv.decompressed;
      kv.decompressed_values_per_layer_token = dec === null ? null : evaluate(dec, env, keys);
      kv.decompressed_bytes = dec === null ? null : ((full + sliding) * kv.decompressed_values_per_layer_token + extra) * size * ctx * batch;
      out.kv_cache = kv;
      out.fit = { gpu_bytes: card, free_after_weights: free, tokens: fitTokens(free - state, (full * per + extra) * size, (sliding * perSliding + extraSliding) * size, win,
        compressed.map(function (c) { return [c[0] * size, c[1]]; })),
        sequences: kv.bytes ? (free > 0n ? free : 0n) / (kv.bytes / batch) : null };
    } else {
      out.fit = { gpu_bytes: card, free_after_weights: free, tokens: null, sequences: null };
    }
    if (opts.training !== "none") out.training = training(M, opts, result, env, keys, mem, modelType);
    return out;
  }

  function training(M, opts, result, env0, keys, mem, modelType) {
    var rules = M.training[opts.training];
    var env = {};
    Object.keys(env0).forEach(function (k) { env[k] = env0[k]; });
    env.T = result.total; env.R = 0n; env.B = 0n;
    var trainable = result.total;
    if (has(rules, "base")) {
      if (mem.lora === null) throw optionError("training", "LoRA sizes are not defined for model_type '" + modelType + "'");
      var widths = 0n;
      opts.lora_targets.forEach(function (t) {
        if (!has(mem.lora, t)) {
          throw optionError("lora_targets", "'" + t + "' is not a module whose LoRA size the counter knows in model_type '" + modelType +
            "' (these are: " + Object.keys(mem.lora).join(", ") + ")");
        }
      });
      opts.lora_targets.forEach(function (t) { widths += evaluate(mem.lora[t], env, keys); });
      trainable = env.R = opts.lora_rank * widths;
      var base = weightBytes(M, rules.base, result.breakdown, env, keys, mem, M.formats[rules.base].keep, result.tied_output_head);
      Object.keys(base).forEach(function (k) { env.B += base[k]; });
    }
    var parts = {};
    ["weights", "gradients", "optimizer_states"].forEach(function (k) { parts[k] = evaluate(rules[k], env, keys); });
    env.A = evaluate(mem.act_layers, env, keys);
    env.s = opts.context_length; env.b = opts.batch_size;
    var activations = evaluate(M.activations[opts.checkpointing], env, keys);
    return { mode: opts.training, trainable_parameters: trainable, base_format: rules.base || null,
      weights: parts.weights, gradients: parts.gradients, optimizer_states: parts.optimizer_states,
      activations: activations, checkpointing: opts.checkpointing,
      total: parts.weights + parts.gradients + parts.optimizer_states + activations };
  }

  // JSON with every integer kept exact (as a BigInt); other numbers stay numbers.
  var SOURCE_ACCESS = (function () {
    var seen = false;
    try { JSON.parse("1", function (k, v, context) { seen = !!(context && context.source === "1"); return v; }); } catch (e) { /* none */ }
    return seen;
  })();
  function parseJSON(text) {
    if (SOURCE_ACCESS) {
      return JSON.parse(text, function (key, value, context) {
        return typeof value === "number" && /^-?\d+$/.test(context.source) ? BigInt(context.source) : value;
      });
    }
    // Engines without JSON.parse source access: mark each integer literal outside strings as a string that starts
    // with U+0000 (which no real config holds), then turn the marked strings into BigInts.
    if (text.indexOf("\\u0000") >= 0) return JSON.parse(text);
    var marked = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, function (m) {
      return /^-?\d+$/.test(m) ? '"\\u0000' + m + '"' : m;
    });
    return JSON.parse(marked, function (key, value) {
      return typeof value === "string" && value.charAt(0) === "\u0000" ? BigInt(value.slice(1)) : value;
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

  // The errors in the memory options alone (no config needed): [] or [{key, message}].
  function optionErrors(rules, options) {
    try { normalize(options, rules.memory); return []; } catch (e) {
      if (e instanceof ConfigError) return [{ key: e.key, message: e.message }];
      throw e;
    }
  }

  return { count: count, memory: memory, optionErrors: optionErrors, gpuBytes: gpuBytes, evaluate: evaluate, parseJSON: parseJSON, stringify: stringify, show: show, sourceAccess: SOURCE_ACCESS,
    countWithEnv: countWithEnv };  // countWithEnv: the count and its variables, for assets/speed-core.js
});
