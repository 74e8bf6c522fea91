/* Shades each outage on the charts over time, from its start until it recovered (or the run ended), and counts the
   outages each chart shows in its canvas's data-outages. Loaded only when the run had outages, before report.js draws. */
(function () {
  const data = JSON.parse(document.getElementById('run-data').textContent);
  const times = (data.timeseries || []).map(p => p.t_s);
  const outages = (data.outages && data.outages.events) || [];
  const overTime = ['chart-throughput', 'chart-latency', 'chart-pool', 'chart-operation-p95'];
  const indexAt = s => { const i = times.findIndex(t => t >= s - 1e-6); return i < 0 ? times.length - 1 : i; };

  Chart.register({
    id: 'dbsimOutages',
    beforeDatasetsDraw(chart) {
      if (!overTime.includes(chart.canvas.id)) { return; }
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      outages.forEach(o => {
        const until = o.recovered_at_s !== null ? o.recovered_at_s : times[times.length - 1];
        const from = scales.x.getPixelForValue(indexAt(o.started_at_s));
        const to = Math.max(from + 2, scales.x.getPixelForValue(indexAt(until)));
        ctx.fillStyle = 'rgba(204, 31, 26, 0.14)';
        ctx.fillRect(from, chartArea.top, to - from, chartArea.bottom - chartArea.top);
        ctx.fillStyle = 'rgba(204, 31, 26, 0.9)';
        ctx.font = '11px sans-serif';
        ctx.fillText('outage', from + 3, chartArea.top + 12);
      });
      ctx.restore();
      chart.canvas.dataset.outages = String(outages.length);
    }
  });
})();
