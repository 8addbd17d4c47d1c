// Live preview only: `campaign serve` injects this file into the pages it serves; `campaign build` never does.
// It listens for the server's build events and reloads the page, and lets the reader hide the error overlay.
(() => {
  "use strict";
  const events = new EventSource("/__campaign/events");
  events.addEventListener("reload", () => window.location.reload());
  const overlay = document.getElementById("campaign-preview-errors");
  const close = overlay && overlay.querySelector("button");
  if (close) close.addEventListener("click", () => overlay.remove());
})();
