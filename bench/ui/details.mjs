/**
 * The VM details page, cold: when the VM's own GET answered, when its status showed, when its
 * actions stopped saying "Checking your permissions…", and how many access review requests
 * (SelfSubjectAccessReview, SelfSubjectRulesReview) the page sent.
 */
export async function detailsOnce(browser, base, name) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const marks = { reviews: 0 };
    let t0 = 0;
    page.on('request', (r) => {
      if (/selfsubject(access|rules)reviews/.test(r.url())) marks.reviews++;
    });
    page.on('response', (r) => {
      if (r.url().includes('/virtualmachines?') && r.url().includes(`metadata.name%3D${name}`))
        marks.vm ??= Date.now() - t0;
    });
    t0 = Date.now();
    await page.goto(`${base}/k8s/ns/scale/virtualmachines/${name}`);
    await page.locator(`#vm-scale-${name}-status`).waitFor({ timeout: 60_000 });
    marks.status = Date.now() - t0;
    await page.waitForFunction(
      () => {
        const bar = document.querySelector('[role="toolbar"][aria-label^="Actions for"]');
        return bar && bar.querySelector('button') && !bar.textContent.includes('Checking your permissions');
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    marks.actions = Date.now() - t0;
    await page.waitForTimeout(500);
    return marks;
  } finally {
    await page.close();
  }
}
