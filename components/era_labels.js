// Era labels that fit their band at whatever width the chart is drawn (static code, never data). Each era comes
// with up to two labels, widest first, named "era-label:ERA:END", its position and its band's right edge on the
// axis (components/timeline_axis.py). After every draw each era shows the first of them that ends inside its band
// and inside the plot, or none, so labels never run into each other, whatever the window, the sidebar or the lane
// names leave the plot. (No "<" before a letter anywhere here: Streamlit's HTML sanitiser drops such a script.)
(() => {
  if (window.tumenEraLabels) return;
  const NAME = /^era-label:(\d+):(\S+)$/;
  const fit = (gd) => {
    const full = gd._fullLayout;
    const plot = gd.querySelector(".nsewdrag");
    if (!full || !full.xaxis || !plot) return;
    const xa = full.xaxis;
    const eras = new Map();
    (full.annotations || []).forEach((label, i) => {
      const found = NAME.exec(label.name || "");
      if (!found) return;
      if (!eras.has(found[1])) eras.set(found[1], []);
      eras.get(found[1]).push([i, Number(found[2])]);
    });
    // Every label shown, then all measured at once, then the misfits hidden: one layout of the page, not one per
    // label (measuring between hides made the browser lay the whole page out again each time).
    const groups = [...eras.values()].map((labels) => labels.map(([i, end]) => {
      const g = gd.querySelector(`g.annotation[data-index="${i}"]`);
      if (g) g.style.display = "";
      return [g, end];
    }));
    const box = plot.getBoundingClientRect();
    const boxes = groups.map((labels) => labels.map(([g]) => g && (g.querySelector("text") || g).getBoundingClientRect()));
    groups.forEach((labels, n) => {
      let shown = false;
      labels.forEach(([g, end], k) => {
        if (!g) return;
        const text = boxes[n][k];
        const limit = box.left + Math.min(xa.l2p(end), xa._length);
        const fits = !shown && text.width > 0 && text.left >= box.left - 0.5 && text.right <= limit + 0.5;
        if (!fits) g.style.display = "none";
        shown = shown || fits;
      });
    });
  };
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
