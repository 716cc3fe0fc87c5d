/**
 * The floor of a cold load, measured in the same browser and run as the app: a blank page on the
 * console's origin that only fetches and parses the JavaScript the app's first page loaded (as
 * module preloads: fetched and compiled, not run) and fetches the list's first page (parsed as
 * JSON), all at once. No app can show rows sooner than that; bench/ui prints each figure beside it.
 */

const FLOOR_PATH = '/__bench-floor';

/** The floor page: every script as a modulepreload and the list's first page, in parallel. */
function floorHtml(scripts, listUrl) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><script>
const scripts = ${JSON.stringify(scripts)};
const loaded = scripts.map((href) => new Promise((resolve) => {
  const l = document.createElement('link');
  l.rel = 'modulepreload';
  l.href = href;
  l.onload = l.onerror = resolve;
  document.head.append(l);
}));
const list = fetch(${JSON.stringify(listUrl)}).then((r) => r.json().then((j) => (window.__floorStatus = r.status, j)));
Promise.all([...loaded, list]).then(() => { window.__floor = performance.now(); });
</script></body></html>`;
}

/**
 * One cold floor load in a fresh context: milliseconds from navigation to scripts parsed and the
 * list's first page parsed (the same clock as the app's `navigation → first rows`).
 */
export async function floorOnce(browser, base, scripts, listUrl) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.route(`${base}${FLOOR_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: floorHtml(scripts, listUrl) }),
    );
    const t0 = Date.now();
    await page.goto(`${base}${FLOOR_PATH}`);
    await page.waitForFunction(() => window.__floor !== undefined, undefined, { timeout: 60_000 });
    const elapsed = Date.now() - t0;
    const status = await page.evaluate(() => window.__floorStatus);
    if (status !== 200) throw new Error(`floor: the list's first page answered ${status}`);
    return elapsed;
  } finally {
    await page.close();
  }
}
