// The Timeline page's own static script (never data): the zoom handed to the page, touch that scrolls, the
// detail panel brought into view after a click.
(() => {
  if (window.__tumenTimeline) return;
  window.__tumenTimeline = true;
  const CHART = ".st-key-timeline_chart .js-plotly-plot";
  const inChart = (target) => target && target.closest && target.closest(CHART);
  // Streamlit tells the page about selections only, never about a zoom made in the browser, which the next rerun
  // would undo. So a zoom along time is handed over as a box selection of its range (one of no width for a
  // double-click, which asks for the whole view); the page keeps it as its zoom, in the session and the link.
  const hook = (gd) => {
    if (window.tumenEraLabels) window.tumenEraLabels(gd);  // components/era_labels.js: labels that fit their band
    if (gd.__tumenZoom || typeof gd.on !== "function" || typeof gd.emit !== "function") return;
    gd.__tumenZoom = true;
    gd.on("plotly_relayout", (change) => {
      const range = change["xaxis.range"] || [];
      let x0 = change["xaxis.range[0]"] ?? range[0];
      let x1 = change["xaxis.range[1]"] ?? range[1];
      const reset = change["xaxis.autorange"] === true;
      if (reset) x0 = x1 = 0;
      else if (typeof x0 !== "number" || typeof x1 !== "number") return;
      const send = () => gd.emit("plotly_selected", {
        points: [], selections: [{ type: "rect", xref: "x", yref: "y", x0, x1, y0: 0, y1: 0 }],
      });
      // Streamlit clears the selection on a double-click, after this event: the reset goes once it has.
      if (reset) setTimeout(send, 150); else send();
    });
  };
  new MutationObserver(() => document.querySelectorAll(CHART).forEach(hook))
    .observe(document.body, { childList: true, subtree: true });
  // Plotly takes every touch on the plot for a drag and cancels it, so a swipe over a full-width chart could not
  // scroll the page. Stopped here, the touch scrolls; a tap still becomes mouse events, which Plotly handles as a
  // click on the marker under the finger.
  document.addEventListener("touchstart", (event) => {
    if (inChart(event.target)) event.stopPropagation();
  }, { capture: true, passive: true });
  // After a click on a marker the detail panel (below the chart) is drawn; bring it into view if it is out of it.
  const panel = () => document.querySelector(".st-key-event_detail");
  const heading = () => document.querySelector(".st-key-event_detail h2");  // the event's title
  let watch = null;
  document.addEventListener("click", (event) => {
    if (!inChart(event.target)) return;
    const before = heading() ? heading().textContent : "";
    const until = Date.now() + 10000;
    clearInterval(watch);
    watch = setInterval(() => {
      const now = heading();
      if (Date.now() > until) clearInterval(watch);
      if (!now || now.textContent === before) return;
      clearInterval(watch);
      const box = panel().getBoundingClientRect();
      if (box.top > window.innerHeight - 120 || box.bottom < 0) panel().scrollIntoView({ block: "nearest", behavior: "smooth" });
    }, 150);
  }, true);
})();
