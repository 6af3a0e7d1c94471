"""The calculator page (/calculator/) and the Python counter (the package count_params) never disagree.

The numbers: the page's counting core (docs/assets/count-core.js) runs in Node on thousands of generated and broken
configurations of every family (tests/support/configs.py), fed the rules the build ships, and must give the tool's
numbers and refusals, parameters and memory. The wiring: a real browser (headless Chromium) drives the page with a
configuration of each family pasted into the config.json textarea, every preset, configurations given through the
URL query string and through the fields with the keyboard alone; the page's exact total (#total data-value) and its
breakdown must equal count_parameters() on the same config. Invalid input must show a message next to its field and
no number. Every "try it in the calculator" link of the memory pages opens without error and shows the tool's
memory(). The page's accessibility in its error and training states (its first state is one of the site-wide page
checks, tests/test_browser.py).
"""

from __future__ import annotations

import html
import json
import random
import re
import shutil
import subprocess
import time
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from count_params import ConfigError, bundled_configs, count_parameters, load_config, memory, rules_json
from count_params.families import TEXT_CONFIGS
from count_params.footprint import GIB
from count_params.hardware import DEVICES, UNIFIED_SOURCES
from count_params.memory_rules import MEMORY_DEFAULTS
from count_params.rules import RULES
from count_params.speed import LEAVES_OUT, SPEED_OPTIONS, plan

from hooks import count_rules as count_rules_hook
from hooks import speed_rules as speed_rules_hook
from tests.support import ROOT
from tests.support.browser import axe_violations, instant_page, without_search_documents
from tests.support.configs import broken_config, generated_config, memory_case, nested_config

# The families a configuration in the URL is tried with (their configs have no list or object values, which a URL
# cannot carry).
URL_FAMILIES = ["gpt2", "gpt_neox", "opt", "bert", "llama", "mistral"]


# ---------------------------------------------------------------- the page's counting core, in Node

CORE = ROOT / "docs" / "assets" / "count-core.js"
FORM = ROOT / "docs" / "assets" / "calculator.js"
CALCULATOR = "#calculator"  # what the page's script builds and changes; the page checks judge the rest


def _words(value) -> list[str]:
    """Every string in the words the package gives the page (labels, hints, the names of choices)."""
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else []
    return [w for item in items for w in _words(item)]


def test_the_site_ships_exactly_the_tools_rules_and_configs():
    """One source of truth: the page's rules file (count-rules.js, hooks/count_rules.py) is the package's rules (the
    rules, the options with their defaults, the words the calculator shows), and its presets are the bundled
    configs: each config once, the default one's in count-rules.js, the others' in count-presets.js."""
    configs = count_rules_hook.shipped_configs()
    shipped = _script_value(count_rules_hook.rules_script(configs), "window.llmCountRules")
    assert {k: v for k, v in shipped.items() if k not in ("presets", "default_preset")} == json.loads(rules_json())
    bodies = _script_value(count_rules_hook.presets_script(configs), "window.llmCountPresets")
    inline = [p["id"] for p in shipped["presets"] if "json" in p]
    assert inline == [shipped["default_preset"]], "count-rules.js carries a config other than the default preset's"
    assert shipped["default_preset"] not in bodies, "the default preset's config is shipped twice"
    names = bundled_configs()
    assert [(p["id"], p["family"], json.loads(p["json"] if "json" in p else bodies.pop(p["id"])))
            for p in shipped["presets"]] == [(n, load_config(n)["model_type"], load_config(n)) for n in names]
    assert not bodies, f"count-presets.js has configs that are no preset: {sorted(bodies)}"


def _script_value(script: str, name: str):
    """The value a generated script assigns to `name` (window.llmCountRules = {...};)."""
    return json.loads(script.split(f"{name} = ", 1)[1].rstrip().removesuffix(";"))


def test_the_page_types_none_of_the_words_and_defaults_the_package_gives():
    """One place: the labels of the components and fields, and the memory options' labels, hints and choices,
    reach the page through count-rules.js; neither script retypes one (a label copied into the page would drift)."""
    rules = json.loads(rules_json())
    options = rules["memory"]["options"]
    words = _words(rules["labels"]) + _words([{k: v for k, v in o.items() if k != "default"} for o in options.values()])
    words += _words([[mode["title"], mode["states"]] for mode in rules["memory"]["training"].values()])
    long_words = sorted({w for w in words if len(w) > 12})  # short ones ("Layers", "bf16") are also code words
    assert len(long_words) > 60
    for script in (FORM, CORE):
        text = script.read_text(encoding="utf-8")
        typed = [w for w in long_words if w in text]
        assert not typed, f"{script.name} types words that count-rules.js gives it: {typed}"
PARITY_PER_FAMILY = 100  # valid configs per family; as many broken ones, and some beyond 2**53
# Runs count-core.js as the page does: the rules as the build writes them, each config parsed with exact integers
# (with JSON.parse source access, as recent browsers have, and without it, as older engines do).
SOURCE_ACCESS_FLAG = "--harmony-json-parse-with-source"  # gives Node 20 the source access browsers have
NODE_PARITY = """
const fs = require("fs");
const core = require(process.argv[1]);
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const start = process.hrtime.bigint();
const out = input.configs.map((text) => {
  const r = core.count(core.parseJSON(text), input.rules);
  return r.ok ? {ok: true, total: r.total, active: r.active, non_embedding: r.non_embedding,
    tied: r.tied_output_head, kv: r.kv_values_per_token, breakdown: r.breakdown, family: r.family,
    notes: r.notes, mtp: r.mtp_parameters, lm: r.language_model === undefined ? null : r.language_model,
    ignored: r.ignored} : r;
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ms, sourceAccess: core.sourceAccess, out},
  (k, v) => typeof v === "bigint" ? v.toString() : v));
"""


