/*
 * LLM Parameter Glossary: the counting core of the calculator, with no user interface.
 *
 * It evaluates the counting rules of snippets/parameter-count/count_from_config.py, which are data: the build
 * (hooks/count_rules.py) writes them, compiled to expression trees, into assets/count-rules.js, and this
 * module evaluates those trees exactly as the Python tool does, with BigInt so that every count is exact.
 * Nothing here knows a model family: a family is supported when the rules say so. tests/test_calculator.py
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

  function readKey(config, read, env, keys, modelType, minSize) {
    var present = read.keys.filter(function (k) { return has(config, k); });
    var key = present.length ? present[0] : read.keys[0];
    keys[read["var"]] = key;
    var value = config[key];
    if (value === null || value === undefined) {
      if (present.length && has(read, "null")) return evaluate(read["null"], env, keys);
      if (read.required) {
        throw new ConfigError("config for model_type '" + modelType + "' is missing required key " +
          read.keys.map(function (k) { return "'" + k + "'"; }).join(" or "), key);
      }
      return evaluate(read["default"], env, keys);
    }
    var want = read.type;
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
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      throw new ConfigError("a config must be a JSON object");
    }
    var modelType = config.model_type;
    if (modelType === null || modelType === undefined) {
      throw new ConfigError("config is missing required key 'model_type'", "model_type");
    }
    var families = rules.families;
    if (typeof modelType !== "string" || !has(families, modelType)) {
      throw new ConfigError("unknown model_type " + show(modelType) + " (supported: " +
        Object.keys(families).join(", ") + ")", "model_type");
    }
    var family = families[modelType];
    var env = {}, keys = {};
    family.reads.forEach(function (read) {
      env[read["var"]] = readKey(config, read, env, keys, modelType, options.minSize);
    });
    Object.keys(family.only).forEach(function (key) {
      var value = config[key];
      if (value === null || value === undefined) return;
      if (!family.only[key].some(function (a) { return a === value; })) {
        throw new ConfigError("config key '" + key + "' = " + show(value) + " is not supported for model_type '" +
          modelType + "' (supported: " + family.only[key].map(show).join(", ") + ")", key);
      }
    });
    family.checks.forEach(function (check) {
      if (!truthy(evaluate(check.test, env, keys))) {
        var v = config[check.key];
        throw new ConfigError(check.message + " ('" + check.key + "' = " + show(v) + ")", check.key);
      }
    });
    family.let.forEach(function (l) { env[l["var"]] = evaluate(l.expr, env, keys); });
    var breakdown = {}, total = 0n;
    rules.components.forEach(function (c) {
      breakdown[c] = evaluate(family.count[c], env, keys);
      total += breakdown[c];
    });
    env.total = total;
    var read = {};
    family.reads.forEach(function (r) { r.keys.forEach(function (k) { read[k] = true; }); });
    Object.keys(family.only).forEach(function (k) { read[k] = true; });
    return {
      ok: true,
      model_type: modelType,
      total: total,
      active: evaluate(family.active, env, keys),
      non_embedding: total - breakdown.embeddings - breakdown.output_head,
      tied_output_head: truthy(has(env, "tied") ? env.tied : false),
      kv_values_per_token: family.kv_cache === null ? null : evaluate(family.kv_cache, env, keys),
      breakdown: breakdown,
      ignored: Object.keys(config).filter(function (k) { return k !== "model_type" && !read[k]; }),
    };
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

  return { count: count, evaluate: evaluate, parseJSON: parseJSON, stringify: stringify, show: show, sourceAccess: SOURCE_ACCESS };
});
