// Live preview only: `campaign serve` injects this file into the pages it serves; `campaign build` never does.
// It listens for the server's build events and reloads the page, and lets the reader hide the error overlay
// and the warnings panel.
(() => {
  "use strict";
  const events = new EventSource("/__campaign/events");
  events.addEventListener("reload", () => window.location.reload());
  for (const id of ["campaign-preview-errors", "campaign-preview-warnings"]) {
    const box = document.getElementById(id);
    const close = box && box.querySelector("button");
    if (close) close.addEventListener("click", () => box.remove());
  }
})();
