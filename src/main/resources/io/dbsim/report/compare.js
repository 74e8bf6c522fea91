(function () {
  const { draw, line, palette, done } = dbsimCharts;
  const data = JSON.parse(document.getElementById('comparison-data').textContent);
  const colour = { 'better': '#1f9d55', 'worse': '#cc1f1a' };

  const p95 = data.rows.filter(r => r.operation && r.metric === 'p95' && r.ci_low_pct !== null);
  draw('chart-p95-change', { type: 'bar', data: { labels: p95.map(r => r.operation), datasets: [
    { label: data.level + ' interval of the p95 change (%)', data: p95.map(r => [r.ci_low_pct, r.ci_high_pct]),
      backgroundColor: p95.map(r => colour[r.verdict] || '#8a94a6'), barPercentage: 0.5 },
    { type: 'scatter', label: 'change (%)', data: p95.map((r, i) => ({ x: r.change_pct, y: r.operation })),
      backgroundColor: '#1d2433', pointRadius: 4 }] },
    options: { indexAxis: 'y', interaction: { mode: 'nearest', intersect: true },
      scales: { x: { min: -100, max: Math.min(300, Math.max(50, ...p95.map(r => r.ci_high_pct))),
        title: { display: true, text: 'change in p95, % (negative is faster; wider intervals are cut at +300%)' } } } } });

  function overTime(id, key, label) {
    const pts = s => s.map(p => ({ x: p.t_s, y: p[key] }));
    draw(id, { type: 'scatter', data: { datasets: [
      line('A ' + label, pts(data.a), palette[0], { showLine: true }),
      line('B ' + label, pts(data.b), palette[1], { showLine: true })] },
      options: { scales: { x: { type: 'linear', title: { display: true, text: 'seconds' } }, y: { beginAtZero: true } } } });
  }
  overTime('chart-throughput-ab', 'ops_per_sec', 'operations/s');
  overTime('chart-p95-ab', 'p95_ms', 'p95 ms');
  done();
})();