def parity_configs() -> list[dict]:
    rng = random.Random(2026_12_01)
    valid = [generated_config(family, rng) for family in RULES for _ in range(PARITY_PER_FAMILY)]
    valid += [generated_config(family, rng, scale=2**20) for family in RULES for _ in range(3)]
    valid += [nested_config(outer, generated_config(spec["default"], rng), rng)
              for outer, spec in TEXT_CONFIGS.items() for _ in range(PARITY_PER_FAMILY // 2)]
    # and a null mamba_d_head, which transformers refuses (Falcon-H1, Granite 4.0-H)
    nulls = [{**generated_config(family, rng), "mamba_d_head": None} for family in ("falcon_h1", "granitemoehybrid")]
    return valid + [broken_config(c, rng) for c in valid] + nulls


def python_result(config: dict):
    try:
        r = count_parameters(config)
    except ConfigError as exc:
        return {"ok": False, "key": exc.key}
    return {"ok": True, "total": r["total"], "active": r["active"], "non_embedding": r["non_embedding"],
            "tied": r["tied_output_head"], "kv": r["kv_values_per_token"], "breakdown": r["breakdown"],
            "family": r["family"], "notes": r["notes"], "mtp": r["mtp_parameters"], "lm": r.get("language_model")}


def test_the_page_core_and_the_python_tool_agree_on_thousands_of_configs(tmp_path):
    """count-core.js, fed the rules the build ships, gives the Python tool's numbers for every valid config and
    refuses every config the tool refuses, blaming the same key; without JSON.parse source access it gives exactly
    what it gives with it."""
    assert shutil.which("node"), "this test needs Node.js 20 or later (`apt-get install nodejs`; nox -s tests installs it)"
    configs = parity_configs()
    data = tmp_path / "parity.json"
    data.write_text(json.dumps({"rules": json.loads(rules_json()), "configs": [json.dumps(c) for c in configs]}))
    expected = [python_result(c) for c in configs]
    flag_works = subprocess.run(["node", SOURCE_ACCESS_FLAG, "-e", ""], capture_output=True).returncode == 0
    runs = {}
    for flags in ([SOURCE_ACCESS_FLAG], []) if flag_works else ([],):
        began = time.perf_counter()
        proc = subprocess.run(["node", *flags, "-e", NODE_PARITY, str(CORE), str(data)],
                              capture_output=True, text=True, timeout=120)
        wall = time.perf_counter() - began
        assert proc.returncode == 0, proc.stderr
        shown = json.loads(proc.stdout)
        assert shown["sourceAccess"] or not flags, "the flag did not give JSON.parse source access"
        access = "with" if shown["sourceAccess"] else "without"
        print(f"Node counted {len(configs)} configs {access} JSON source access in {shown['ms']:.0f} ms, "
              f"{wall:.1f} s with start-up")
        runs[access] = shown["out"]
    first, *others = runs.values()
    assert all(out == first for out in others), "count-core.js gives other results without JSON source access"
    n_valid = n_refused = n_ignored = 0
    for config, js, py in zip(configs, first, expected, strict=True):
        assert js["ok"] == py["ok"], f"{config}: Python {py}, JavaScript {js}"
        if py["ok"]:
            n_valid += 1
            numbers = {k: (None if js[k] is None else int(js[k]))
                       for k in ("total", "active", "non_embedding", "kv", "mtp", "lm")}
            assert numbers == {k: py[k] for k in numbers}, config
            assert {k: int(v) for k, v in js["breakdown"].items()} == py["breakdown"], config
            assert (js["tied"], js["family"], js["notes"]) == (py["tied"], py["family"], py["notes"]), config
            if js["ignored"] and "text_config" not in config:  # "keys that do not affect the count": they don't
                kept = {k: v for k, v in config.items() if k not in js["ignored"]}
                assert count_parameters(kept)["total"] == py["total"], (config, js["ignored"])
                n_ignored += 1
        else:
            n_refused += 1
            assert js["errors"][0]["key"] == py["key"], f"{config}: {js['errors']} vs key {py['key']!r}"
    assert n_valid >= 1500 and n_refused >= 1000 and n_ignored >= 500, (n_valid, n_refused, n_ignored)
    print(f"parity: {len(configs)} configs ({n_valid} counted, {n_refused} refused; {n_ignored} with keys said not "
          f"to matter, which don't) agree")
    assert any(r["ok"] and r["total"] > 2**53 for r in expected), "no total beyond 2**53 was tried"


NODE_MEMORY = """
const fs = require("fs");
const core = require(process.argv[1]);
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = input.cases.map(([text, options]) => core.memory(core.parseJSON(text), input.rules, options));
process.stdout.write(JSON.stringify(out, (k, v) => typeof v === "bigint" ? v.toString() : v));
"""


def _exact(value):
    """Integers as strings, as the Node side writes its BigInts."""
    if isinstance(value, dict):
        return {k: _exact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_exact(v) for v in value]
    return str(value) if type(value) is int else value


def test_the_page_core_and_the_python_tool_agree_on_memory(tmp_path):
    """count-core.js's memory() gives the tool's memory() byte for byte (weights by component in every format,
    KV cache by layer kind, tokens that fit, training) and refuses what the tool refuses, blaming the same key."""
    rng = random.Random(17)
    cases = [memory_case(generated_config(family, rng), rng) for family in RULES for _ in range(40)]
    cases += [memory_case(nested_config(outer, generated_config(spec["default"], rng), rng), rng)
              for outer, spec in TEXT_CONFIGS.items() for _ in range(20)]
    cases += [memory_case(load_config(name), rng) for name in bundled_configs() for _ in range(4)]
    data = tmp_path / "memory.json"
    data.write_text(json.dumps({"rules": json.loads(rules_json()),
                                "cases": [[json.dumps(c), o] for c, o in cases]}))
    proc = subprocess.run(["node", "-e", NODE_MEMORY, str(CORE), str(data)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout)
    kinds = {"ok": 0, "refused": 0}
    for (config, options), js in zip(cases, shown, strict=True):
        try:
            py = memory(config, options)
        except ConfigError as exc:
            kinds["refused"] += 1
            assert not js["ok"], f"{config} {options}: Python refuses ({exc}), JavaScript gives {js}"
            assert js["errors"][0]["key"] == exc.key, f"{config} {options}: {js['errors']} vs {exc.key!r}"
            continue
        kinds["ok"] += 1
        assert js.pop("ok"), f"{config} {options}: JavaScript refuses ({js['errors']}), Python gives {py}"
        assert js == _exact(py), f"{config} {options}"
    assert kinds["ok"] >= 800 and kinds["refused"] >= 50, kinds
    print(f"memory parity: {kinds}")


# ---------------------------------------------------------------- driving the page

READ_RESULT = """() => {
  const total = document.getElementById("total");
  const breakdown = {};
  for (const td of document.querySelectorAll("#calc-breakdown [data-component]")) {
    breakdown[td.dataset.component] = td.dataset.value;
  }
  const memory = {};
  for (const tr of document.querySelectorAll("#calc-memory [data-memory]")) memory[tr.dataset.memory] = tr.dataset.bytes || null;
  return {
    total: total ? total.getAttribute("data-value") : null,
    non_embedding: document.getElementById("calc-status").dataset.nonEmbedding || null,
    breakdown, memory,
    ignored: document.getElementById("calc-ignored").textContent,
    tablesHidden: document.getElementById("calc-tables").hidden,
  };
}"""

# Give a control each value in turn, with the event a reader's action fires (a paste into the textarea: input; a
# choice in a menu: change), and read what the page shows after each, in one call: a round trip from the test per
# value cost more than the page's own work.
SET_EACH = """([id, event, values]) => {
  const read = READ_RESULT;
  const control = document.getElementById(id);
  return values.map((value) => {
    control.value = value;
    control.dispatchEvent(new Event(event, { bubbles: true }));
    return {busy: document.getElementById("calc-results").hasAttribute("aria-busy"),
            json: document.getElementById("config-json").value, shown: read()};
  });
}""".replace("READ_RESULT", READ_RESULT)


def calculator_url(site_url: str, query: dict | None = None) -> str:
    url = site_url + "calculator/"
    if query:
        url += "?" + urlencode({k: _query_value(v) for k, v in query.items() if not isinstance(v, (list, dict))})
    return url


def _query_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return "null" if v is None else str(v)


def open_calculator(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("#calculator[data-calc-mounted]", state="attached")
    settled(page)


def settled(page) -> None:
    """Wait until no preset's config is loading (count-presets.js comes when the first preset past the default is
    needed)."""
    page.wait_for_selector("#calc-results[aria-busy]", state="detached")


def choose_preset(page, stem: str) -> None:
    page.select_option("#calc-preset", stem)
    settled(page)


def read_result(page) -> dict:
    return page.evaluate(READ_RESULT)


def assert_agrees(shown: dict, config: dict, label: str) -> None:
    expected = count_parameters(config)
    assert shown["total"] is not None, f"{label}: the page shows no total for a valid config: {config}"
    assert int(shown["total"]) == expected["total"], f"{label}: total {shown['total']} != {expected['total']} for {config}"
    got = {k: int(v) for k, v in shown["breakdown"].items() if k != "total"}
    assert got == expected["breakdown"], f"{label}: breakdown {got} != {expected['breakdown']} for {config}"
    assert int(shown["breakdown"]["total"]) == expected["total"]
    assert int(shown["non_embedding"]) == expected["non_embedding"], f"{label}: non-embedding differs for {config}"


@pytest.fixture(scope="module")
def calc_context(browser, built_site):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(10_000)
    without_search_documents(context, built_site)
    yield context
    context.close()


@pytest.fixture(scope="module")
def calc_page(calc_context, site_url):
    """One calculator page for the tests that start from the plain address (calc)."""
    page = calc_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_calculator(page, calculator_url(site_url))
    yield page, errors
    page.close()
    assert not errors, f"JavaScript errors on the calculator page: {errors}"


@pytest.fixture
def calc(calc_page):
    """The shared calculator page with a new calculator for the plain address (show_again(), whose premise has a
    test of its own), as a page load of it shows one: a page load per test cost more than most of these tests."""
    page, errors = calc_page
    show_again(page, "")
    yield page
    assert not errors, f"JavaScript errors on the calculator page: {errors}"


# ---------------------------------------------------------------- agreement with the Python tool


def test_a_pasted_configuration_of_each_family_shows_the_tools_count(calc):
    """Wiring, not arithmetic (the Node tests above check the numbers): a config.json pasted into the textarea
    reaches the core with the shipped rules, and the page shows the exact total, the breakdown and the
    non-embedding count, for a config of each family (each has its own fields) and one beyond 2**53."""
    rng = random.Random(16)
    configs = [generated_config(family, rng) for family in sorted(RULES)]
    wide = (generated_config("llama", rng, scale=2**20) for _ in range(20))
    configs.append(next((c for c in wide if count_parameters(c)["total"] > 2**53), configs[-1]))
    assert count_parameters(configs[-1])["total"] > 2**53, "no total beyond 2**53 was tried"
    shown = calc.evaluate(SET_EACH, ["config-json", "input", [json.dumps(c) for c in configs]])
    for config, result in zip(configs, shown, strict=True):
        assert_agrees(result["shown"], config, f"pasted config ({config['model_type']})")


def test_every_preset_is_a_committed_config_and_agrees(calc):
    stems = sorted(bundled_configs())
    options = calc.eval_on_selector_all("#calc-preset option", "els => els.map(e => e.value)")
    assert sorted(o for o in options if o != "custom") == stems, "the presets and the committed configs differ"
    choose_preset(calc, next(s for s in stems if s != count_rules_hook.DEFAULT_PRESET))  # loads the presets' configs
    for stem, chosen in zip(stems, calc.evaluate(SET_EACH, ["calc-preset", "change", stems]), strict=True):
        config = load_config(stem)
        assert not chosen["busy"], f"preset {stem}: still loading once the presets' configs are here"
        assert json.loads(chosen["json"]) == config, f"preset {stem} is not configs/{stem}.json"
        assert_agrees(chosen["shown"], config, f"preset {stem}")


def test_a_mixture_of_experts_shows_its_active_count(calc_context, site_url):
    """(The model table's links here: test_from_one_address_a_link_to_another_shows_that_one.)"""
    page = calc_context.new_page()
    open_calculator(page, calculator_url(site_url) + "?preset=deepseek-v3")  # as the model table links
    config = load_config("deepseek-v3")
    assert_agrees(read_result(page), config, "?preset=deepseek-v3")
    expected = count_parameters(config)
    assert expected["active"] < expected["total"]
    assert page.get_attribute("#calc-status", "data-active") == str(expected["active"])
    assert f"{expected['active']:,}" in page.inner_text("#calc-status")
    page.close()


PRESETS_FILE = "/" + count_rules_hook.PRESETS_JS  # the presets' configs but the default's


def test_a_plain_visit_does_not_load_the_presets_configs_and_an_address_naming_a_preset_does(browser, built_site,
                                                                                           site_url):
    """The page's weight: a plain visit shows the default preset without count-presets.js; ?preset=<id> (as the
    model table links) loads it and shows that preset and its count. A context of its own, so that no other
    test's page has put the file in the browser's cache (a request served from the cache is still reported, but
    this keeps the test's reading plain)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    without_search_documents(context, built_site)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(urlsplit(r.url).path))
    page = context.new_page()
    try:
        open_calculator(page, calculator_url(site_url))
        page.wait_for_load_state("networkidle")
        assert any(r.endswith("/count-rules.js") for r in requests), requests
        assert not [r for r in requests if r.endswith(PRESETS_FILE)], "a plain visit loads the presets' configs"
        assert page.input_value("#calc-preset") == count_rules_hook.DEFAULT_PRESET
        assert_agrees(read_result(page), load_config(count_rules_hook.DEFAULT_PRESET), "the plain visit")
        stem = "qwen3-30b-a3b"
        open_calculator(page, calculator_url(site_url) + f"?preset={stem}")
        assert [r for r in requests if r.endswith(PRESETS_FILE)], "?preset= did not load the presets' configs"
        assert page.input_value("#calc-preset") == stem
        assert json.loads(page.input_value("#config-json")) == load_config(stem)
        assert_agrees(read_result(page), load_config(stem), f"?preset={stem}")
    finally:
        context.close()


def test_on_the_plain_page_the_presets_configs_come_when_a_family_or_a_pasted_preset_needs_them(calc_context,
                                                                                               site_url):
    """A new family takes the sizes it does not share with the last config from its first preset, and a pasted
    config that is a preset names it in the preset menu: both need the presets' configs, which a plain visit has
    not loaded."""
    page = calc_context.new_page()
    open_calculator(page, calculator_url(site_url))
    assert page.evaluate("window.llmCountPresets") is None, "the plain page has the presets' configs already"
    family = "t5"  # it reads sizes that GPT-2 does not (d_ff, d_kv, num_layers)
    template = next(c for c in map(load_config, bundled_configs()) if c["model_type"] == family)
    page.select_option("#calc-model-type", family)
    settled(page)
    config = json.loads(page.input_value("#config-json"))
    assert config["model_type"] == family
    sizes = ("d_ff", "d_kv")
    assert [config.get(k) for k in sizes] == [template[k] for k in sizes], "the family's first preset gave no sizes"
    assert page.locator("[aria-invalid='true']").count() == 0
    assert_agrees(read_result(page), config, f"switched to {family}")
    page.close()
    page = calc_context.new_page()
    open_calculator(page, calculator_url(site_url))
    assert page.evaluate("window.llmCountPresets") is None
    page.fill("#config-json", json.dumps(load_config("llama-3-8b")))
    page.wait_for_function("document.getElementById('calc-preset').value === 'llama-3-8b'")
    page.close()


def test_the_offline_copy_loads_the_presets_configs_from_disk(browser, offline_site):
    """From file:// (the offline copy), an address naming a preset and a preset chosen on the plain page both show
    the preset's count: count-presets.js comes as a script, which file:// allows (fetch would be refused)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        calculator = (offline_site / "calculator.html").as_uri()
        open_calculator(page, calculator + "?preset=mixtral-8x7b-v0.1")
        assert_agrees(read_result(page), load_config("mixtral-8x7b-v0.1"), "offline, ?preset=mixtral-8x7b-v0.1")
        page.close()
        page = context.new_page()
        open_calculator(page, calculator)
        assert_agrees(read_result(page), load_config(count_rules_hook.DEFAULT_PRESET), "offline, the plain page")
        choose_preset(page, "bert-base-uncased")
        assert_agrees(read_result(page), load_config("bert-base-uncased"), "offline, a preset chosen")
        assert [r for r in requests if r.endswith(PRESETS_FILE)], requests
        leaving = [r for r in requests if not r.startswith(("file://", "data:", "blob:", "about:"))]
        assert not leaving, f"the offline calculator requested: {leaving}"
    finally:
        context.close()


def test_presets_configs_that_cannot_be_loaded_are_a_clear_error(calc_context, site_url):
    """When count-presets.js does not come, the page says so and shows the default preset, with the address kept
    (to reload); no "loading" stays behind."""
    page = calc_context.new_page()
    page.route("**" + PRESETS_FILE, lambda route: route.abort())
    url = calculator_url(site_url) + "?preset=llama-3-8b"
    open_calculator(page, url)
    assert "count-presets.js) could not be loaded" in page.inner_text("#calc-url-error")
    assert page.is_visible("#calc-url-error")
    assert_agrees(read_result(page), load_config(count_rules_hook.DEFAULT_PRESET), "the presets did not load")
    # No sleep: a timer of the page's delay, set now, runs after any address write the calculator set as it started
    # (timers of equal delay run in the order they were set)
    page.evaluate("new Promise(done => setTimeout(done, window.llmCalculator.urlDelay))")
    assert page.url == url
    page.close()


def test_a_family_the_rules_do_not_cover_is_not_supported_yet(calc):
    calc.fill("#config-json", json.dumps({"model_type": "mamba", "hidden_size": 768, "num_hidden_layers": 24}))
    assert_field_error(calc, "calc-model-type", "not supported yet")
    assert "qwen3_moe" in calc.inner_text("#calc-model-type-error"), "the supported families are not listed"


def test_a_configuration_in_the_url_reproduces_the_count(calc_context, site_url):
    rng = random.Random(7)
    page = calc_context.new_page()
    for family in URL_FAMILIES:
        config = generated_config(family, rng)
        config.pop("architectures", None)  # a list, which a URL cannot carry
        assert not any(isinstance(v, (list, dict)) for v in config.values()), config
        show_address(page, site_url, urlsplit(calculator_url(site_url, config)).query)
        assert_agrees(read_result(page), config, f"URL config ({family})")
    page.close()


def test_the_url_mirrors_every_field_and_the_link_reproduces_it(calc, site_url):
    config = load_config("llama-3-8b")
    config.update(num_hidden_layers=40, num_key_value_heads=4)
    calc.fill("#config-json", json.dumps(config))
    calc.fill("#calc-context", "8192")
    calc.wait_for_function("location.search.includes('num_hidden_layers=40') && location.search.includes('context_length=8192')")
    for key in ("model_type=llama", "hidden_size=4096", "num_key_value_heads=4", "intermediate_size=14336",
                "vocab_size=128256", "tie_word_embeddings=false", "rope_theta=500000"):
        assert key in calc.evaluate("location.search"), f"{key} is not in the URL"
    shared = calc.get_attribute("#calc-share", "href")
    page = calc.context.new_page()
    open_calculator(page, calculator_url(site_url) + shared)
    assert_agrees(read_result(page), config, "shared link")
    assert page.input_value("#calc-context") == "8192"
    assert "rope_theta" in read_result(page)["ignored"], "a key that does not affect the count is not listed"
    page.close()


def shown_memory(page) -> dict:
    return {k: (None if v is None else int(v)) for k, v in read_result(page)["memory"].items()}


def test_memory_rows_are_the_tools_memory_for_the_same_options(calc):
    """Weights, KV cache, what fits and training, in the page, are memory() of the tool for the same options."""
    choose_preset(calc, "llama-2-7b")
    calc.fill("#calc-context", "4096")
    calc.fill("#calc-batch", "1")
    calc.select_option("#calc-kv-dtype", "bf16")
    llama2 = load_config("llama-2-7b")
    shown = shown_memory(calc)
    assert shown["kv"] == 2 * 32 * 32 * 128 * 2 * 4096  # 2 x layers x kv heads x head dim x bytes x tokens x batch
    assert shown["weights"] == 2 * count_parameters(llama2)["total"]
    kv_row = calc.inner_text("#calc-memory [data-memory='kv']")
    assert "2.15 GB" in kv_row and "2.00 GiB" in kv_row, kv_row  # 2**31 bytes: GB is 10**9, GiB is 2**30
    cases = [
        ("llama-3-8b", {"weights": "q4_k_m", "context_length": "8192", "gpu_gb": "24", "batch_size": "3"}),
        ("mixtral-8x7b-v0.1", {"weights": "gptq-int4", "group_size": "32", "training": "qlora", "lora_rank": "8",
                               "lora_targets": "q,v", "checkpointing": "on"}),
        ("deepseek-v2-lite", {"weights": "nf4-dq", "kv_cache_dtype": "fp8", "training": "adamw-8bit"}),
        ("gemma-2-2b", {"weights": "int8", "keep": "norms", "context_length": "10000", "training": "sgd-momentum"}),
        # a hybrid: keys and values on its 4 attention layers, a state on its 24 Mamba-2 layers
        ("nemotron-h-8b-base-8k", {"weights": "bf16", "context_length": "32768"}),
    ]
    for stem, options in cases:
        config = load_config(stem)
        choose_preset(calc, stem)
        calc.select_option("#calc-weights", options["weights"])
        calc.select_option("#calc-training", options.get("training", "none"))
        calc.select_option("#calc-checkpointing", options.get("checkpointing", "off"))
        calc.select_option("#calc-kv-dtype", options.get("kv_cache_dtype", "bf16"))
        for key, field in (("context_length", "#calc-context"), ("batch_size", "#calc-batch"), ("gpu_gb", "#calc-gpu"),
                           ("group_size", "#calc-group"), ("lora_rank", "#calc-rank")):
            calc.fill(field, str(options.get(key, MEMORY_DEFAULTS[key])))
        for key in ("keep", "lora_targets"):
            if key in options:
                for box in calc.locator(f"#calc-{key} input[type=checkbox]").all():
                    box.set_checked(box.get_attribute("value") in options[key].split(","))
        expected = memory(config, options)
        shown = shown_memory(calc)
        assert shown["weights"] == expected["weights"]["bytes"], stem
        assert shown["kv"] == expected["kv_cache"]["bytes"], stem
        assert shown["free"] == max(expected["fit"]["free_after_weights"], 0), stem
        tokens = calc.get_attribute("#calc-status", "data-fit-tokens")
        assert tokens == ("" if expected["fit"]["tokens"] is None else str(expected["fit"]["tokens"])), stem
        training = expected["training"]
        if training:
            assert [shown[f"train-{k}"] for k in ("weights", "gradients", "optimizer", "activations", "total")] == [
                training[k] for k in ("weights", "gradients", "optimizer_states", "activations", "total")], stem
        if stem == "deepseek-v2-lite":
            assert shown["kv-decompressed"] == expected["kv_cache"]["decompressed_bytes"]
        working = calc.inner_text("#calc-working")
        assert f"{expected['weights']['bytes']:,} bytes" in working and "Leaves out" in working, working
        kv = expected["kv_cache"]
        if kv["recurrent_layers"]:  # the working names the state's precision apart from the cache's
            assert (f"({kv['conv_values_per_layer']:,} convolution values x {kv['bytes_per_value']} bytes + "
                    f"{kv['state_values_per_layer']:,} state values x {kv['state_bytes_per_value']} bytes)") in working
    choose_preset(calc, "bert-base-uncased")
    assert shown_memory(calc)["kv"] is None, "an encoder has no KV cache"


def test_memory_parameters_in_the_url_and_a_bad_one_is_a_clear_error(calc_context, site_url):
    page = calc_context.new_page()
    url = calculator_url(site_url) + ("?preset=llama-3-8b&weights=q4_k_m&context_length=8192&gpu_gb=24&training=lora"
                                      "&lora_rank=32&lora_targets=q,k,v,o,gate&checkpointing=on")
    open_calculator(page, url)
    config = load_config("llama-3-8b")
    expected = memory(config, {"weights": "q4_k_m", "context_length": "8192", "training": "lora", "lora_rank": "32",
                                    "lora_targets": "q,k,v,o,gate", "checkpointing": "on"})
    shown = shown_memory(page)
    assert shown["weights"] == expected["weights"]["bytes"] and shown["train-total"] == expected["training"]["total"]
    assert page.is_hidden("#calc-url-error")
    page.wait_for_function("location.search.includes('lora_rank=32') && location.search.includes('weights=q4_k_m')")
    for query, words in (("preset=llama-9", "preset=llama-9 is not a preset"),
                         ("preset=gpt2&weights=int3", "weights=int3 is not one of"),
                         ("preset=gpt2&lora_targets=q,z", "z is not one of")):
        show_again(page, query)
        assert page.is_visible("#calc-url-error"), query
        assert words in page.inner_text("#calc-url-error"), page.inner_text("#calc-url-error")
        assert read_result(page)["total"] is not None, "the page still counts the default"
    show_again(page, "preset=gpt2&gpu_gb=lots")
    assert "Card memory (GB) must be a number" in page.inner_text("#calc-gpu-error")
    page.close()


# ---------------------------------------------------------------- invalid input


def assert_field_error(page, control_id: str, words: str) -> None:
    control = page.locator(f"#{control_id}")
    assert control.get_attribute("aria-invalid") == "true", f"#{control_id} is not marked invalid"
    error_id = f"{control_id}-error"
    assert error_id in control.get_attribute("aria-describedby").split(), f"#{control_id} does not point to its message"
    message = page.inner_text(f"#{error_id}")
    assert words in message, f"the message next to #{control_id} is {message!r}, expected it to say {words!r}"
    assert page.locator(f"#{control_id}-field #{error_id}").count() == 1, "the message is not next to its field"
    shown = read_result(page)
    assert shown["total"] is None and shown["tablesHidden"], "a number is shown despite invalid input"
    assert page.inner_text("#total") == ""


GPT2_TINY = {"model_type": "gpt2", "vocab_size": 100, "n_positions": 16, "n_embd": 64, "n_layer": 2, "n_head": 4}
LLAMA_TINY = {"model_type": "llama", "vocab_size": 100, "hidden_size": 64, "intermediate_size": 128,
              "num_hidden_layers": 2, "num_attention_heads": 8, "num_key_value_heads": 4}


@pytest.mark.parametrize(
    "config, control_id, words, python_rejects",
    [
        pytest.param({**GPT2_TINY, "n_embd": 70}, "calc-heads", "not divisible", True, id="heads-do-not-divide"),
        pytest.param({**LLAMA_TINY, "num_key_value_heads": 3}, "calc-kv_heads", "not a multiple", True, id="kv-heads"),
        pytest.param({**LLAMA_TINY, "num_hidden_layers": -3}, "calc-layers", "0 or more", True, id="negative"),
        pytest.param({**GPT2_TINY, "n_layer": 0}, "calc-layers", "at least 1", False, id="zero"),
        pytest.param({**GPT2_TINY, "vocab_size": "many"}, "calc-vocab", "whole number", True, id="not-a-number"),
        pytest.param({**LLAMA_TINY, "hidden_size": 64.0}, "calc-hidden", "whole number", True, id="decimal"),
        pytest.param({**GPT2_TINY, "model_type": "gpt5"}, "calc-model-type", "Unknown model_type", True, id="unknown-family"),
        pytest.param({k: v for k, v in GPT2_TINY.items() if k != "n_head"}, "calc-heads", "required", True, id="missing"),
        pytest.param({**GPT2_TINY, "tie_word_embeddings": "yes"}, "calc-tied", "true or false", True, id="not-a-boolean"),
    ],
)
def test_invalid_config_shows_a_message_next_to_the_field_and_no_number(calc, config, control_id, words,
                                                                          python_rejects):
    if python_rejects:
        with pytest.raises(ConfigError):
            count_parameters(config)
    calc.fill("#config-json", json.dumps(config))
    assert_field_error(calc, control_id, words)
    gpt2 = load_config("gpt2")  # fixed: a valid config pasted next shows its count and clears every message
    calc.fill("#config-json", json.dumps(gpt2))
    assert read_result(calc)["total"] == str(count_parameters(gpt2)["total"])
    assert calc.locator("[aria-invalid='true']").count() == 0, "a message of the invalid config is left"


def test_invalid_input_in_the_url_and_in_the_fields(calc, calc_context, site_url):
    page = calc_context.new_page()
    open_calculator(page, calculator_url(site_url, {**GPT2_TINY, "n_head": 3, "n_embd": 64}))
    assert_field_error(page, "calc-heads", "not divisible")
    open_calculator(page, calculator_url(site_url, {**GPT2_TINY, "model_type": "nonsense"}))
    assert_field_error(page, "calc-model-type", "Unknown model_type")
    page.close()
    calc.fill("#calc-hidden", "abc")
    assert_field_error(calc, "calc-hidden", "whole number")
    calc.fill("#calc-hidden", "768")  # fixed: the number comes back, and the message goes
    gpt2 = load_config("gpt2")
    assert read_result(calc)["total"] == str(count_parameters(gpt2)["total"])
    assert calc.get_attribute("#calc-hidden", "aria-invalid") is None and calc.inner_text("#calc-hidden-error") == ""
    calc.fill("#config-json", '{"model_type": "gpt2", ')
    assert_field_error(calc, "config-json", "not valid JSON")
    calc.fill("#calc-context", "-1")
    assert "at least 1" in calc.inner_text("#calc-context-error")


# ---------------------------------------------------------------- accessibility and navigation


def test_every_control_has_a_label_and_the_status_is_a_live_region(calc):
    unlabelled = calc.evaluate("""() => [...document.querySelectorAll("#calculator :is(input, select, textarea)")]
        .filter((e) => !(e.labels && e.labels.length && e.labels[0].textContent.trim())).map((e) => e.id || e.name)""")
    assert unlabelled == []
    assert calc.get_attribute("#calc-status", "aria-live") == "polite"
    assert calc.locator("#calc-status #total").count() == 1, "the total is not announced"
    assert calc.get_attribute("label[for='config-json']", "for") == "config-json"


def test_the_calculator_works_with_the_keyboard_alone(calc):
    choose_preset(calc, "gpt2")
    calc.locator("body").focus()
    for _ in range(120):  # Tab from the top of the page to the layers field
        calc.keyboard.press("Tab")
        if calc.evaluate("document.activeElement.id") == "calc-layers":
            break
    else:
        pytest.fail("Tab never reached the layers field")
    calc.keyboard.press("Control+A")
    calc.keyboard.type("24")
    config = load_config("gpt2")
    config["n_layer"] = 24
    assert_agrees(read_result(calc), config, "keyboard: 24 layers")
    while calc.evaluate("document.activeElement.id") != "calc-tied":
        calc.keyboard.press("Tab")
    calc.keyboard.press("Space")
    config["tie_word_embeddings"] = False
    assert_agrees(read_result(calc), config, "keyboard: untied head")
    assert calc.input_value("#calc-preset") == "custom"


def follow_navigation(page, path):
    """Follow the primary navigation's link to `path`, and wait until the page shows it (by instant navigation, or
    by a page load): Material changes the address before it replaces the content, so until then the old page (and
    its calculator) is still there."""
    page.evaluate("document.querySelector('article').setAttribute('data-left-behind', '')")
    page.locator(f".md-nav--primary a[href$='{path}']").first.click()
    page.wait_for_function(f"location.pathname.endsWith('/{path}') && !document.querySelector('article[data-left-behind]')")


def test_instant_navigation_mounts_the_calculator_once(calc_context, site_url):
    """Reached by Material's instant navigation (no full page load), the calculator still mounts, once."""
    page = instant_page(calc_context, site_url)
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    follow_navigation(page, "calculator/")
    page.wait_for_selector("#total[data-value]")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name") == site_url, "not an instant navigation"
    gpt2 = load_config("gpt2")
    assert_agrees(read_result(page), gpt2, "after instant navigation")
    page.fill("#calc-layers", "24")
    page.wait_for_function("location.search.includes('n_layer=24')")
    follow_navigation(page, "glossary/")
    page.go_back()  # back to the address the calculator wrote: the same configuration comes back
    page.wait_for_selector("#total[data-value]")
    assert_agrees(read_result(page), {**gpt2, "n_layer": 24}, "back to the calculator")
    assert page.locator("#calc-preset").count() == 1, "the calculator was mounted twice"
    follow_navigation(page, "glossary/")
    follow_navigation(page, "calculator/")
    assert not page.evaluate("location.search")
    page.wait_for_selector("#total[data-value]")
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name") == site_url, "a full page load happened"
    assert page.locator("#calc-preset").count() == 1, "the calculator was mounted twice"
    assert_agrees(read_result(page), gpt2, "the plain address: the default preset")
    page.close()


def test_from_one_address_a_link_to_another_shows_that_one(calc_context, site_url):
    """A reader at one address of the calculator (a preset, reached by the model table's link with its count, by
    instant navigation) who follows a link to another address of it (the navigation's link to the plain address)
    sees that address. Material's instant navigation takes a link that differs from the address only in its query
    for the page itself and drops it: the click did nothing and the calculator kept showing the first address."""
    mixtral = load_config("mixtral-8x7b-v0.1")
    page = instant_page(calc_context, site_url)
    page.goto(site_url + "models/")
    page.wait_for_load_state("networkidle")
    link = page.locator("a[href$='?preset=mixtral-8x7b-v0.1']")
    assert f"{count_parameters(mixtral)['total']:,}" in page.locator("tr", has=link).inner_text()
    link.click()
    page.wait_for_selector("#calculator[data-calc-mounted]", state="attached")
    settled(page)
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name") == site_url + "models/", (
        "not an instant navigation")
    assert page.input_value("#calc-preset") == "mixtral-8x7b-v0.1"
    assert_agrees(read_result(page), mixtral, "?preset=mixtral-8x7b-v0.1")
    follow_navigation(page, "calculator/")
    page.wait_for_selector("#calculator[data-calc-mounted]", state="attached")
    settled(page)
    assert page.evaluate("location.search") == ""
    assert page.input_value("#calc-preset") == count_rules_hook.DEFAULT_PRESET
    assert_agrees(read_result(page), load_config(count_rules_hook.DEFAULT_PRESET), "the plain address after a preset")
    page.close()


@pytest.mark.parametrize("scheme, material_scheme", [("light", "default"), ("dark", "slate")])
def test_axe_finds_no_violation_in_the_states_a_reader_reaches(browser, site_url, scheme, material_scheme):
    """The states a reader reaches by typing, which the site-wide page checks (tests/test_browser.py: axe on every
    page as it loads, this one included, in both schemes) do not, walked on one page: the memory rows of a
    fine-tuning run with the message for a bad address and the fit and speed section with its figures and working;
    a bad fit or speed option's message; a field's error (its message, aria-invalid, colours)."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        # (an address that names a bad LoRA target: the page says so, and counts the rest of it)
        open_calculator(page, calculator_url(site_url) + "?preset=mixtral-8x7b-v0.1&training=qlora&weights=q4_k_m"
                        "&lora_targets=q,z&device=rtx-4090&offload=layers:4&cpu_memory=ddr5-5600-2ch&cpu_gb=64")
        assert page.get_attribute("body", "data-md-color-scheme") == material_scheme
        assert page.is_visible("#calc-url-error") and page.locator("#calc-memory [data-memory^='train-']").count() == 5
        assert page.locator("#calc-speed [data-speed='decode']").count() == 1
        violations = axe_violations(page, within=CALCULATOR)
        assert not violations, "training, fit and speed, and the address's error: " + "\n".join(violations)
        page.fill("#calc-devices", "0")
        assert page.get_attribute("#calc-devices", "aria-invalid") == "true"
        violations = axe_violations(page, within=CALCULATOR)
        assert not violations, "a bad option: " + "\n".join(violations)
        page.fill("#calc-heads", "5")
        assert page.get_attribute("#calc-heads", "aria-invalid") == "true"
        violations = axe_violations(page, within=CALCULATOR)
        assert not violations, "the error state: " + "\n".join(violations)
    finally:
        context.close()


def test_on_a_phone_a_bar_shows_the_total_while_the_results_are_below(browser, built_site, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    without_search_documents(context, built_site)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        open_calculator(page, calculator_url(site_url))
        page.wait_for_selector("#total[data-value]")
        page.locator("#calc-layers").scroll_into_view_if_needed()
        page.wait_for_selector("#calc-peek", state="visible")
        assert page.text_content("#calc-peek").startswith(f"Total: {page.text_content('#total')} parameters")
        page.fill("#calc-layers", "24")
        page.wait_for_function("document.getElementById('calc-peek').textContent.includes(document.getElementById('total').textContent)")
        assert page.text_content("#total") != "124,439,808", "the total did not change with the layers"
        page.click("#calc-peek")
        page.wait_for_selector("#calc-peek", state="hidden")  # the results are in view
        assert page.locator("#calc-status").is_visible()
    finally:
        context.close()


def test_on_a_wide_screen_there_is_no_bar(calc):
    calc.locator("#calc-layers").scroll_into_view_if_needed()
    assert not calc.is_visible("#calc-peek")


# ---------------------------------------------------------------- the memory pages' links into the calculator
# Every "try it in the calculator" link of the memory pages (issue 17), shown by the real calculator of the built
# site for the link's address (show_again(), below): no error about the address or a field, and the figures are
# the tool's memory() for the link's preset and options. The calculator and the tool are the single source of the parameter
# names and values; these tests keep no copy of them.

MEMORY_PAGES = ["memory-footprint", "quantization", "quantization-formats", "lora", "qlora", "kv-cache",
                "optimizer-state", "offloading", "prefill-and-decode"]
HREF = re.compile(r'href="([^"]*calculator/\?[^"]*)"')
# The memory rows of the page (data-memory) and where the tool's memory() holds the same figure.
ROWS = {
    "weights": ("weights", "bytes"),
    "kv": ("kv_cache", "bytes"),
    "kv-decompressed": ("kv_cache", "decompressed_bytes"),
    "train-weights": ("training", "weights"),
    "train-gradients": ("training", "gradients"),
    "train-optimizer": ("training", "optimizer_states"),
    "train-activations": ("training", "activations"),
    "train-total": ("training", "total"),
}


def calculator_links(built_site) -> dict[str, str]:
    """Each distinct calculator address the memory pages link to, resolved as the browser resolves it, with the
    first page that links it."""
    links: dict[str, str] = {}
    for slug in MEMORY_PAGES:
        text = (built_site / "terms" / slug / "index.html").read_text(encoding="utf-8")
        hrefs = [html.unescape(h) for h in HREF.findall(text)]
        assert hrefs, f"docs/terms/{slug}.md: no link to the calculator preloaded with an example"
        for href in hrefs:
            links.setdefault(urlsplit(urljoin(f"/terms/{slug}/", href)).query, slug)
    return links


def expected_rows(query: str) -> tuple[dict, object]:
    """The tool's figures for a link: the page's memory rows and the tokens that fit on the card."""
    options = {k: v for k, v in parse_qsl(query) if k not in SPEED_OPTIONS}  # memory()'s; plan() takes the rest
    config = load_config(options.pop("preset"))
    device = dict(parse_qsl(query)).get("device")
    if device and DEVICES[device]["memory_gb"] and "gpu_gb" not in options:  # a device fills in the card's memory
        held = plan(config, {"device": device})["fit"]["device_bytes"]
        assert held % GIB == 0, device
        options["gpu_gb"] = str(held // GIB)
    m = memory(config, options)
    rows = {row: m[part][key] for row, (part, key) in ROWS.items() if m[part] is not None}
    rows = {row: value for row, value in rows.items() if value is not None}
    rows["free"] = max(m["fit"]["free_after_weights"], 0)
    return rows, m["fit"]["tokens"]


# The calculator shown again for another address in the same document, as Material's instant navigation shows it
# (a new, unmounted #calculator, mounted by calculator.js's mountAll()): the address is its only input. A page load
# per address would load again, each time, the theme, the rules and the core that all addresses share (three times
# the CPU for the memory pages' links). The speed scripts stay once loaded, as after instant navigation, so an
# address is shown again only after one of its kind: with a fit or speed option or without (a page load loads the
# speed scripts for the first kind only). test_the_calculator_shown_again_shows_what_a_page_load_shows checks this
# premise.
SHOW_AGAIN_JS = """query => {
  history.replaceState(null, "", location.pathname + "?" + query);
  const old = document.getElementById("calculator"), fresh = old.cloneNode(false);
  fresh.removeAttribute("data-calc-mounted");
  old.replaceWith(fresh);
  window.llmCalculator.mountAll();
}"""


def show_again(page, query: str) -> None:
    """The calculator, already on `page` for an address of the same kind, shown again for `query` (SHOW_AGAIN_JS)."""
    assert has_speed_options(urlsplit(page.url).query) == has_speed_options(query), (
        f"{query}: shown again after {page.url}, an address of the other kind (see SHOW_AGAIN_JS)")
    page.evaluate(SHOW_AGAIN_JS, query)
    page.wait_for_selector("#calculator[data-calc-mounted] #total", state="attached")
    settled(page)


def has_speed_options(query: str) -> bool:
    return bool(set(dict(parse_qsl(query))) & set(SPEED_OPTIONS))


def show_address(page, site_url: str, query: str) -> None:
    """`query` in the calculator on `page`: shown again where the page shows an address of the same kind already
    (show_again()), and by a page load where it does not (a new page, or an address of the other kind)."""
    here = urlsplit(page.url)
    if here.path == urlsplit(calculator_url(site_url)).path and has_speed_options(here.query) == has_speed_options(query):
        show_again(page, query)
    else:
        open_calculator(page, f"{site_url}calculator/?{query}")


# Everything the calculator shows for an address: the count, the memory, the fit and speed figures and the working,
# the messages, and every field's value.
READ_ALL = """() => ({status: document.getElementById("calc-status").outerHTML,
  tables: document.getElementById("calc-tables").outerHTML,
  urlError: document.getElementById("calc-url-error").hidden ? null : document.getElementById("calc-url-error").textContent,
  messages: [...document.querySelectorAll(".calc-error")].map((e) => e.textContent),
  fields: [...document.querySelectorAll("#calculator :is(input, select, textarea)")]
    .map((e) => [e.id, e.type === "checkbox" ? e.checked : e.value, e.disabled])})"""


def test_the_calculator_shown_again_shows_what_a_page_load_shows(calc_context, built_site, site_url):
    """The premise of show_again(): an address shown again after another of the same kind (with fit and speed
    options, and without) shows everything that a page load of it shows: memory pages' links, a configuration
    typed in the address, and bad addresses of both kinds."""
    links = list(calculator_links(built_site))
    plain, speed = ([q for q in links if has_speed_options(q) == kind] for kind in (False, True))
    in_address = urlencode({**GPT2_TINY, "n_layer": 3})
    loaded, again = calc_context.new_page(), calc_context.new_page()
    for first, *others in ([plain[0], plain[1], in_address, "preset=gpt2&weights=int3"],
                           [speed[0], speed[1], "preset=llama-3-8b&device=rtx-4090&offload=layers:99"]):
        open_calculator(again, f"{site_url}calculator/?{first}")
        before = again.evaluate(READ_ALL)
        for query in others:
            assert has_speed_options(query) == has_speed_options(first)
            open_calculator(loaded, f"{site_url}calculator/?{query}")
            expected = loaded.evaluate(READ_ALL)
            assert expected != before, f"{query} shows what the address before it shows"
            show_again(again, query)
            before = again.evaluate(READ_ALL)
            assert before == expected, query
    loaded.close()
    again.close()


def test_every_memory_page_calculator_link_opens_without_error_and_shows_the_tools_figures(calc_context, built_site,
                                                                                         site_url):
    links = calculator_links(built_site)
    assert len(links) >= 20, f"fewer calculator links than the memory pages have: {links}"
    page = calc_context.new_page()
    js_errors: list[str] = []
    page.on("pageerror", lambda exc: js_errors.append(str(exc)))
    speed_links = 0
    try:
        # The links without fit or speed options, then those with: one page load for each kind (show_address())
        for query, slug in sorted(links.items(), key=lambda link: has_speed_options(link[0])):
            label = f"docs/terms/{slug}.md links calculator/?{query}"
            show_address(page, site_url, query)
            assert page.is_hidden("#calc-url-error"), f"{label}: {page.inner_text('#calc-url-error')}"
            field_errors = [t for t in page.locator(".calc-error").all_inner_texts() if t.strip()]
            assert not field_errors, f"{label}: field errors {field_errors}"
            assert read_result(page)["total"] is not None, f"{label}: no count shown"
            rows, tokens = expected_rows(query)
            shown = shown_memory(page)
            assert {row: shown.get(row) for row in rows} == rows, f"{label}: the page and the tool's memory() differ"
            assert page.get_attribute("#calc-status", "data-fit-tokens") == ("" if tokens is None else str(tokens)), label
            if has_speed_options(query):
                speed_links += 1
                assert shown_speed(page) == expected_speed(query), f"{label}: the page and the tool's plan() differ"
    finally:
        page.close()
    assert not js_errors, f"JavaScript errors on the calculator page: {js_errors}"
    assert speed_links >= 6, f"only {speed_links} links open the calculator with a device"


def test_the_check_sees_a_broken_link(calc_context, site_url):
    """An address the calculator refuses shows the error this test looks for."""
    page = calc_context.new_page()
    try:
        open_calculator(page, f"{site_url}calculator/?preset=llama-3-8b&weights=q4_k_s")
        assert page.is_visible("#calc-url-error")
    finally:
        page.close()
    with pytest.raises(Exception, match="q4_k_s"):
        expected_rows("preset=llama-3-8b&weights=q4_k_s")


# ---------------------------------------------------------------- fit and speed limits: speed-core.js and plan()

SPEED_CORE = ROOT / "docs" / "assets" / "speed-core.js"
SPEED_FORM = ROOT / "docs" / "assets" / "calc-speed.js"
NODE_PLAN = """
const fs = require("fs");
const speed = require(process.argv[1]);
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const start = process.hrtime.bigint();
const out = input.cases.map(([text, options]) => {
  const r = speed.plan(speed.core.parseJSON(text), input.rules, input.table, options);
  delete r.memory;
  return r;
});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const gb = Object.fromEntries(Object.keys(input.table.devices).filter((n) => input.table.devices[n].memory_gb !== null)
  .map((n) => [n, speed.core.gpuBytes(speed.deviceGb(input.table, n))]));
process.stdout.write(JSON.stringify({ms, out, gb}, (k, v) => typeof v === "bigint" ? v.toString() : v));
"""
# Figures the table gives as it has them (2039, or 51.2): the page keeps them as numbers, plan() as int or float.
TABLE_FIGURES = {"bandwidth_gbs", "tflops", "cpu_bandwidth_gbs"}


def speed_options(rng: random.Random, devices: list[str], cpus: list[str]) -> dict:
    """Fit and speed options as the calculator's URL gives them (strings), a few of them invalid."""
    bad = rng.random() < 0.15
    pick = {
        "device": (0.8, lambda: rng.choice(devices)),
        "devices": (0.4, lambda: rng.choice(["1", "2", "3", "8"] + ["0", "two"] * bad)),
        "split": (0.4, lambda: rng.choice(["layers", "tensors"] + ["rows"] * bad)),
        "offload": (0.5, lambda: rng.choice(["none", "experts", "layers:1", "layers:3", "layers:20", "experts:1",
                                             "experts:2", "experts:6", "experts:40"]
                                            + ["layers:0", "all", "experts:0"] * bad)),
        "bandwidth_gbs": (0.2, lambda: rng.choice(["1000", "89.6", "3350"] + ["0", "-5", "x"] * bad)),
        "tflops": (0.2, lambda: rng.choice(["100", "0.5", "989.4"] + ["0"] * bad)),
        "cpu_memory": (0.5, lambda: rng.choice(cpus + ["ddr9"] * bad)),
        "cpu_bandwidth_gbs": (0.2, lambda: rng.choice(["50", "200.5"])),
        "cpu_gb": (0.3, lambda: rng.choice(["64", "16", "512", "7.5"] + ["lots"] * bad)),
    }
    return {name: value() for name, (p, value) in pick.items() if rng.random() < p}


def plan_cases() -> list[tuple[dict, dict]]:
    """Models (every bundled config, and generated configs of every family) x devices x options."""
    rng = random.Random(2026_12_06)
    rules = speed_rules_hook.speed_rules()
    devices, cpus = list(rules["devices"]), rules["options"]["cpu_memory"]["choices"]
    models = [load_config(name) for name in bundled_configs() for _ in range(20)]
    models += [generated_config(family, rng) for family in RULES for _ in range(20)]
    cases = []
    for model in models:
        config, options = memory_case(model, rng)
        if rng.random() < 0.8:
            options.pop("training", None)
        if rng.random() < 0.6:
            options.pop("gpu_gb", None)  # the device's memory
        cases.append((config, {**options, **speed_options(rng, devices, cpus)}))
    # llama.cpp's --n-cpu-moe N, as experts:N, on every bundled mixture of experts (dense layers first or not) and
    # on generated configs of every family (per-layer lists, layer indices)
    moe = [load_config(name) for name in bundled_configs()]
    moe = [c for c in moe if count_parameters(c)["active"] != count_parameters(c)["total"]]
    for config in moe * 2 + [generated_config(family, rng) for family in RULES for _ in range(3)]:
        cases.append((config, {"weights": rng.choice(["bf16", "q4_k_m", "mxfp4"]), "device": rng.choice(devices),
                               "offload": f"experts:{rng.choice([1, 2, 3, 5])}", "cpu_memory": rng.choice(cpus)}))
    return cases


def _same(py, js, where: str) -> None:
    """plan()'s value and the page's: integers exact (the page's BigInts arrive as strings), floats equal to the
    last bit, and the same keys everywhere."""
    if isinstance(py, dict):
        assert isinstance(js, dict) and set(py) == set(js), f"{where}: {py} vs {js}"
        for k in py:
            _same(py[k], js[k], f"{where}.{k}")
    elif isinstance(py, list):
        assert isinstance(js, list) and len(py) == len(js), f"{where}: {py} vs {js}"
        for i, (a, b) in enumerate(zip(py, js, strict=True)):
            _same(a, b, f"{where}[{i}]")
    elif py is None or isinstance(py, bool | str):
        assert py == js, f"{where}: {py!r} vs {js!r}"
    elif isinstance(js, str):
        assert type(py) is int and int(js) == py, f"{where}: {py!r} vs {js!r}"
    else:
        last = where.rsplit(".", 1)[-1]
        assert type(py) is float or last in TABLE_FIGURES, f"{where}: the page has a float where plan() has {py!r}"
        assert float(py) == js, f"{where}: {py!r} vs {js!r}"


def test_the_page_plan_and_the_python_plan_agree_on_fit_and_speed(tmp_path):
    """speed-core.js's plan(), fed the rules and the device table the build ships, gives plan()'s fit (bytes per
    device and in CPU RAM, what fits, the largest context and batch) and speed limits (bytes and FLOPs per step,
    decode tokens/s, prefill time, to the last bit of each float) on models x devices x options, and refuses what
    plan() refuses, blaming the same option; a device's memory in the Card field is the bytes plan() counts."""
    cases = plan_cases()
    rules = speed_rules_hook.speed_rules()
    data = tmp_path / "plan.json"
    data.write_text(json.dumps({"rules": json.loads(rules_json()), "table": rules,
                                "cases": [[json.dumps(c), o] for c, o in cases]}))
    began = time.perf_counter()
    expected = []
    for config, options in cases:
        try:
            expected.append(plan(config, options))
        except ConfigError as exc:
            expected.append(exc)
    python_s = time.perf_counter() - began
    began = time.perf_counter()
    proc = subprocess.run(["node", "-e", NODE_PLAN, str(SPEED_CORE), str(data)], capture_output=True, text=True,
                          timeout=120)
    wall = time.perf_counter() - began
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(proc.stdout)
    kinds = {"planned": 0, "refused": 0, "with speed": 0, "offloaded": 0, "split": 0, "no fit": 0,
             "first layers' experts": 0}
    for (config, options), js, py in zip(cases, shown["out"], expected, strict=True):
        label = f"{config.get('model_type')} {options}"
        if isinstance(py, ConfigError):
            kinds["refused"] += 1
            assert not js["ok"], f"{label}: plan() refuses ({py}), the page gives {js}"
            assert js["errors"][0]["key"] == py.key, f"{label}: {js['errors']} vs {py.key!r}"
            continue
        kinds["planned"] += 1
        assert js.pop("ok"), f"{label}: the page refuses ({js['errors']}), plan() gives {py}"
        _same(py, js, label)
        kinds["with speed"] += py["speed"] is not None
        kinds["offloaded"] += py["fit"]["offload"] != "none"
        kinds["first layers' experts"] += py["fit"]["offload"].startswith("experts:") and py["fit"]["cpu"]["weights"] > 0
        kinds["split"] += py["fit"]["devices"] > 1
        kinds["no fit"] += not py["fit"]["fits"]
    assert kinds["planned"] >= 600 and kinds["refused"] >= 100, kinds
    assert min(kinds.values()) >= 50, kinds
    for name, device in rules["devices"].items():
        if device["memory_gb"] is not None:
            assert int(shown["gb"][name]) == plan(load_config("gpt2"), {"device": name})["fit"]["device_bytes"], name
    print(f"plan parity: {len(cases)} cases {kinds} agree; plan() took {python_s:.1f} s, Node {shown['ms']:.0f} ms "
          f"({wall:.1f} s with start-up)")


def test_the_site_ships_exactly_the_counters_devices_and_speed_options():
    """One source of truth: speed-rules.js (hooks/speed_rules.py) is count_params.hardware's table and
    count_params.speed's options, as data; the page's scripts type none of their words or figures."""
    script = speed_rules_hook.speed_script()
    shipped = json.loads(script.split("window.llmSpeedRules = ", 1)[1].rstrip().removesuffix(";"))
    assert shipped["devices"] == DEVICES and shipped["options"] == SPEED_OPTIONS and shipped["leaves_out"] == LEAVES_OUT
    words = [d["title"] for d in DEVICES.values()] + [o["help"] for o in SPEED_OPTIONS.values()] + LEAVES_OUT
    words += [d["note"] for d in DEVICES.values() if d["note"]] + UNIFIED_SOURCES
    words += [url for d in DEVICES.values() for url in d["sources"].values() if url]
    for script in (SPEED_CORE, SPEED_FORM, FORM):
        text = script.read_text(encoding="utf-8")
        typed = sorted({w for w in words if w in text})
        assert not typed, f"{script.name} types words that speed-rules.js gives it: {typed}"
        figures = {str(d[k]) for d in DEVICES.values() for k in ("bandwidth_gbs", "tflops") if d[k]}
        assert not [f for f in figures if re.search(rf"(?<![\w.]){re.escape(f)}(?![\w.])", text)], script.name


# ---------------------------------------------------------------- fit and speed in the page: wiring

READ_SPEED = """() => Object.fromEntries([...document.querySelectorAll("#calc-speed [data-speed]")]
  .map((tr) => [tr.dataset.speed, tr.hasAttribute("data-value") ? tr.dataset.value : null]))"""


def _value(text):
    if text is None or text in ("true", "false"):
        return None if text is None else text == "true"
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


def shown_speed(page) -> dict:
    """The fit and speed rows of the page (data-speed), each row's exact figure (data-value) as a number."""
    return {k: _value(v) for k, v in page.evaluate(READ_SPEED).items()}


def expected_speed(query: str) -> dict:
    """plan()'s figures for a calculator address, as the page's rows name them."""
    options = dict(parse_qsl(query))
    config = load_config(options.pop("preset"))
    r = plan(config, options)
    fit, speed = r["fit"], r["speed"]
    rows = {f"device-{d['device']}": d["total"] for d in fit["per_device"]}
    if fit["cpu"]["weights"] or fit["cpu"]["kv_cache"]:
        rows["cpu"] = fit["cpu"]["weights"] + fit["cpu"]["kv_cache"]
    rows["fits"] = fit["fits"]
    if memory(config, {k: v for k, v in options.items() if k not in SPEED_OPTIONS})["kv_cache"]:
        rows.update({"max-context": fit["max_context_length"], "max-batch": fit["max_batch_size"]})
    if speed:
        rows.update({"decode": speed["decode_tokens_per_s_max"], "prefill": speed["prefill_seconds_min"],
                     "decode-sequence": speed["decode_tokens_per_s_per_sequence_max"]})
    return rows


SPEED_URLS = [
    "preset=qwen3-30b-a3b&weights=q4_k_m&device=rtx-3090&devices=2&context_length=32768",
    "preset=deepseek-v2-lite&weights=nf4&device=m1-max-64gb&batch_size=4",
    "preset=gpt2&bandwidth_gbs=100&tflops=10&gpu_gb=8",
    "preset=bert-base-uncased&device=rx-7900-xtx",
    "preset=llama-2-7b&device=ddr5-4800-12ch&gpu_gb=384&tflops=20",
    "preset=mixtral-8x7b-v0.1&weights=q2_k&device=a100-sxm-80gb&offload=experts&cpu_bandwidth_gbs=200",
    "preset=qwen3-30b-a3b&weights=q4_k_m&device=rtx-4090&offload=experts:20&cpu_memory=ddr5-5600-2ch&cpu_gb=64",
]


def test_fit_and_speed_in_the_url_show_the_tools_plan_and_a_bad_one_is_a_clear_error(calc_context, site_url):
    """Addresses with the fit and speed options (every kind of device, typed figures, an encoder, offload, split)
    show plan()'s figures; an unknown device is named at the top, and a bad option next to its field."""
    page = calc_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for query in SPEED_URLS:
        show_address(page, site_url, query)
        assert page.is_hidden("#calc-url-error"), f"{query}: {page.inner_text('#calc-url-error')}"
        assert shown_speed(page) == expected_speed(query), query
        status = page.inner_text("#calc-status")
        assert "Fits on" in status, status
        page.wait_for_function("location.search.includes('device=') || location.search.includes('bandwidth_gbs=')")
        shared = page.get_attribute("#calc-share", "href")
        assert all(f"{k}={v}" in shared.replace("%3A", ":") for k, v in parse_qsl(query) if k in SPEED_OPTIONS), shared
    show_again(page, "preset=gpt2&device=rtx-9090")
    assert "device=rtx-9090 is not one of" in page.inner_text("#calc-url-error")
    show_again(page, "preset=llama-3-8b&device=rtx-4090&offload=layers:99")
    assert_speed_error(page, "calc-offload", "more than the model's 32 layers")
    show_again(page, "preset=llama-3-8b&device=rtx-4090&offload=experts")
    assert_speed_error(page, "calc-offload", "needs a mixture of experts")
    show_again(page, "preset=qwen3-30b-a3b&device=rtx-4090&offload=experts:49")
    assert_speed_error(page, "calc-offload", "xperts:49 is more than the model's 48 layers")
    show_again(page, "preset=llama-3-8b&device=rtx-4090&offload=layers:2")
    assert_speed_error(page, "calc-cpu-bandwidth-gbs", "read from CPU RAM")
    # the offload control: a form (select) and its N or K (number), one URL parameter
    query = "preset=qwen3-30b-a3b&weights=q4_k_m&device=rtx-4090&cpu_memory=ddr5-5600-2ch"
    show_again(page, query)
    assert page.is_disabled("#calc-offload-n"), "the number field is open while offload names no count"
    page.select_option("#calc-offload", "experts:")
    page.fill("#calc-offload-n", "12")
    page.wait_for_function("/offload=experts(:|%3A)12/.test(location.search)")
    assert shown_speed(page) == expected_speed(query + "&offload=experts:12")
    page.close()
    assert not errors, errors


def assert_speed_error(page, control_id: str, words: str) -> None:
    control = page.locator(f"#{control_id}")
    assert control.get_attribute("aria-invalid") == "true", f"#{control_id} is not marked invalid"
    assert f"{control_id}-error" in control.get_attribute("aria-describedby").split()
    assert words in page.inner_text(f"#{control_id}-error"), page.inner_text(f"#{control_id}-error")
    assert shown_speed(page) == {}, "fit or speed figures are shown despite the error"
    assert read_result(page)["total"] is not None, "the count is still shown"


def test_the_fit_and_speed_section_loads_on_demand_and_works_with_the_keyboard(calc_context, site_url):
    """The plain page does not load the speed scripts; its button does, from the keyboard; a device picked with the
    arrow keys fills the card's memory, and the live region announces the fit and the decode limit, as plan()."""
    page = calc_context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_calculator(page, calculator_url(site_url) + "?preset=llama-3-8b&weights=q4_k_m")
    page.wait_for_load_state("networkidle")
    assert not [r for r in requests if "speed" in r], "the plain page loads the fit and speed scripts"
    assert page.locator("#calc-speed").count() == 0
    page.locator("#calc-gpu").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "calc-speed-load":
            break
    else:
        pytest.fail("Tab never reached the fit and speed button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'calc-device'")
    assert [r for r in requests if r.endswith("/speed-core.js")], "the button did not load speed-core.js"
    while page.input_value("#calc-device") != "rtx-4090":
        page.keyboard.press("ArrowDown")
    assert page.input_value("#calc-gpu") == "24", "the card's memory is not the device's"
    page.wait_for_function("location.search.includes('device=rtx-4090')")
    query = "preset=llama-3-8b&weights=q4_k_m&device=rtx-4090"
    expected = expected_speed(query)
    assert shown_speed(page) == expected
    status = page.inner_text("#calc-status")
    assert "Fits on 1 x NVIDIA GeForce RTX 4090" in status and f"{expected['decode']:.0f} tokens/s" in status, status
    assert page.get_attribute("#calc-status", "aria-live") == "polite"
    working = page.inner_text("#calc-working")
    assert "These are limits, not estimates" in working and f"{expected['device-0']:,} bytes" in working, working
    assert page.locator("#calc-speed-fields a, #calc-working a[href^='https://']").count() >= 3, "no figure is cited"
    page.close()
