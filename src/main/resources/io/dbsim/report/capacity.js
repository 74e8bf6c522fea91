/* Draws the capacity page's charts from the JSON it carries: the USL curve and the target, then the verification. */
(function () {
  const { draw, palette, done, uslCurve, capacityOptions } = dbsimCharts;
  const data = JSON.parse(document.getElementById('capacity-data').textContent);
  const cap = data.capacity;
  const v = data.verification;
  const m = cap.model;
  const at = cap.target;
  // The measured target's busy connections by Little's law: operations a second times each one's hold time.
  const verifiedBusy = v ? v.throughput.measured * v.hold_mean_ms.measured / 1000 : 0;
  const top = Math.max(at.busy_connections, verifiedBusy, ...m.points.map(p => p.concurrency), m.peak_concurrency || 0) * 1.3;
  const datasets = [
    { label: 'sweep steps (measured)', data: m.points.map(p => ({ x: p.concurrency, y: p.throughput })),
      backgroundColor: palette[0], pointRadius: 5 },
    { label: 'fitted USL', data: uslCurve(m, top), showLine: true, borderColor: palette[4], pointRadius: 0, borderWidth: 2 },
    { label: 'target (predicted)', data: [{ x: at.busy_connections, y: at.throughput_ops_per_sec }],
      backgroundColor: palette[2], pointRadius: 8, pointStyle: 'triangle' }];
  if (at.throughput_ops_per_sec_low != null) {
    datasets.push({ label: 'target 95% interval', showLine: true, borderColor: palette[2], borderWidth: 3, pointRadius: 2,
      data: [{ x: at.busy_connections, y: at.throughput_ops_per_sec_low }, { x: at.busy_connections, y: at.throughput_ops_per_sec_high }] });
  }
  if (v) {
    datasets.push({ label: 'target (measured)', data: [{ x: verifiedBusy, y: v.throughput.measured }],
      backgroundColor: v.held ? palette[3] : palette[1], pointRadius: 9, pointStyle: 'rectRot' });
  }
  draw('chart-capacity', { type: 'scatter', data: { datasets: datasets }, options: capacityOptions });
  const canvas = document.getElementById('chart-capacity');
  if (canvas) { canvas.dataset.datasets = datasets.map(d => d.label).join('|'); }

  if (v) {
    const figures = [['mean', v.response_mean_ms], ['p95', v.response_p95_ms], ['pool wait', v.pool_wait_mean_ms],
      ['hold', v.hold_mean_ms]];
    draw('chart-verification', { type: 'bar', data: { labels: figures.map(f => f[0]), datasets: [
      { label: 'predicted', data: figures.map(f => f[1].predicted), backgroundColor: palette[2] },
      { label: 'measured', data: figures.map(f => f[1].measured), backgroundColor: palette[0] }] },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } } } });
  }
  done();
})();
