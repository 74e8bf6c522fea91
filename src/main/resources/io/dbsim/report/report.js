(function () {
  const { draw, line, palette, done } = dbsimCharts;
  const data = JSON.parse(document.getElementById('run-data').textContent);
  const series = data.timeseries || [];
  const t = series.map(p => p.t_s.toFixed(1));
  const seconds = { x: { title: { display: true, text: 'seconds' } } };

  const warmUp = series.some(p => p.warm_up_ops_per_sec > 0);
  draw('chart-throughput', { type: 'line', data: { labels: t, datasets: [
    line('operations/s', series.map(p => p.ops_per_sec), palette[0]),
    line('errors', series.map(p => p.errors), palette[2])].concat(warmUp
      ? [line('warm-up operations/s (not measured)', series.map(p => p.warm_up_ops_per_sec || 0), palette[5], { borderDash: [4, 3] })]
      : []) },
    options: { scales: Object.assign({ y: { beginAtZero: true } }, seconds) } });

  draw('chart-latency', { type: 'line', data: { labels: t, datasets: [
    line('p50 ms', series.map(p => p.p50_ms), palette[3]),
    line('p95 ms', series.map(p => p.p95_ms), palette[1]),
    line('p99 ms', series.map(p => p.p99_ms), palette[2])] },
    options: { scales: Object.assign({ y: { beginAtZero: true, title: { display: true, text: 'ms' } } }, seconds) } });

  draw('chart-pool', { type: 'line', data: { labels: t, datasets: [
    line('active', series.map(p => p.pool_active), palette[0]),
    line('idle', series.map(p => p.pool_idle), palette[3]),
    line('waiting users', series.map(p => p.pool_waiting), palette[2])] },
    options: { scales: Object.assign({ y: { beginAtZero: true } }, seconds) } });

  const dist = (data.summary && data.summary.latency_distribution_ms) || [];
  draw('chart-distribution', { type: 'line', data: { labels: dist.map(d => d.percentile + '%'), datasets: [
    line('response time (ms)', dist.map(d => d.ms), palette[4], { pointRadius: 2 })] },
    options: { scales: { y: { type: 'logarithmic', title: { display: true, text: 'ms (log)' } },
      x: { title: { display: true, text: 'percentile' } } } } });

  const ops = (data.operations || []).slice().sort((a, b) => b.count - a.count);
  draw('chart-operations', { type: 'bar', data: { labels: ops.map(o => o.name), datasets: [
    { label: 'operations', data: ops.map(o => o.count), backgroundColor: palette[0], yAxisID: 'y' },
    { label: 'p95 ms', data: ops.map(o => o.latency_ms.p95), backgroundColor: palette[1], yAxisID: 'y1' }] },
    options: { scales: { y: { beginAtZero: true, position: 'left' },
      y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'p95 ms' } } } } });

  const busiest = (data.operations || []).filter(o => o.intervals).sort((a, b) => b.count - a.count).slice(0, 6);
  draw('chart-operation-p95', { type: 'line', data: { labels: t, datasets: busiest.map((o, i) =>
    line(o.name, o.intervals.p95_ms.map((v, j) => o.intervals.succeeded[j] > 0 ? v : null), palette[i % palette.length])) },
    options: { spanGaps: true, scales: Object.assign({ y: { beginAtZero: true, title: { display: true, text: 'p95 ms' } } }, seconds) } });

  const statements = (data.statements || []).slice(0, 10);
  draw('chart-statements', { type: 'bar', data: { labels: statements.map(s => s.operation || (s.query || '').slice(0, 30)),
    datasets: [{ label: 'total ms in the run', data: statements.map(s => s.total_ms), backgroundColor: palette[5] }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } } });

  const cap = data.capacity;
  if (cap) {
    const m = cap.model;
    const measured = m.points.map(p => ({ x: p.concurrency, y: p.throughput }));
    const top = Math.max(cap.target.busy_connections, ...m.points.map(p => p.concurrency), m.peak_concurrency || 0) * 1.3;
    draw('chart-capacity', { type: 'scatter', data: { datasets: [
      { label: 'measured', data: measured, backgroundColor: palette[0], pointRadius: 5 },
      { label: 'fitted USL', data: dbsimCharts.uslCurve(m, top), showLine: true, borderColor: palette[4], pointRadius: 0, borderWidth: 2 },
      { label: 'target', data: [{ x: cap.target.busy_connections, y: cap.target.throughput_ops_per_sec }],
        backgroundColor: palette[2], pointRadius: 7, pointStyle: 'triangle' }] },
      options: dbsimCharts.capacityOptions });
  }
  done();
})();
