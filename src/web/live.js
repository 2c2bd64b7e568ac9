// The room view, live: reads /events and replaces each part of the page
// whose hash changed, so a screen reader announces only what is new. The
// page works without this file as a snapshot; with it, it follows saves.
"use strict";
(function () {
  var base = document.documentElement.getAttribute("data-base") || "/";
  var connection = document.getElementById("connection");
  var source = null;

  function say(words) {
    if (connection && connection.textContent !== words) {
      connection.textContent = words;
    }
  }

  function apply(parts) {
    parts.forEach(function (part) {
      var element = document.getElementById(part.id);
      if (element && element.getAttribute("data-hash") !== part.hash) {
        element.innerHTML = part.html;
        element.setAttribute("data-hash", part.hash);
      }
    });
    document.body.setAttribute("data-updated", String(Date.now()));
  }

  function connect() {
    source = new EventSource(base + "events");
    source.addEventListener("room", function (event) {
      apply(JSON.parse(event.data));
      say("Live: this page follows the meeting as it is saved.");
    });
    source.addEventListener("error", function () {
      say("Connection lost: trying again…");
      // The browser retries by itself unless the stream was refused.
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        window.setTimeout(connect, 2000);
      }
    });
  }

  connect();
})();
