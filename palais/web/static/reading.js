// The reading pane and its page kept in step: the composed HTML in the pane links its
// other language versions; following one there opens that version's page, so the page's
// title, downloads and language links always describe what the pane shows.
(function () {
  "use strict";
  var pane = document.querySelector("iframe.reading[data-symbol]");
  if (!pane) { return; }
  var symbol = pane.getAttribute("data-symbol");
  var shown = pane.getAttribute("data-language");
  pane.addEventListener("load", function () {
    var path;
    try { path = pane.contentWindow.location.pathname; } catch (e) { return; }
    var match = /\/([a-z]{2})\.html$/.exec(path);
    if (match && match[1] !== shown) {
      window.location.assign("/documents/" + symbol + "/" + match[1]);
    }
  });
}());
