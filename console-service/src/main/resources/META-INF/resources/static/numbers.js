// Draws the numbers page's trends with Chart.js (served by the console, no CDN) from the JSON the
// server put in the page; each chart's values are also in the table under it, for everyone.
(function () {
  const data = document.getElementById('trend-data');
  if (!data || !window.Chart) {
    return;
  }
  for (const trend of JSON.parse(data.textContent)) {
    const canvas = document.getElementById('chart-' + trend.metric);
    if (!canvas) {
      continue;
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: trend.points.map(p => p.label),
        datasets: [{
          label: trend.title,
          data: trend.points.map(p => p.value),
          borderColor: '#0b5cad',
          backgroundColor: '#0b5cad',
          spanGaps: true,
          pointRadius: trend.points.map(p => (p.n > 0 ? 3 : 0))
        }]
      },
      options: {
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { afterLabel: item => 'n ' + trend.points[item.dataIndex].n } }
        },
        scales: { y: trend.metric === 'nps' ? { min: -100, max: 100 } : { min: 0, max: 100 } }
      }
    });
  }
})();
