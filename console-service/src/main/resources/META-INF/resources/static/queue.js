// Keeps the alert queue current without a reload: every alert event from /live (the person's own
// stream, relayed from alerting-service) fetches the rows again with the page's filters; so does a
// minute passing, for the time left. The browser reconnects a dropped stream by itself.
(function () {
  const queue = document.getElementById('queue');
  const status = document.getElementById('live-status');
  if (!queue || !window.EventSource) {
    return;
  }
  const rowsUrl = '/queue/rows?' + queue.dataset.query + '&page=' + queue.dataset.page;
  let pending = null;

  async function refresh(announce) {
    pending = null;
    try {
      const response = await fetch(rowsUrl, { headers: { 'Accept': 'text/html' } });
      if (!response.ok) {
        status.textContent = 'Live: the queue could not be refreshed (' + response.status + ')';
        return;
      }
      const before = document.getElementById('total').textContent;
      queue.innerHTML = await response.text();
      const after = document.getElementById('total').textContent;
      if (announce) {
        status.textContent = 'Live: updated at ' + new Date().toLocaleTimeString() +
          (before !== after ? ' (' + after + ' alerts)' : '');
      }
    } catch (e) {
      status.textContent = 'Live: the queue could not be refreshed';
    }
  }

  // A burst of events (a storm, a batch of acknowledgements) is one refresh.
  function soon() {
    if (pending === null) {
      pending = setTimeout(() => refresh(true), 300);
    }
  }

  const live = new EventSource('/live');
  live.onopen = () => { status.textContent = 'Live: connected'; };
  live.onmessage = soon;
  live.onerror = () => {
    // The browser retries a dropped stream by itself; a refused one (too many screens open, the
    // sign-in expired) it gives up on, and the minute's refresh below is all that is left.
    status.textContent = live.readyState === EventSource.CLOSED
      ? 'Live updates are off (too many screens open, or the sign-in expired): the queue refreshes every minute'
      : 'Live: reconnecting…';
  };
  setInterval(() => refresh(false), 60000);
})();
