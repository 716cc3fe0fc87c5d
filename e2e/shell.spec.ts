import { expect, expectNoSeriousA11yViolations, SMOKE, test } from './fixtures/index.js';
import { NotFoundPage } from './pages/not-found.js';
import { ALL_NAMESPACES, NAV_SECTIONS, ShellPage } from './pages/shell.js';
import { VmListPage } from './pages/vm-list.js';
import { cirrosVm, vmsPath } from './vm-manifests.js';

test.describe('app shell', () => {
  test('opens on the virtual machines list with the navigation', { tag: SMOKE }, async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto('/');
    await expect(page).toHaveURL(/\/k8s\/all-namespaces\/virtualmachines$/);
    await expect(page.getByRole('link', { name: 'KubeVirt Console home' })).toBeVisible();
    for (const section of NAV_SECTIONS) await expect(shell.navLink(section)).toBeVisible();
    await expect(shell.navLink('Virtual machines')).toHaveAttribute('aria-current', 'page');

    await shell.openSection('VirtualMachine instances');
    await expect(page).toHaveURL(/\/k8s\/all-namespaces\/virtualmachineinstances$/);
    await shell.openSection('Services');
    await expect(page).toHaveURL(/\/k8s\/all-namespaces\/services$/);
    await shell.openSection('Overview');
    await expect(shell.heading('Overview')).toBeVisible();
    await expect(shell.navLink('Overview')).toHaveAttribute('aria-current', 'page');
    await expectNoSeriousA11yViolations(page);
  });

  test('the namespace selector lists namespaces live, filters the pages and is remembered', async ({
    page,
    api,
    namespace,
  }) => {
    const shell = new ShellPage(page);
    await shell.goto('/k8s/all-namespaces/virtualmachines');
    expect(await shell.currentNamespace()).toBe(ALL_NAMESPACES);

    await shell.selectNamespace(namespace);
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines$`));
    await expect(new VmListPage(page).emptyState).toBeVisible();

    // The list is watched: a VM made elsewhere shows up without a reload, with its status.
    const name = 'vm-cirros';
    await api.create(vmsPath(namespace), cirrosVm(namespace, name));
    await expect(shell.row('vm', namespace, name)).toBeVisible();
    await expect(shell.cell('vm', namespace, name, 'status')).toHaveText('Stopped');

    // A namespace created now appears in the open menu.
    const later = `${namespace}-late`;
    await api.createNamespace(later);
    try {
      await shell.openNamespaceMenu();
      await expect(shell.namespaceOption(later)).toBeVisible();
      await page.keyboard.press('Escape');
    } finally {
      await api.deleteNamespace(later);
    }

    // Other pages follow the choice, and it survives a reload of the home page.
    await shell.openSection('Services');
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/services$`));
    await shell.goto('/');
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines$`));
    expect(await shell.currentNamespace()).toBe(namespace);

    await shell.selectNamespace(ALL_NAMESPACES);
    await expect(page).toHaveURL(/\/k8s\/all-namespaces\/virtualmachines$/);
    await expect(shell.row('vm', namespace, name)).toBeVisible();
  });

  test('switches between the light and dark themes, and remembers the choice', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await shell.goto('/k8s/all-namespaces/virtualmachines');
    await expect(shell.heading('Virtual machines')).toBeVisible();
    await expect(
      page
        .getByRole('grid', { name: 'Virtual machines' })
        .or(page.getByRole('heading', { name: 'No virtual machines found' })),
    ).toBeVisible();
    expect(await shell.isDarkTheme()).toBe(false);
    await page.screenshot({ path: 'e2e/screenshots/shell-light.png', animations: 'disabled' });

    await shell.setDarkTheme(true);
    expect(await shell.isDarkTheme()).toBe(true);
    await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
    await page.screenshot({ path: 'e2e/screenshots/shell-dark.png', animations: 'disabled' });
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
    await shell.setDarkTheme(false);
    await expect(page.locator('html')).not.toHaveClass(/pf-v6-theme-dark/);
  });

  test('shows a not-found page for unknown paths', async ({ page }) => {
    const notFound = new NotFoundPage(page);
    await notFound.goto('/no/such/page');
    await expectNoSeriousA11yViolations(page);
    await notFound.goHome();
  });
});
