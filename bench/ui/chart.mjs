/**
 * The utilization chart on a VM's overview, cold: when the first Prometheus range query answered,
 * and when the CPU chart was drawn (its SVG with a data path: the chart library's chunk loaded and
 * rendered), from navigation. The overview's other charts draw in the same frame.
 */
export async function chartOnce(browser, base, namespace, name) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const marks = {};
    let t0 = 0;
    page.on('response', (r) => {
      if (r.url().includes('/api/prometheus/api/v1/query_range')) marks.query ??= Date.now() - t0;
    });
    t0 = Date.now();
    await page.goto(`${base}/k8s/ns/${namespace}/virtualmachines/${name}`);
    await page.waitForFunction(
      () => {
        const svg = document.querySelector('[id$="-utilization"] svg');
        return Boolean(svg?.querySelector('path[d*="L"], path[d*="C"]'));
      },
      undefined,
      { timeout: 90_000, polling: 'raf' },
    );
    marks.chart = Date.now() - t0;
    return marks;
  } finally {
    await page.close();
  }
}
