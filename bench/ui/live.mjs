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
  const initial = (await page.locator(cell).textContent()) ?? '';
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
  const { latencies, missed } = matchStates(watch, shown, initial);
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ watch, shown }));
  return { latencies, missed, states: latencies.length + missed };
}

/**
 * Matches the states the watch carried to the row's changes. `watch` is every watch event of the
 * VM in order ({t, status}); `shown` every change of the row's status text ({t, frame, text});
 * `initial` the text the row showed before the first event. A state counts from the first event
 * that carries it (events that repeat the state before it are not new states; the first events of
 * a start or stop often repeat the state the row already shows). It is shown if the row shows that
 * state after the event and before the watch enters it the next time (a later cycle's same state
 * is not this one's); the rows' changes are matched in order.
 */
export function matchStates(watch, shown, initial) {
  const states = [];
  let prev = norm(initial);
  for (const w of watch) {
    const s = norm(w.status);
    if (s === prev) continue;
    prev = s;
    states.push({ t: w.t, state: s });
  }
  const latencies = [];
  let missed = 0;
  let j = 0;
  states.forEach((st, k) => {
    const again = states.find((o, m) => m > k && o.state === st.state)?.t ?? Infinity;
    const i = shown.findIndex((s, n) => n >= j && norm(s.text) === st.state && s.t >= st.t - 1 && s.t < again);
    if (i < 0) {
      missed++;
      return;
    }
    latencies.push(shown[i].frame - st.t);
    j = i + 1;
  });
  return { latencies, missed };
}
