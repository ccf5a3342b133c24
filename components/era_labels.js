// Era labels that fit their band at whatever width the chart is drawn (static code, never data). Each era comes
// with up to three labels, widest first, named "era-label:ERA:END", its position and its band's right edge on the
// axis (components/timeline_axis.py). After every draw each era shows the first of them that ends inside its band
// and inside the plot, or none, so labels never run into each other, whatever the window, the sidebar or the lane
// names leave the plot. (No "<" before a letter anywhere here: Streamlit's HTML sanitiser drops such a script.)
(() => {
  if (window.tumenEraLabels) return;
  const NAME = /^era-label:(\d+):(\S+)$/;
  // A label's offset from its anchor and its width, by font and text, measured the first time it is drawn: they
  // do not change with the chart, so later draws (every filter change mounts a new chart) place labels without
  // asking the browser to lay the page out. Measured again once web fonts arrive.
  const sizes = new Map();
  const fit = (gd) => {
    const full = gd._fullLayout;
    const plot = gd.querySelector(".nsewdrag");
    if (!full || !full.xaxis || !plot) return;
    const xa = full.xaxis;
    const eras = new Map();
    (full.annotations || []).forEach((label, i) => {
      const found = NAME.exec(label.name || "");
      if (!found) return;
      const g = gd.querySelector(`g.annotation[data-index="${i}"]`);
      if (!g) return;
      const key = `${label.font.size} ${label.font.family} ${label.text}`;
      if (!eras.has(found[1])) eras.set(found[1], []);
      eras.get(found[1]).push({ g, key, x: xa.l2p(label.x), end: Number(found[2]) });
    });
    const labels = [...eras.values()].flat();
    // Labels not measured yet: all shown, then all measured at once (one layout of the page, not one per label).
    const fresh = labels.filter((label) => !sizes.has(label.key));
    if (fresh.length) {
      fresh.forEach(({ g }) => { g.style.display = ""; });
      const left = plot.getBoundingClientRect().left;
      fresh.forEach(({ g, key, x }) => {
        const text = (g.querySelector("text") || g).getBoundingClientRect();
        if (text.width > 0) sizes.set(key, [text.left - left - x, text.width]);  // not drawn: measured next time
      });
    }
    eras.forEach((group) => {
      let shown = false;
      group.forEach(({ g, key, x, end }) => {
        const [dx, width] = sizes.get(key) || [0, 0];
        const limit = Math.min(xa.l2p(end), xa._length);
        const fits = !shown && width > 0 && x + dx >= -0.5 && x + dx + width <= limit + 0.5;
        g.style.display = fits ? "" : "none";
        shown = shown || fits;
      });
    });
  };
  if (document.fonts) {
    document.fonts.addEventListener("loadingdone", () => {
      sizes.clear();
      document.querySelectorAll(".js-plotly-plot").forEach((gd) => { if (gd.__tumenEraLabels) fit(gd); });
    });
  }
  window.tumenEraLabels = (gd) => {
    if (!gd || gd.__tumenEraLabels) return;
    if (typeof gd.on !== "function") {
      requestAnimationFrame(() => window.tumenEraLabels(gd));
      return;
    }
    gd.__tumenEraLabels = true;
    gd.on("plotly_afterplot", () => fit(gd));
    fit(gd);
  };
})();
