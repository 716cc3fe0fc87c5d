import type { Locator } from '@playwright/test';
import { EMBEDDED, expect, expectNoSeriousA11yViolations, SMOKE, test } from './fixtures/index.js';
import { ShellPage } from './pages/shell.js';
import { actionFailureToasts } from './pages/vm-actions.js';
import { VmListPage } from './pages/vm-list.js';
import { createCirros } from './vm-manifests.js';

/**
 * How far a menu is drawn from its toggle, in pixels: the larger of the vertical gap (below it, or
 * above it when it opens upwards) and the distance between their nearest left or right edges.
 */
async function gapBetween(toggle: Locator, menu: Locator): Promise<number> {
  const [t, m] = await Promise.all([toggle.boundingBox(), menu.boundingBox()]);
  if (!t || !m) return Infinity;
  const vertical = Math.min(Math.abs(m.y - (t.y + t.height)), Math.abs(t.y - (m.y + m.height)));
  const horizontal = Math.min(Math.abs(m.x - t.x), Math.abs(m.x + m.width - (t.x + t.width)));
  return Math.max(vertical, horizontal);
}

test.describe('virtual machines list', () => {
  test(
    'lists the VMs of a namespace live, filters, sorts and shares the view by URL',
    { tag: SMOKE },
    async ({ page, api, namespace, context }) => {
      await createCirros(api, namespace, 'alpha-web', { labels: { app: 'web', tier: 'front' } });
      await createCirros(api, namespace, 'beta-db', { labels: { app: 'db' } });
      const list = new VmListPage(page);
      await list.goto(namespace);
      await expect(list.status(namespace, 'alpha-web')).toHaveText('Stopped');
      await expect(list.status(namespace, 'beta-db')).toHaveText('Stopped');

      // A VM created now appears without a reload.
      await createCirros(api, namespace, 'gamma-web', { labels: { app: 'web' } });
      await expect(list.row(namespace, 'gamma-web')).toBeVisible();
      expect(await list.rowNames()).toEqual(['alpha-web', 'beta-db', 'gamma-web']);

      // Sorting by name, descending.
      await list.sortBy('Name');
      await expect.poll(() => list.rowNames()).toEqual(['gamma-web', 'beta-db', 'alpha-web']);
      expect(await list.sortDirection('Name')).toBe('descending');

      // Filtering by a name word, then by a label.
      await list.filter('web');
      await expect.poll(() => list.rowNames()).toEqual(['gamma-web', 'alpha-web']);
      await list.filter('app=web tier=front');
      await expect.poll(() => list.rowNames()).toEqual(['alpha-web']);
      await list.filter('app=nothing');
      await expect(list.noMatch).toBeVisible();
      await list.filter('web');
      await expect(page).toHaveURL(/[?&]q=web/);
      await expect(page).toHaveURL(/[?&]dir=desc/);

      // The URL reproduces the view in another tab. Its lists start before the app's bundle has run
      // (the early module) and the app adopts them: one request per list, none asked twice.
      const other = await context.newPage();
      const firstPages: string[] = [];
      other.on('request', (r) => {
        const url = new URL(r.url());
        if (
          /^\/api\/.*\/virtualmachine(instance)?s$/.test(url.pathname) &&
          !url.searchParams.has('continue') &&
          !url.searchParams.has('watch')
        )
          firstPages.push(url.pathname.split('/').pop() ?? '');
      });
      const shared = new VmListPage(other);
      await other.goto(page.url());
      await expect(shared.heading).toBeVisible();
      await expect.poll(() => shared.rowNames()).toEqual(['gamma-web', 'alpha-web']);
      await expect(shared.filterBox).toHaveValue('web');
      expect(firstPages.sort()).toEqual(['virtualmachineinstances', 'virtualmachines']);
      expect(
        await other.evaluate(() => Object.keys(Reflect.get(window, '__kubevirtConsoleEarly') ?? { missing: 1 })),
      ).toEqual([]);
      await other.close();

      // The status filter, also in the URL.
      await list.filter('');
      await list.toggleStatus('Stopped');
      await expect(page).toHaveURL(/[?&]status=Stopped/);
      await expect.poll(() => list.rowNames()).toEqual(['gamma-web', 'beta-db', 'alpha-web']);
      await expectNoSeriousA11yViolations(page);
    },
  );

  test('typing at a steady pace keeps every character while the URL catches up', async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'alpha-web', { labels: { app: 'web', tier: 'front' } });
    await createCirros(api, namespace, 'beta-web', { labels: { app: 'web' } });
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.row(namespace, 'beta-web')).toBeVisible();
    // A keystroke about every quarter of a second: the URL is written that long after each one,
    // so its navigations land between keystrokes; none may put an older text back in the box.
    await list.filterBox.pressSequentially('app=web tier=front', { delay: 250 });
    await expect(list.filterBox).toHaveValue('app=web tier=front');
    await expect(page).toHaveURL(/[?&]q=app%3Dweb\+tier%3Dfront(&|$)/);
    await expect.poll(() => list.rowNames()).toEqual(['alpha-web']);
  });

  test('an action the server refuses shows its message in a toast until closed', async ({ page, api, namespace }) => {
    await createCirros(api, namespace, 'contested');
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.status(namespace, 'contested')).toHaveText('Stopped');
    // Someone else starts the VM while the console's own request is on its way: the request is
    // held until theirs is through, then goes to the cluster, which refuses it.
    const subresource = `/apis/subresources.kubevirt.io/v1/namespaces/${namespace}/virtualmachines/contested/start`;
    await page.route(`**${subresource}`, async (route) => {
      await api.call('PUT', subresource, {});
      await route.continue();
    });
    await list.actions(namespace, 'contested').run('Start');
    const toast = actionFailureToasts(page);
    await expect(toast).toHaveCount(1);
    await expect(toast).toContainText('contested');
    // KubeVirt's virt-api answers "VM is already running" once the other start has made a VMI,
    // and "Always does not support manual start requests" while the controller has not yet made
    // one (the real stack's controllers run over HTTP, so that window is wider there).
    await expect(toast).toContainText(/already running|already underway|Always does not support manual start requests/);
    await expect(list.status(namespace, 'contested')).toHaveText('Running');
    await expectNoSeriousA11yViolations(page);
    await toast.getByRole('button', { name: /^Close/ }).click();
    await expect(toast).toHaveCount(0);
  });

  test('bulk actions start, stop and delete the selected VMs, and leave the others', async ({
    page,
    api,
    namespace,
  }) => {
    for (const name of ['bulk-a', 'bulk-b', 'bulk-c']) await createCirros(api, namespace, name);
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.status(namespace, 'bulk-c')).toHaveText('Stopped');
    await list.selectRow(namespace, 'bulk-a');
    await list.selectRow(namespace, 'bulk-b');
    await expect(list.bulkActions).toHaveText('Actions (2 selected)');

    await list.bulk('Start');
    await expect(list.status(namespace, 'bulk-a')).toHaveText('Running');
    await expect(list.status(namespace, 'bulk-b')).toHaveText('Running');
    await expect(list.status(namespace, 'bulk-c')).toHaveText('Stopped');

    await list.bulk('Stop');
    await expect(list.status(namespace, 'bulk-a')).toHaveText('Stopped');
    await expect(list.status(namespace, 'bulk-b')).toHaveText('Stopped');

    // Delete asks for the count; a grace period that is not a whole number keeps Delete disabled.
    await list.openBulkActions();
    await list.bulkItem('Delete').click();
    const dialog = list.bulkDeleteDialog();
    await expect(dialog.dialog).toContainText('bulk-a');
    await expect(dialog.dialog).toContainText('bulk-b');
    await dialog.gracePeriod.fill('-1');
    await dialog.dialog.getByRole('textbox', { name: /^Type 2 to confirm/ }).fill('2');
    await expect(dialog.deleteButton).toBeDisabled();
    await dialog.confirm(2, { gracePeriodSeconds: 0 });
    await expect(list.row(namespace, 'bulk-a')).toHaveCount(0);
    await expect(list.row(namespace, 'bulk-b')).toHaveCount(0);
    expect(await list.rowNames()).toEqual(['bulk-c']);
  });

  test('starts a stopped VM, pauses, unpauses, migrates, stops and deletes it from the kebab', async ({
    page,
    api,
    namespace,
  }) => {
    await createCirros(api, namespace, 'life', { migratable: true });
    const list = new VmListPage(page);
    await list.goto(namespace);
    const actions = list.actions(namespace, 'life');
    await expect(list.status(namespace, 'life')).toHaveText('Stopped');

    await actions.open();
    // The menu opens against its toggle (its first opening once drew it in the window's corner).
    await expect
      .poll(
        async () => {
          const o = await actions.menuOffset();
          return o.vertical < 24 && o.horizontal < 24;
        },
        { message: 'the menu is beside its toggle' },
      )
      .toBe(true);
    await actions.expectDisabledBecause('Stop', 'The virtual machine is not running');
    await actions.close();

    await actions.run('Start');
    await expect(list.status(namespace, 'life')).toHaveText('Running');
    const node = list.cell(namespace, 'life', 'node');
    await expect(node).toHaveText(/^node\d+$/);
    await expect(list.cell(namespace, 'life', 'ip')).toHaveText(/^\d+\.\d+\.\d+\.\d+/);

    await actions.run('Pause');
    await expect(list.status(namespace, 'life')).toHaveText('Paused');
    await actions.run('Unpause');
    await expect(list.status(namespace, 'life')).toHaveText('Running');

    const before = await node.innerText();
    await actions.run('Migrate');
    await expect(node).not.toHaveText(before);
    await expect(node).toHaveText(/^node\d+$/);
    await expect(list.status(namespace, 'life')).toHaveText('Running');

    await actions.run('Stop');
    await expect(list.status(namespace, 'life')).toHaveText('Stopped');
    await expect(node).toHaveText('-');

    await actions.run('Delete');
    await list.deleteDialog().confirm('life', { gracePeriodSeconds: 0 });
    await expect(list.row(namespace, 'life')).toBeHidden();
    await expect(list.emptyState).toBeVisible();
  });

  test('the per-page, status, namespace and row menus open on their first Enter or Space, with the focus as PatternFly puts it', async ({
    page,
    api,
    namespace,
  }) => {
    // Their menus load on first use (out of the first page's JavaScript): the first Enter must still open them.
    await createCirros(api, namespace, 'menus');
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.row(namespace, 'menus')).toBeVisible();

    const perPage = page.locator('#options-menu-top-toggle');
    await perPage.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: '20 per page' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(perPage).toBeFocused();

    const status = page.locator('#vm-status-filter');
    await status.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(status).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(status).toBeFocused();
    await expect(page.getByRole('menu')).toBeHidden();

    const namespaces = page.locator('#namespace-toggle');
    await namespaces.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox', { name: 'Namespaces' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option', { name: 'All namespaces' })).toBeFocused();
    await page.keyboard.press('Escape');

    // A row's kebab, with Space.
    const kebab = list.actions(namespace, 'menus');
    await kebab.toggle.focus();
    await page.keyboard.press('Space');
    await expect(kebab.item('Start')).toBeVisible();
    await expect(kebab.toggle).toBeFocused();
    await kebab.close();
    await expect(kebab.toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('the per-page, status, namespace and row menus open on the first click after a page load, at their toggle', async ({
    page,
    api,
    namespace,
  }) => {
    // Each menu's code loads on that click: the click alone must open it, drawn beside its toggle
    // (a PatternFly menu mounted open is drawn in the window's top-left corner).
    await createCirros(api, namespace, 'clicks');
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.row(namespace, 'clicks')).toBeVisible();
    const menuWith = (item: Locator) => page.locator('.pf-v6-c-menu', { has: item });
    const expectOpenBeside = async (toggle: Locator, menu: Locator) => {
      await expect(menu).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect
        .poll(() => gapBetween(toggle, menu), { message: 'the menu is drawn at its toggle' })
        .toBeLessThan(16);
    };

    const perPage = page.locator('#options-menu-top-toggle');
    await perPage.click();
    const perPageMenu = menuWith(page.getByRole('menuitem', { name: '50 per page' }));
    await expectOpenBeside(perPage, perPageMenu);
    await expect(page.getByRole('menuitem', { name: '20 per page' })).toBeFocused();
    await perPage.click();
    await expect(perPageMenu).toBeHidden();
    await expect(perPage).toHaveAttribute('aria-expanded', 'false');

    const statusMenu = menuWith(page.getByRole('menuitem', { name: /^Stopped \(1\)/ }));
    await list.statusFilter.click();
    await expectOpenBeside(list.statusFilter, statusMenu);
    await page.keyboard.press('Escape');
    await expect(statusMenu).toBeHidden();
    await expect(list.statusFilter).toBeFocused();

    const shell = new ShellPage(page);
    await shell.namespaceToggle.click();
    await expectOpenBeside(shell.namespaceToggle, menuWith(page.getByRole('listbox', { name: 'Namespaces' })));
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox', { name: 'Namespaces' })).toBeHidden();

    const kebab = list.actions(namespace, 'clicks');
    await kebab.toggle.click();
    await expectOpenBeside(kebab.toggle, menuWith(kebab.item('Start')));
    await expect(kebab.toggle).toBeFocused();
    await kebab.close();
  });

  test('shows an empty state that offers to create a VM', async ({ page, namespace }) => {
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.emptyState).toBeVisible();
    await expect(list.createButton).toHaveAttribute('href', `/k8s/ns/${namespace}/virtualmachines/~new`);
  });

  test(
    'an error state shows the server message, the status popover links to the events',
    { tag: EMBEDDED },
    async ({ page }) => {
      // The seeded broken-image VM cannot pull its container disk.
      const list = new VmListPage(page);
      await list.goto('demo');
      const status = list.status('demo', 'broken-image');
      await expect(status).toHaveText(/ErrImagePull|ImagePullBackOff/);
      const popover = await list.openStatusPopover('demo', 'broken-image');
      await expect(popover).toHaveAccessibleName(/ErrImagePull|ImagePullBackOff/);
      await expect(popover.getByRole('link', { name: 'View events' })).toHaveAttribute(
        'href',
        '/k8s/ns/demo/virtualmachines/broken-image/events',
      );
      // Escape closes it; the next click opens it again (the popover loaded on first use stays usable).
      await page.keyboard.press('Escape');
      await expect(popover).toBeHidden();
      await list.openStatusPopover('demo', 'broken-image');
    },
  );

  test('screenshots of the seeded VMs, light and dark', { tag: EMBEDDED }, async ({ page }) => {
    const shell = new ShellPage(page);
    const list = new VmListPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await list.goto();
    await expect(list.status('demo', 'fedora-web')).toHaveText('Running');
    await shell.setDarkTheme(false);
    await page.screenshot({ path: 'e2e/screenshots/vm-list-light.png', animations: 'disabled' });
    await shell.setDarkTheme(true);
    await page.screenshot({ path: 'e2e/screenshots/vm-list-dark.png', animations: 'disabled' });
    await shell.setDarkTheme(false);
  });
});
