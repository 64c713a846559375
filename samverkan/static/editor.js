/* Minutes editor: refusals and conflicts shown where one types; focus and scroll kept. */
(function () {
  "use strict";

  // htmx leaves 4xx answers unswapped; the editor's 400 and 409 answers are the message to show.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After an htmx answer, focus goes back to where the secretary was, or to what needs an answer.
  document.addEventListener("htmx:afterSettle", function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!form || form.tagName !== "FORM") return;
    if (form.classList.contains("quick-add")) {
      var input = form.querySelector("input[type=text]");
      if (event.detail.successful && event.detail.xhr.status === 200) form.reset();
      input.focus();
    }
    var section = document.getElementById("assignments");
    if (section && event.detail.target === section || event.detail.elt === section) {
      var wrong = section.querySelector("fieldset.pick input, [aria-invalid=true]");
      (wrong || document.getElementById("a-who")).focus();
    }
  });

  // A resolved conflict: the chosen text goes into the writer's text area, the cursor at its end.
  document.body.addEventListener("noteResolved", function (event) {
    var area = document.getElementById("note-" + event.detail.item);
    if (!area) return;
    area.value = event.detail.text;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  });

  // Forms that reload the page (report-backs, justering, no htmx): come back to the same place.
  var KEY = "samverkan-return";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post")) return;
    var focused = event.submitter || document.activeElement;
    sessionStorage.setItem(KEY, JSON.stringify({
      path: location.pathname, y: window.scrollY, focus: focused && focused.id, at: Date.now()
    }));
  });
  var kept = JSON.parse(sessionStorage.getItem(KEY) || "null");
  sessionStorage.removeItem(KEY);
  // A redirect's fragment names the row or item the action was about: focus goes there.
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (kept && kept.path === location.pathname && Date.now() - kept.at < 30000) {
    window.scrollTo(0, kept.y);
    // the browser scrolls to the fragment once more when the page has loaded
    window.addEventListener("load", function () {
      requestAnimationFrame(function () { window.scrollTo(0, kept.y); });
    });
    var back = (kept.focus && document.getElementById(kept.focus)) || target;
    if (back) back.focus({ preventScroll: true });
  } else if (target) {
    target.focus();
  }
})();
