// The Timeline page's own static script (never data): touch that scrolls, the detail panel brought into view.
(() => {
  if (window.__tumenTimeline) return;
  window.__tumenTimeline = true;
  const inChart = (target) => target && target.closest && target.closest(".st-key-timeline_chart .js-plotly-plot");
  // Plotly takes every touch on the plot for a drag and cancels it, so a swipe over a full-width chart could not
  // scroll the page. Stopped here, the touch scrolls; a tap still becomes mouse events, which Plotly handles as a
  // click on the marker under the finger.
  document.addEventListener("touchstart", (event) => {
    if (inChart(event.target)) event.stopPropagation();
  }, { capture: true, passive: true });
  // After a click on a marker the detail panel (below the chart) is drawn; bring it into view if it is out of it.
  const heading = () => document.querySelector(".st-key-event_detail h3");
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
      const box = document.querySelector(".st-key-event_detail").getBoundingClientRect();
      if (box.top > window.innerHeight - 80 || box.bottom < 0) {
        document.querySelector(".st-key-event_detail").scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    }, 150);
  }, true);
})();
