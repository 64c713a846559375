// Small page behaviours, kept out of the HTML: the Content-Security-Policy runs no inline script.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-print]");
  if (button) {
    window.print();
  }
});

// A quick-add form (e.g. a new decision) empties itself once htmx has saved it.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.target.closest("form[data-reset-on-success]");
  if (form && event.detail.successful) {
    form.reset();
  }
});

// On a phone the main menu folds behind the "Meny" button; without JavaScript it stays open.
(function () {
  var header = document.querySelector("header.site");
  var toggle = header && header.querySelector(".menu-toggle");
  if (!toggle) return;
  header.classList.add("collapsible");
  toggle.addEventListener("click", function () {
    var open = header.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();

// The account menu closes on Escape and when one clicks elsewhere.
document.addEventListener("keydown", function (event) {
  var menu = document.querySelector(".account-menu[open]");
  if (menu && event.key === "Escape") {
    menu.removeAttribute("open");
    menu.querySelector("summary").focus();
  }
});
document.addEventListener("click", function (event) {
  var menu = document.querySelector(".account-menu[open]");
  if (menu && !menu.contains(event.target)) {
    menu.removeAttribute("open");
  }
});
