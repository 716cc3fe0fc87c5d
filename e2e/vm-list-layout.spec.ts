// Issue 17 items 5 and 6: long namespace and VM names (OpenShift's own namespaces run to 40
// characters) must not push the Created column and the row menu off-screen, and the row menu with
// its disabled reasons stays inside the window; a disabled Delete is not drawn as a danger item.
import { randomBytes } from 'node:crypto';
import { E2E_VIEWER_TOKEN, EMBEDDED, expect, test } from './fixtures/index.js';
import { LAYOUT_SIZES, expectInsideViewport } from './layout.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros } from './vm-manifests.js';

const LONG_NAME = 'rhel9-server-with-a-rather-long-descriptive-name';

test.describe('VM list with long names', () => {
  test('keeps Created and the row menu inside the window at 1280 and 1440 px', async ({ page, api }) => {
    const namespace = `openshift-virtualization-os-images-${randomBytes(3).toString('hex')}`;
    await api.createNamespace(namespace);
    try {
      await createCirros(api, namespace, LONG_NAME, { runStrategy: 'Always' });
      await createCirros(api, namespace, 'small');
      const list = new VmListPage(page);
      for (const size of LAYOUT_SIZES) {
        await page.setViewportSize(size);
        // All namespaces (the Namespace column is shown), filtered to this test's VMs.
        await list.goto(undefined, `q=${encodeURIComponent(LONG_NAME)}`);
        await expect(list.status(namespace, LONG_NAME)).toHaveText('Running');
        await expectInsideViewport(list.cell(namespace, LONG_NAME, 'namespace'), `namespace cell at ${size.width}px`);
        await expectInsideViewport(list.cell(namespace, LONG_NAME, 'created'), `Created cell at ${size.width}px`);
        const actions = list.actions(namespace, LONG_NAME);
        await expectInsideViewport(actions.toggle, `row menu toggle at ${size.width}px`);
        await actions.open();
        await expectInsideViewport(page.getByRole('menu'), `open row menu at ${size.width}px`);
        await actions.close();
        // The namespace menu, opened from the masthead's toggle showing the long name, stays inside too.
        await list.goto(namespace);
        await page.locator('#namespace-toggle').click();
        await expectInsideViewport(
          page.getByRole('listbox', { name: 'Namespaces' }),
          `namespace menu at ${size.width}px`,
        );
        await page.keyboard.press('Escape');
      }
    } finally {
      await api.deleteNamespace(namespace);
    }
  });
});

test.describe('namespace menu of a user who cannot list namespaces', () => {
  test("stays inside the window with the long toggle and the server's reason", async ({ page, namespace }) => {
    // kube-apiserver's answer to such a user (as the real stack's OIDC user gets it).
    await page.route(/\/api\/v1\/namespaces(\?.*)?$/, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: 403,
            contentType: 'application/json',
            body: JSON.stringify({
              kind: 'Status',
              apiVersion: 'v1',
              status: 'Failure',
              reason: 'Forbidden',
              code: 403,
              message:
                'namespaces is forbidden: User "someone.with.a.long.name@example.com" cannot list resource "namespaces" in API group "" at the cluster scope',
            }),
          })
        : route.fallback(),
    );
    const list = new VmListPage(page);
    for (const size of LAYOUT_SIZES) {
      await page.setViewportSize(size);
      await list.goto(namespace);
      await page.locator('#namespace-toggle').click();
      const cannot = page.getByRole('option', { name: /Cannot list namespaces/ });
      await expect(cannot).toContainText('cannot list resource');
      await expectInsideViewport(
        page.getByRole('listbox', { name: 'Namespaces' }),
        `namespace menu at ${size.width}px`,
      );
      await page.keyboard.press('Escape');
    }
  });
});

test.describe('VM list row menu as a viewer', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('shows the disabled reasons inside the window, and a disabled Delete is not red', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'running', { runStrategy: 'Always' });
    const list = new VmListPage(page);
    for (const size of LAYOUT_SIZES) {
      await page.setViewportSize(size);
      await list.goto(namespace);
      await expect(list.status(namespace, 'running')).toHaveText('Running');
      const actions = list.actions(namespace, 'running');
      await actions.open();
      await actions.expectDisabledBecause('Delete', 'You are not allowed to delete virtual machines in this namespace');
      await expectInsideViewport(page.getByRole('menu'), `the viewer's row menu at ${size.width}px`);
      // Taller than the room beside its toggle (every action with its reason), the menu scrolls
      // inside the window: each item and its reason can be scrolled to and is then wholly visible.
      for (const label of ['Start', 'Migrate', 'Delete'] as const) {
        await actions.item(label).scrollIntoViewIfNeeded();
        await expectInsideViewport(actions.item(label), `${label} and its reason at ${size.width}px`);
      }
      // Disabled Delete is drawn like every other disabled item, not in the danger colour.
      const colour = (label: 'Start' | 'Delete') => actions.item(label).evaluate((el) => getComputedStyle(el).color);
      expect(await colour('Delete')).toBe(await colour('Start'));
      await actions.close();
    }
  });
});
