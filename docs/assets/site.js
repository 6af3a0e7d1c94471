// Small DOM fixes for Material, checked by tests/test_browser.py.
// Material adds a <nav class="md-code__nav"> to every code block; several unnamed navigation landmarks on
// one page fail axe's landmark-unique rule, so each gets a distinct name as soon as it appears.
(function () {
  function nameCodeNavs() {
    document.querySelectorAll(".md-code__nav").forEach(function (nav, i) {
      var name = "Actions for code block " + (i + 1);
      if (nav.getAttribute("aria-label") !== name) nav.setAttribute("aria-label", name);
    });
  }
  new MutationObserver(nameCodeNavs).observe(document.documentElement, { childList: true, subtree: true });
  nameCodeNavs();
})();
