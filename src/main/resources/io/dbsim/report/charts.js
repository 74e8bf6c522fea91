/* Shared by dbsim's HTML pages: draws a Chart.js chart, checks it painted, counts it, and shows script errors. */
const dbsimCharts = (function () {
  const errors = [];
  const errorBox = document.getElementById('script-errors');
  function fail(message) { errors.push(String(message)); errorBox.textContent = errors.join('\n'); }
  window.addEventListener('error', e => fail(e.message));
  const palette = ['#2563eb', '#e3a008', '#cc1f1a', '#1f9d55', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
  let rendered = 0;
  const expected = document.querySelectorAll('canvas[data-chart]').length;

  function painted(canvas) {
    const ctx = canvas.getContext('2d');
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < img.length; i += 16) { if (img[i] !== 0) { return true; } }
    return false;
  }

  function draw(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas) { return; }
    try {
      config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false } }, config.options || {});
      const chart = new Chart(canvas, config);
      chart.draw();
      if (painted(canvas)) { canvas.dataset.rendered = 'true'; rendered++; }
      else { fail('chart ' + id + ' drew nothing'); }
    } catch (e) { fail('chart ' + id + ': ' + e.message); }
    document.body.dataset.chartsRendered = rendered + '/' + expected;
  }

  function line(label, values, color, extra) {
    return Object.assign({ label: label, data: values, borderColor: color, backgroundColor: color, pointRadius: 0,
      borderWidth: 1.5, tension: 0.2 }, extra || {});
  }
  function done() { document.body.dataset.chartsRendered = rendered + '/' + expected; }

  /** The fitted USL's throughput from half a connection to {@code top} busy connections, as chart points. */
  function uslCurve(m, top) {
    const usl = n => m.lambda * n / (1 + m.sigma * (n - 1) + m.kappa * n * (n - 1));
    const curve = [];
    for (let i = 0; i <= 80; i++) { const n = Math.max(0.5, top * i / 80); curve.push({ x: n, y: usl(n) }); }
    return curve;
  }
  const capacityOptions = { interaction: { mode: 'nearest', intersect: true }, scales: {
    x: { type: 'linear', beginAtZero: true, title: { display: true, text: 'busy connections' } },
    y: { beginAtZero: true, title: { display: true, text: 'operations/s' } } } };
  return { draw: draw, line: line, palette: palette, fail: fail, done: done, uslCurve: uslCurve, capacityOptions: capacityOptions };
})();
