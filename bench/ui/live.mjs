/**
 * Live updates at idle: one VM (the list filtered to its name) is started and stopped through the
 * API; the page records when each watch event reached it (a listener added before the app's own)
 * and when the row's status cell showed that event's state (the next frame after the DOM change).
 * Prints the latency of each shown state and how many states the watch carried that the row never
 * showed.
 */

/** Installs the WebSocket recorder; call before the page's first navigation. */
export async function recordWatchEvents(page) {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    window.__watch = [];
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          const probe = window.__probe;
          if (!probe || typeof e.data !== 'string' || !e.data.includes(`"name":"${probe}"`)) return;
          try {
            const ev = JSON.parse(e.data);
            if (ev.object?.kind === 'VirtualMachine')
              window.__watch.push({ t: performance.now(), status: ev.object.status?.printableStatus ?? '' });
          } catch {
            /* not JSON */
          }
        });
      }
    };
  });
}

const norm = (s) => s.replace(/[^a-z]/gi, '').toLowerCase();

export async function idleLatency(page, base, clusterUrl, name, cycles = 4) {
  await page.goto(`${base}/k8s/all-namespaces/virtualmachines?q=${name}`);
  const cell = `#vm-scale-${name}-status`;
  await page.locator(cell).waitFor();
  await page.evaluate(
    ({ name, cell }) => {
      window.__probe = name;
      window.__watch = [];
      window.__shown = [];
      const el = document.querySelector(cell)?.closest('td') ?? document.querySelector(cell);
      let last = el.textContent;
      new MutationObserver(() => {
        const text = document.querySelector(cell)?.textContent ?? '';
        if (text === last) return;
        last = text;
        const t = performance.now();
        requestAnimationFrame(() => window.__shown.push({ t, frame: performance.now(), text }));
      }).observe(document.querySelector('#vm-table tbody') ?? el, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    { name, cell },
  );
  const put = (verb) =>
    fetch(`${clusterUrl}/apis/subresources.kubevirt.io/v1/namespaces/scale/virtualmachines/${name}/${verb}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  const settle = async (status) => {
    for (let i = 0; i < 120; i++) {
      const text = (await page.locator(cell).textContent()) ?? '';
      if (norm(text) === norm(status)) return;
      await page.waitForTimeout(250);
    }
  };
  for (let c = 0; c < cycles; c++) {
    const running = norm((await page.locator(cell).textContent()) ?? '') === norm('Running');
    await put(running ? 'stop' : 'start');
    await settle(running ? 'Stopped' : 'Running');
    await page.waitForTimeout(1000);
  }
  const { watch, shown } = await page.evaluate(() => ({ watch: window.__watch, shown: window.__shown }));
  // Distinct states in the order the watch carried them, each matched to the first time the row showed it after.
  const latencies = [];
  let missed = 0;
  let j = 0;
  let prev = '';
  for (const w of watch) {
    if (norm(w.status) === prev) continue;
    prev = norm(w.status);
    const k = shown.findIndex((s, i) => i >= j && norm(s.text) === prev && s.t >= w.t - 1);
    if (k < 0) {
      missed++;
      continue;
    }
    latencies.push(shown[k].frame - w.t);
    j = k + 1;
  }
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ watch, shown }));
  return { latencies, missed, states: latencies.length + missed };
}
