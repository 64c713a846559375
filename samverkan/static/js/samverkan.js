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
