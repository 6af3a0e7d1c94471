/*
 * LLM Parameter Glossary: the parameter and memory calculator (/calculator/): the user interface.
 *
 * It counts nothing itself, and types no fact about models or memory. The rules are those of the Python counter
 * (the package count_params, counter/), written by the build into assets/count-rules.js (window.llmCountRules,
 * with the bundled configs as presets, and the words the form shows: the labels of the components and fields,
 * the memory options with their defaults and choices; the presets' configs but the default one are in
 * assets/count-presets.js, loaded when one is needed), and evaluated by the generic core assets/count-core.js
 * (window.llmCountCore), which tests/pages/test_calculator.py checks against the Python counter in Node. The form is
 * built from the rules: each key a family reads is a field. The page is
 * stricter than the tool in one way only: a required size of zero is refused here (the tool accepts it), so the
 * page never shows a count for a model that cannot exist.
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

  var RULES = window.llmCountRules, CORE = window.llmCountCore;
  // The address follows the fields after a pause in typing, not on every key (window.llmCalculator.urlDelay: a
  // test that the address is left alone waits for a timer of this delay set after the calculator's own).
  var URL_DELAY_MS = 150;
  var parseJSON = CORE.parseJSON, stringify = CORE.stringify;
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  var COMPONENT_LABELS = RULES.labels.components;
  // a language model counted only inside its multimodal config is no choice of its own
  var FAMILY_ORDER = Object.keys(RULES.families).filter(function (f) { return !has(RULES.inner_only, f); });
  // The fields' ids, by variable of the rules (the page's own: links and tests find a field by its id); their labels
  // come with the rules (every family names the same quantity the same way).
  var FIELD_IDS = { L: "layers", d: "hidden", H: "heads", K: "kv_heads", h: "head_dim", I: "mlp", V: "vocab",
    P: "positions", T: "type_vocab", p: "proj_dim", tied: "tied" };
  var LABELS = RULES.labels.variables;

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

  // ------------------------------------------------------------------ presets: the shipped configs

  // Each preset's id, name and family; its config (JSON text) only for the default one: the others' come with
  // assets/count-presets.js (window.llmCountPresets), which loadPresets() fetches the first time one is needed.
  var PRESETS = RULES.presets, DEFAULT_PRESET = RULES.default_preset;
  function presetById(id) { return PRESETS.filter(function (p) { return p.id === id; })[0]; }
  // A preset's config, parsed; null while its JSON has not arrived.
  function presetConfig(p) {
    var text = p.json || (window.llmCountPresets || {})[p.id];
    return text === undefined ? null : parseJSON(text);
  }

  // Loads the scripts next to this one, in order, then calls done(true); done(false) when one fails to load.
  // Script elements (not fetch) so that the offline copy works from file:// too.
  function loadScripts(names, done) {
    var finished = false, finish = function (ok) { if (!finished) { finished = true; done(ok); } };
    var base = document.querySelector("script[src*='calculator.js']").src.replace(/calculator\.js.*$/, "");
    names.forEach(function (name, i) {
      var js = document.createElement("script");
      js.src = base + name;
      js.async = false;
      js.onerror = function () { finish(false); };
      if (i === names.length - 1) js.onload = function () { finish(true); };
      document.body.appendChild(js);
    });
  }
  var presetsWaiting = null;  // the callbacks waiting for count-presets.js while it loads
  function loadPresets(done) {
    if (window.llmCountPresets) return done(true);
    if (presetsWaiting) return presetsWaiting.push(done);
    presetsWaiting = [done];
    loadScripts(["count-presets.js"], function (ok) {
      var waiting = presetsWaiting;
      presetsWaiting = null;  // after a failure the next need tries again
      waiting.forEach(function (f) { f(ok); });
    });
  }

  // The fields of a family: one per key its rules read, in the rules' order; sizes first, then switches.
  function familyFields(fam) {
    if (!has(RULES.families, fam)) return [];
    return RULES.families[fam].reads.map(function (read) {
      return {
        read: read,
        id: "calc-" + (FIELD_IDS[read["var"]] || "v-" + read["var"]),
        label: LABELS[read["var"]] || read.keys[0],
        kind: read.type === "bool" ? "bool" : "text",
        hint: "Config key '" + read.keys.join("' or '") + "'" + (read.required ? " (required)." :
          ", default " + read.default_text + (has(read, "null") && read["null"] !== null ? "." : ".")),
      };
    });
  }
  // The key a field edits in this config: the spelling the config uses, else the first one.
  function fieldKey(field, config) {
    var present = field.read.keys.filter(function (k) { return has(config, k); });
    return present.length ? present[0] : field.read.keys[0];
  }

  // The memory options: the calculator's URL parameters, which are also the Python tool's options (--context-length...).
  // Their labels, hints, defaults and choices come with the rules (RULES.memory.options); here only where each goes.
  var MEM = RULES.memory, OPTIONS = MEM.options;
  var CALC_FIELDS = [["context", "context_length"], ["batch", "batch_size"], ["gpu", "gpu_gb"], ["group", "group_size"],
    ["rank", "lora_rank"]].map(function (f) {
    var o = OPTIONS[f[1]];
    return { id: f[0], key: f[1], label: o.label, dflt: String(o["default"]), hint: o.hint };
  });
  var SELECTS = {};  // option -> [[value, text], ...]; "" stands for the default null (weights: from the config)
  ["weights", "kv_cache_dtype", "training", "checkpointing"].forEach(function (k) {
    var o = OPTIONS[k];
    SELECTS[k] = (o["default"] === null ? [["", o.unset]] : []).concat(Object.keys(o.choices).map(function (v) { return [v, o.choices[v]]; }));
  });
  var CHECKS = { keep: OPTIONS.keep.choices, lora_targets: OPTIONS.lora_targets.choices };
  var OPTION_LABELS = {};
  Object.keys(OPTIONS).forEach(function (k) { OPTION_LABELS[k] = OPTIONS[k].label; });
  // Formats with a group size (GPTQ, AWQ: a block of g weights) and training modes with adapters (a frozen base).
  function groupedFormat(f) { return !!f && has(MEM.formats, f) && JSON.stringify(MEM.formats[f].block) === '["var","g"]'; }
  function adapters(mode) { return has(MEM.training, mode) && has(MEM.training[mode], "base"); }
  var IGNORED_QUERY_KEYS = ["h"]; // Material's search adds ?h=... to highlight the words searched for

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

    var state = { config: null, jsonError: null, urlTimer: null, builtFor: null, fields: [], loading: 0 };
    var controls = {};

    // ---- build the form
    var preset = el("select", { name: "preset" }, [el("option", { value: "custom", text: "Custom (edited)" })]
      .concat(PRESETS.map(function (p) { return el("option", { value: p.id, text: p.name }); })));
    var textarea = el("textarea", { name: "config-json", rows: "12", spellcheck: "false", autocomplete: "off", class: "calc-json" });
    var family = el("select", { name: "model_type" }, [el("option", { value: "", text: "Choose a family" })]
      .concat(FAMILY_ORDER.map(function (f) { return el("option", { value: f, text: RULES.families[f].title + " (" + f + ")" }); })));
    var traits = el("dl", { class: "calc-traits", id: "calc-traits" });

    var sizes = el("fieldset", { class: "calc-sizes" }, [el("legend", { text: "Sizes" })]);
    var options = el("fieldset", {}, [el("legend", { text: "Options" })]);
    CALC_FIELDS.forEach(function (f) {
      var control = el("input", { type: "text", inputmode: "numeric", autocomplete: "off", name: f.key, value: f.dflt });
      controls[f.id] = control;
      f.block = fieldBlock("calc-" + f.id, f.label, control, f.hint, false);
    });
    var selects = {};
    Object.keys(SELECTS).forEach(function (k) {
      selects[k] = el("select", { name: k }, SELECTS[k].map(function (t) { return el("option", { value: t[0], text: t[1] }); }));
      selects[k].value = OPTIONS[k]["default"] === null ? "" : OPTIONS[k]["default"];
    });
    var kvDtype = selects.kv_cache_dtype;
    // Checkbox groups: a fieldset whose legend names the option; each box is labelled by its value.
    var checks = {}, checkSets = {};
    Object.keys(CHECKS).forEach(function (k) {
      checks[k] = {};
      checkSets[k] = el("fieldset", { class: "calc-checks", id: "calc-" + k, "aria-describedby": "calc-" + k + "-error" },
        [el("legend", { text: OPTION_LABELS[k] })].concat(CHECKS[k].map(function (v) {
          var box = el("input", { type: "checkbox", name: k, value: v, id: "calc-" + k + "-" + v });
          checks[k][v] = box;
          return el("span", { class: "calc-box" }, [box, el("label", { for: box.id, text: v })]);
        })).concat([el("p", { class: "calc-error", id: "calc-" + k + "-error" })]));
    });
    OPTIONS.lora_targets["default"].forEach(function (m) { checks.lora_targets[m].checked = true; });
    state.keepExplicit = false;

    var form = el("form", { class: "calc-form", "aria-label": "Model configuration", novalidate: true }, [
      el("fieldset", {}, [
        el("legend", { text: "Start from a model" }),
        fieldBlock("calc-preset", "Preset", preset, "Choosing one fills every field; editing a field afterwards makes it custom."),
        fieldBlock("config-json", "config.json (paste a Hugging Face config here)", textarea, "The whole config as JSON. Pasting it updates everything at once; the fields below edit it."),
      ]),
      el("fieldset", {}, [
        el("legend", { text: "Architecture" }),
        fieldBlock("calc-model-type", "Family (model_type)", family, "Each family fixes the shapes of its layers; the fields below are the keys it reads."),
        traits,
      ]),
      sizes,
      options,
      el("fieldset", {}, [
        el("legend", { text: "Weights" }),
        fieldBlock("calc-weights", OPTIONS.weights.label, selects.weights, OPTIONS.weights.hint),
        CALC_FIELDS[3].block,
        checkSets.keep,
      ]),
      el("fieldset", {}, [
        el("legend", { text: "KV cache and card" }),
        CALC_FIELDS[0].block,
        CALC_FIELDS[1].block,
        fieldBlock("calc-kv-dtype", OPTIONS.kv_cache_dtype.label, kvDtype, OPTIONS.kv_cache_dtype.hint),
        CALC_FIELDS[2].block,
      ]),
      el("fieldset", {}, [
        el("legend", { text: "Training and fine-tuning" }),
        fieldBlock("calc-training", OPTIONS.training.label, selects.training, OPTIONS.training.hint),
        CALC_FIELDS[4].block,
        checkSets.lora_targets,
        fieldBlock("calc-checkpointing", OPTIONS.checkpointing.label, selects.checkpointing, OPTIONS.checkpointing.hint),
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
    var working = el("ul", { id: "calc-working", class: "calc-note" });
    var urlError = el("p", { id: "calc-url-error", class: "calc-url-error", role: "alert", hidden: "" });
    var ignored = el("p", { id: "calc-ignored", class: "calc-note" });
    var shareLink = el("a", { id: "calc-share", href: "./" , text: "Link to this configuration" });
    var results = el("div", { class: "calc-results", id: "calc-results" }, [
      urlError,
      statusLine,
      el("div", { class: "calc-tables", id: "calc-tables" }, [
        el("div", { class: "calc-scroll", role: "region", "aria-label": "Parameters by component" }, [breakdown]),
        el("div", { class: "calc-scroll", role: "region", "aria-label": "Memory" }, [memory]),
        kvNote,
        el("p", { class: "calc-working-title", text: "How each figure is worked out" }),
        working,
      ]),
      ignored,
      el("p", { class: "calc-note" }, [shareLink]),
    ]);

    // Extensions (assets/calc-speed.js: fit on devices and the speed limits) add a fieldset, results, URL parameters.
    // The page loads that one when its address names a fit or speed option; else this button loads it on demand.
    var exts = [];
    function addExtension(make) {
      var x = make({ el: el, fieldBlock: fieldBlock, controls: controls, working: working, status: statusAfter, grouped: grouped,
        gb: gb, gib: gib, setError: setError, memoryOptions: memoryOptions, config: function () { return state.config; },
        update: function () { update({}); } });
      form.insertBefore(x.fieldset, form.lastChild);
      results.querySelector("#calc-tables").insertBefore(x.results, results.querySelector(".calc-working-title"));
      exts.push(x);
    }
    (window.llmCalcExtensions || []).forEach(addExtension);
    if (!exts.length && root.hasAttribute("data-speed-params")) {
      var more = el("button", { type: "button", class: "calc-jump", id: "calc-speed-load", text: "Fit on a device and speed limits" });
      var morePara = el("p", {}, [more]);
      form.insertBefore(morePara, form.lastChild);
      more.addEventListener("click", function () {
        more.disabled = true;
        loadScripts(["speed-rules.js", "speed-core.js", "calc-speed.js"], function (ok) {
          if (!ok) { more.disabled = false; return; }
          morePara.remove();
          addExtension(window.llmCalcSpeed);
          update({});
          document.getElementById("calc-device").focus();
        });
      });
    }

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

    // ---- presets: their configs, loaded when one is needed
    // While one loads, the results are marked busy (a screen reader waits for the count that follows) and say so.
    function withPreset(p, use, failed) {
      var config = presetConfig(p);
      if (config) return use(config);
      state.loading += 1;
      results.setAttribute("aria-busy", "true");
      statusBefore.textContent = "Loading the config of " + p.name + "...";
      loadPresets(function (ok) {
        if (--state.loading === 0) results.removeAttribute("aria-busy");
        if (ok) return use(presetConfig(p));
        urlError.hidden = false;
        urlError.textContent = "The presets' configs (assets/count-presets.js) could not be loaded, so " + p.name +
          " is not shown; reload the page to try again.";
        failed();
      });
    }

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
      Object.keys(selects).forEach(function (k) { setError(selects[k], ""); });
      Object.keys(checkSets).forEach(function (k) { setError(checkSets[k], ""); });
      exts.forEach(function (x) { x.clear(); });
    }

    function familyOf(config) {
      var mt = config && config.model_type;
      return typeof mt === "string" && has(RULES.families, mt) ? mt : null;
    }

    // ---- state -> form
    // The fields are rebuilt when the family changes: each key the family's rules read is one field.
    function buildFields(fam) {
      state.builtFor = fam;
      state.fields.forEach(function (f) { delete controls[f.name]; f.block.remove(); });
      state.fields = familyFields(fam);
      state.fields.forEach(function (f) {
        f.name = "field-" + f.read["var"];
        var control = f.kind === "bool"
          ? el("input", { type: "checkbox", name: f.read.keys[0] })
          : el("input", { type: "text", inputmode: f.read.type === "int" ? "numeric" : "text", autocomplete: "off", spellcheck: "false", name: f.read.keys[0] });
        controls[f.name] = control;
        f.control = control;
        f.block = fieldBlock(f.id, f.label, control, f.hint, f.kind === "bool");
        (f.kind === "bool" ? options : sizes).appendChild(f.block);
        control.addEventListener(f.kind === "bool" ? "change" : "input", function () {
          if (state.jsonError || !state.config) return;
          readField(f);
          preset.value = "custom";
          update({ textarea: true });
        });
      });
      sizes.hidden = !state.fields.some(function (f) { return f.kind !== "bool"; });
      options.hidden = !state.fields.some(function (f) { return f.kind === "bool"; });
    }

    function fillForm() {
      var c = state.config || {};
      var fam = familyOf(c);
      family.value = fam || "";
      if (fam !== state.builtFor) buildFields(fam);
      traits.textContent = "";
      if (fam) {
        traits.appendChild(el("dt", { text: "Reads" }));
        traits.appendChild(el("dd", { text: state.fields.map(function (f) { return f.read.keys[0]; }).join(", ") }));
      }
      state.fields.forEach(function (f) {
        var key = fieldKey(f, c);
        var control = f.control;
        control.setAttribute("data-key", key);
        var given = has(c, key) && c[key] !== null;
        if (f.kind === "bool") {
          control.checked = given && typeof c[key] === "boolean" ? c[key] : f.read["default"] === true;
        } else {
          control.value = given ? scalarText(c[key]) : "";
          if (!f.read.required) control.setAttribute("placeholder", f.read.default_text);
          else control.removeAttribute("placeholder");
          control.required = f.read.required;
          if (f.read.required) control.setAttribute("aria-required", "true");
          else control.removeAttribute("aria-required");
        }
      });
    }

    function fillTextarea() { textarea.value = stringify(state.config, 0) + "\n"; }

    // ---- form -> state
    function readField(f) {
      var key = fieldKey(f, state.config);
      var control = f.control;
      if (f.kind === "bool") {
        state.config[key] = control.checked;
      } else {
        var text = control.value.trim();
        if (text === "") delete state.config[key];
        else state.config[key] = f.read.type === "str" ? text : parseScalar(text);
      }
    }

    // A new family keeps the sizes that both families read (by their meaning, whatever the key is called) and
    // takes the rest from base, the config of the family's first preset.
    function switchFamily(fam, base) {
      var old = state.config || {};
      var oldFields = familyFields(familyOf(old));
      var next = { model_type: fam };
      familyFields(fam).forEach(function (f) {
        if (f.kind === "bool") return;
        var before = oldFields.filter(function (o) { return o.read["var"] === f.read["var"]; })[0];
        var oldKey = before ? fieldKey(before, old) : null;
        if (oldKey && has(old, oldKey)) next[f.read.keys[0]] = old[oldKey];
        else if (f.read.required) {
          f.read.keys.forEach(function (k) { if (has(base, k) && !has(next, f.read.keys[0])) next[f.read.keys[0]] = base[k]; });
        }
      });
      state.config = next;
    }

    // ---- URL <-> state
    // The memory options as the tool takes them (strings, as in the URL); null: the default.
    function memoryOptions() {
      var checked = function (k) { return CHECKS[k].filter(function (v) { return checks[k][v].checked; }).join(","); };
      return {
        weights: selects.weights.value || null,
        group_size: controls.group.value.trim(),
        keep: state.keepExplicit ? checked("keep") : null,
        kv_cache_dtype: kvDtype.value,
        context_length: controls.context.value.trim(),
        batch_size: controls.batch.value.trim(),
        gpu_gb: controls.gpu.value.trim(),
        training: selects.training.value,
        lora_rank: controls.rank.value.trim(),
        lora_targets: checked("lora_targets"),
        checkpointing: selects.checkpointing.value,
      };
    }
    // Written to the URL: the KV cache settings always; the rest where they matter.
    function calcSettings() {
      var o = memoryOptions(), out = {};
      var lora = adapters(o.training);
      Object.keys(o).forEach(function (k) {
        if (o[k] === null) return;
        if (k === "group_size" && !groupedFormat(o.weights)) return;
        if ((k === "lora_rank" || k === "lora_targets") && !lora) return;
        if (k === "checkpointing" && o.training === "none") return;
        if (k === "training" && o.training === "none") return;
        out[k] = o[k];
      });
      exts.forEach(function (x) { Object.assign(out, x.settings()); });
      return out;
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
      Object.keys(s).forEach(function (k) { params.append(k, s[k]); });
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
      }, URL_DELAY_MS);
    }
    var TEXT_PARAMS = {};  // URL parameter -> the text field's id
    CALC_FIELDS.forEach(function (f) { TEXT_PARAMS[f.key] = f.id; });
    function fromQuery() {
      var params = new URLSearchParams(location.search);
      var config = {}, any = false, named = null, problems = [];
      params.forEach(function (value, key) {
        if (IGNORED_QUERY_KEYS.indexOf(key) >= 0) return;
        var ext = exts.filter(function (x) { return x.params.indexOf(key) >= 0; })[0];
        if (ext) { var bad = ext.set(key, value); if (bad) problems.push(bad); return; }
        if (has(TEXT_PARAMS, key)) { controls[TEXT_PARAMS[key]].value = value; return; }  // checked with the others
        if (has(SELECTS, key)) {
          var allowed = SELECTS[key].map(function (t) { return t[0]; }).filter(function (v) { return v; });
          if (allowed.indexOf(value) >= 0) selects[key].value = value;
          else problems.push(key + "=" + value + " is not one of: " + allowed.join(", ") + ".");
          return;
        }
        if (has(CHECKS, key)) {
          var items = value.split(",").map(function (v) { return v.trim(); }).filter(function (v) { return v; });
          var bad = items.filter(function (v) { return CHECKS[key].indexOf(v) < 0; });
          if (bad.length) { problems.push(key + "=" + value + ": " + bad.join(", ") + " is not one of: " + CHECKS[key].join(", ") + "."); return; }
          CHECKS[key].forEach(function (v) { checks[key][v].checked = items.indexOf(v) >= 0; });
          if (key === "keep") state.keepExplicit = true;
          return;
        }
        if (key === "preset") {  // the model table and the pages link to ?preset=<config name>
          named = presetById(value);
          if (!named) problems.push("preset=" + value + " is not a preset; the presets are: " + PRESETS.map(function (x) { return x.id; }).join(", ") + ".");
          return;
        }
        any = true;
        config[key] = key === "model_type" ? value : parseScalar(value);
      });
      if (problems.length) {
        urlError.hidden = false;
        urlError.textContent = "The address has " + (problems.length === 1 ? "a parameter" : "parameters") +
          " this calculator does not know, shown with the defaults instead: " + problems.join(" ");
      }
      return any ? { config: config } : named ? { preset: named } : null;
    }

    // ---- compute and show
    // The control of a memory option, and its message in words ("option 'context_length': must be..." -> the
    // field's label, then "must be...").
    function optionControl(key) {
      var text = CALC_FIELDS.filter(function (f) { return f.key === key; })[0];
      if (text) return controls[text.id];
      if (has(selects, key)) return selects[key];
      if (has(checkSets, key)) return checkSets[key];
      return null;
    }
    function optionMessage(e) {
      var text = CALC_FIELDS.filter(function (f) { return f.key === e.key; })[0];
      var label = text ? text.label : OPTION_LABELS[e.key] || e.key;
      var m = e.message.replace(/^option '[^']*': /, "");
      return (/^'/.test(m) ? label + ": " + m : label + " " + m) + ".";
    }

    function mib(bytes) { return grouped(bytes) + " bytes (" + gb(bytes) + " GB)"; }
    function item(id, text) { working.appendChild(el("li", { "data-working": id, text: text })); }

    // The memory table and, below it, how each figure is worked out, with the numbers.
    function renderMemory(result, optionErrors) {
      kvNote.textContent = "";
      working.textContent = "";
      if (optionErrors.length) {
        memoryBody.appendChild(memoryRow("No memory figures: fix the memory fields first", null, "none"));
        return;
      }
      var m = CORE.memory(state.config, RULES, memoryOptions());
      if (!m.ok) {
        var e = m.errors[0], control = optionControl(e.key) || textarea;
        state.fields.forEach(function (f) { if (f.read.keys.indexOf(e.key) >= 0) control = f.control; });
        setError(control, optionControl(e.key) ? optionMessage(e) : e.message.charAt(0).toUpperCase() + e.message.slice(1) + ".");
        memoryBody.appendChild(memoryRow("No memory figures: " + e.message, null, "none"));
        return;
      }
      var w = m.weights, fmt = MEM.formats[w.format];
      if (!state.keepExplicit) CHECKS.keep.forEach(function (v) { checks.keep[v].checked = w.keep.indexOf(v) >= 0; });
      memoryBody.appendChild(memoryRow("Weights, " + fmt.title + (w.source === "quantization_config" ? " (from quantization_config)" : ""), w.bytes, "weights"));
      var bits = (Number(w.bytes * 8000n / w.parameters) / 1000).toFixed(3);
      var parts = Object.keys(w.by_component).filter(function (k) { return w.by_component[k] > 0n; }).map(function (k) {
        var kept = fmt.gguf && k === "norms" ? " (F32)" : w.keep.indexOf(k) >= 0 ? " (kept in " + (w.format === "fp32" ? "fp32" : "16 bits") + ")" : "";
        return (k === "routers" ? "routers (not quantized)" : k) + kept + " " + gb(w.by_component[k]) + " GB";
      });
      item("weights", "Weights: " + grouped(w.parameters) + " parameters in " + fmt.title + " = " + mib(w.bytes) + ", " + bits +
        " bits per parameter on average: " + parts.join(", ") + "." + (fmt.gguf ? " GGUF: matrices in " + fmt.gguf.base +
        ", the output head in " + fmt.gguf.output + ", attn_v and ffn_down upgraded in some layers as llama.cpp's llama-quant.cpp does; norms and biases in F32, routers in F32." :
        fmt.block ? " Scales and zero points are included." : "") +
        (w.active_parameters !== w.parameters ? " All " + grouped(w.parameters) + " parameters are in memory although a token uses " +
          grouped(w.active_parameters) + " (a mixture of experts)." : "") +
        " Leaves out: the runtime (CUDA context, kernels' workspace), buffers, and per-tensor constants.");
      var kv = m.kv_cache, fit = m.fit;
      if (kv === null) {
        memoryBody.appendChild(memoryRow("KV cache (none: an encoder)", null, "kv"));
        kvNote.textContent = "An encoder reads its whole input at once and keeps no KV cache.";
      } else {
        memoryBody.appendChild(memoryRow("KV cache (" + kv.dtype + ", " + kv.context_length + " tokens x " + kv.batch_size + ")", kv.bytes, "kv"));
        var text = "KV cache = " + kv.full_layers + " layers x " + grouped(kv.values_per_layer_token) + " values per token (" + kv.formula + ") x " +
          kv.bytes_per_value + " bytes x " + kv.context_length + " tokens";
        if (kv.sliding_layers > 0n) {
          text += " + " + kv.sliding_layers + " sliding-window layers, " + grouped(kv.sliding_bytes / kv.batch_size) + " bytes for min(" + kv.context_length +
            ", window " + kv.sliding_window + ") tokens";
        }
        if (kv.extra_values_per_token > 0n) {
          text += " + " + grouped(kv.extra_values_per_token * kv.bytes_per_value) + " bytes per token x " + kv.context_length +
            " tokens (an indexer's keys, on the layers that run one)";
        }
        if (kv.compressed_bytes > 0n) text += " + " + grouped(kv.compressed_bytes / kv.batch_size) + " bytes of compressed entries (one per so many tokens)";
        if (kv.shared_layers > 0n) text += " (+ " + kv.shared_layers + " layers reading another layer's cache)";
        if (kv.recurrent_layers > 0n) {
          text += " + " + kv.recurrent_layers + " recurrent layers x (" + grouped(kv.conv_values_per_layer) + " convolution values x " +
            kv.bytes_per_value + " bytes + " + grouped(kv.state_values_per_layer) + " state values x " + kv.state_bytes_per_value +
            " bytes) per sequence, whatever the context (Mamba, linear attention)";
        }
        kvNote.textContent = text + ", x " + kv.batch_size + " sequences = " + grouped(kv.bytes) + " bytes.";
        item("kv", kvNote.textContent + (kv.decompressed_bytes !== null ?
          " Multi-head latent attention: the cache holds the compressed latent and the rotary key per layer (" +
          grouped(kv.values_per_layer_token) + " values), as transformers 5, vLLM and SGLang store it." :
          " Per layer: a key and a value for each key/value head (grouped-query attention shares them between query heads).") +
          " Leaves out: the engine's block rounding and any cache allocated ahead of use.");
        if (kv.decompressed_bytes !== null) {
          memoryBody.appendChild(memoryRow("KV cache decompressed (H keys and values per layer)", kv.decompressed_bytes, "kv-decompressed"));
          item("kv-decompressed", "Decompressed, as transformers 4.x and runtimes without latent caching store it: " +
            grouped(kv.decompressed_values_per_layer_token) + " values per layer and token = " + mib(kv.decompressed_bytes) + ".");
        }
      }
      memoryBody.appendChild(memoryRow("Left on the card after the weights (inference)", fit.free_after_weights < 0n ? 0n : fit.free_after_weights, "free"));
      var fitText = "Card: " + controls.gpu.value.trim() + " GB = " + grouped(fit.gpu_bytes) + " bytes; after the weights " +
        (fit.free_after_weights < 0n ? "nothing: the weights alone need " + gb(-fit.free_after_weights) + " GB more." :
          grouped(fit.free_after_weights) + " bytes are left");
      if (kv !== null && fit.free_after_weights >= 0n) {
        fitText += ", enough for " + (fit.tokens === null ? "any number of tokens in one sequence (only the windows are cached)" :
          grouped(fit.tokens) + " tokens of KV cache in one sequence") + (fit.sequences === null ? "" : ", or " + grouped(fit.sequences) +
          " sequences of " + kv.context_length + " tokens");
        fitText += ". Leaves out activations and the runtime's own memory, which take some of it.";
      } else if (fit.free_after_weights >= 0n) fitText += ".";
      item("fit", fitText);
      statusLine.setAttribute("data-fit-tokens", fit.tokens === null ? "" : fit.tokens.toString());
      var t = m.training;
      if (t) {
        memoryBody.appendChild(memoryRow("Training: weights" + (t.base_format ? " (base in " + t.base_format + " + adapters in fp32)" : " (fp32)"), t.weights, "train-weights"));
        memoryBody.appendChild(memoryRow("Training: gradients (fp32)", t.gradients, "train-gradients"));
        memoryBody.appendChild(memoryRow("Training: optimizer states", t.optimizer_states, "train-optimizer"));
        memoryBody.appendChild(memoryRow("Training: activations (estimate)", t.activations, "train-activations"));
        memoryBody.appendChild(memoryRow("Training: total", t.total, "train-total"));
        var T = grouped(t.trainable_parameters);
        item("train", (t.base_format ? "Trainable (LoRA): rank " + controls.rank.value.trim() + " x (in + out), summed over the language model's targeted matrices = " + T +
          " parameters; the frozen base holds no gradient. " : "Trainable: all " + T + " parameters. ") +
          "Weights " + mib(t.weights) + "; gradients 4 bytes x " + T + " = " + mib(t.gradients) + "; optimizer states " +
          MEM.training[t.mode].states + " x " + T +
          " = " + mib(t.optimizer_states) + ". " +
          (t.mode === "adamw" ? "Full training in mixed precision takes the same 16 bytes per parameter (bf16 weights and gradients, an fp32 master copy). " : "") +
          "The card line above is for inference with the chosen weight format; compare the training total with the card.");
        item("activations", "Activations, estimated per Korthikanti et al. 2022 (section 4.1, equation 1) for 16-bit activations without parallelism: " +
          (t.checkpointing === "on" ? "with gradient checkpointing only each layer's input is kept, 2 x s x b x d bytes per layer" :
            "s x b x d x (34 + 5 x heads x s / d) bytes per layer, with s the tokens per sequence and b the sequences") +
          " = " + mib(t.activations) + ". An estimate: FlashAttention does not store the s x s attention scores (the 5 x heads x s / d term), " +
          "and grouped-query attention and gated MLPs change the 34.");
      }
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
        result = CORE.count(state.config, RULES, { minSize: 1 });
        if (!result.ok) {
          var byControl = new Map();
          result.errors.forEach(function (e) {
            var control = textarea;
            if (e.key === "model_type") control = family;
            else if (e.key) {
              state.fields.forEach(function (f) { if (f.read.keys.indexOf(e.key) >= 0) control = f.control; });
            }
            var message = e.message.charAt(0).toUpperCase() + e.message.slice(1) + ".";
            byControl.set(control, (byControl.get(control) ? byControl.get(control) + " " : "") + message);
          });
          byControl.forEach(function (message, control) { errors.push({ control: control, message: message }); });
          result = null;
        }
      }
      errors.forEach(function (e) { setError(e.control, e.message); });

      breakdownBody.textContent = "";
      memoryBody.textContent = "";
      var optionErrors = CORE.optionErrors(RULES, memoryOptions());
      optionErrors.forEach(function (e) { setError(optionControl(e.key), optionMessage(e)); });

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
        exts.forEach(function (x) { x.render(null, optionErrors); });
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

      // a multimodal model's towers and projectors follow its language model's components
      RULES.components.concat(Object.keys(result.towers || {})).forEach(function (k) {
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

      renderMemory(result, optionErrors);
      var languageModel = result.language_model === undefined ? result.total : result.language_model;
      if (languageModel !== result.total) {
        statusAfter.textContent += " The language model alone: " + grouped(languageModel) + " (" + human(languageModel) +
          "); the towers beside it have rows of their own.";
        statusLine.setAttribute("data-language-model", languageModel.toString());
      }
      if (result.active !== languageModel) {
        statusAfter.textContent += " Active per token (mixture of experts): " + grouped(result.active) + " (" + human(result.active) + ").";
        statusLine.setAttribute("data-active", result.active.toString());
      } else {
        statusLine.setAttribute("data-active", result.total.toString());
      }
      exts.forEach(function (x) { x.render(result, optionErrors); });

      if (result.mtp_parameters > 0n) {
        statusAfter.textContent += " The checkpoint also stores multi-token prediction layers, which transformers does not build: " +
          grouped(result.mtp_parameters) + " more (" + human(result.total + result.mtp_parameters) + " in all).";
      }
      ignored.textContent = result.notes.map(function (n) { return "Counted: " + n + ". "; }).join("") + (result.ignored.length
        ? "Keys that do not affect the count: " + result.ignored.join(", ") + "."
        : "Every key of this config affects the count.");
    }

    // The preset the config is, else "custom": among the presets' configs at hand, and unless noLoad, once more
    // when count-presets.js has come (loaded for this when the config is none at hand).
    function matchPreset(noLoad) {
      var q = stringify(state.config, -1);
      var hit = PRESETS.filter(function (p) { var c = presetConfig(p); return c && stringify(c, -1) === q; })[0];
      preset.value = hit ? hit.id : "custom";
      if (hit || noLoad || window.llmCountPresets) return;
      loadPresets(function (ok) { if (ok && stringify(state.config, -1) === q) matchPreset(true); });
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
      var p = presetById(preset.value);
      if (!p) return;
      withPreset(p, function (config) {
        if (preset.value !== p.id) return;  // another was chosen while this one loaded
        state.config = config;
        state.jsonError = null;
        update({ form: true, textarea: true });
      }, function () { matchPreset(true); render(); });
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
      var fam = family.value;
      if (!fam) return;
      var go = function (base) {
        if (family.value !== fam) return;  // another was chosen while this one's template loaded
        switchFamily(fam, base);
        state.jsonError = null;
        update({ form: true, textarea: true, preset: true });
      };
      var template = PRESETS.filter(function (p) { return p.family === fam; })[0];
      if (template) withPreset(template, go, function () { go({}); });
      else go({});
    });
    CALC_FIELDS.forEach(function (f) { controls[f.id].addEventListener("input", function () { update({}); }); });
    Object.keys(selects).forEach(function (k) { selects[k].addEventListener("change", function () { update({}); }); });
    Object.keys(checks).forEach(function (k) {
      Object.keys(checks[k]).forEach(function (v) {
        checks[k][v].addEventListener("change", function () { if (k === "keep") state.keepExplicit = true; update({}); });
      });
    });

    // ---- start: from the URL when it carries a config or names a preset, else the default preset
    var fromUrl = fromQuery(), defaultConfig = presetConfig(presetById(DEFAULT_PRESET));
    function start(config) {
      state.config = config;
      fillForm();
      fillTextarea();
      matchPreset();
      render();
      scrollFocus();
      if (fromUrl) scheduleUrl();
      else shareLink.setAttribute("href", queryString());
    }
    if (fromUrl && fromUrl.preset) withPreset(fromUrl.preset, start, function () {
      fromUrl = null;  // keep the address as it was, to reload
      start(defaultConfig);
    });
    else start(fromUrl ? fromUrl.config : defaultConfig);
  }

  function mountAll() {
    var root = document.getElementById("calculator");
    if (root) mount(root);
  }

  window.llmCalculator = { mountAll: mountAll, urlDelay: URL_DELAY_MS };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
  // Material's instant navigation: mount again whenever a new page is shown (a no-op elsewhere).
  function watchMaterial() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(function () { mountAll(); });
  }
  if (document.readyState === "complete") watchMaterial();
  else window.addEventListener("load", watchMaterial);
  // The address is the calculator's input, but Material's instant navigation takes a link that differs from the
  // address only in its query (calculator/?preset=a to the plain calculator/, or to ?preset=b) for the same page:
  // it changes the address and fetches nothing (and takes the address back after an instant navigation), so the
  // calculator went on showing the old one. Such a link is left to the browser, which loads its address: stopped
  // here, in the capture phase, it never reaches Material's listener on document.body.
  document.addEventListener("click", function (e) {
    var link = e.target instanceof Element ? e.target.closest("a[href]") : null;
    if (!link || link.target || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (!document.getElementById("calculator")) return;
    var url = new URL(link.href, location.href);
    if (url.origin === location.origin && url.pathname === location.pathname && url.search !== location.search) {
      e.stopPropagation();
    }
  }, true);
})();
