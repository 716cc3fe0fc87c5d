import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { CreateVmPage } from './pages/create-vm.js';
import { ShellPage } from './pages/shell.js';
import { VmListPage } from './pages/vm-list.js';
import { waitForVmStatus } from './vm-manifests.js';

interface VmSpec {
  spec?: {
    instancetype?: { kind?: string; name?: string };
    preference?: { kind?: string; name?: string };
    template?: { spec?: { domain?: Record<string, unknown> } };
  };
}

/**
 * The instance type path of the create form: a bootable volume whose labels name the preference
 * and the size, a series and size chosen as cards, the preference changed and changed back, and
 * the VM it makes runs; then the list's optional CPU, memory and instance type columns show it.
 * @embedded: the common boot sources (kubevirt-os-images/fedora) and instance types are the
 * embedded cluster's defaults.
 */
test.describe('create a VM from an instance type', { tag: EMBEDDED }, () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('series and size cards, the inferred preference, matchers in the YAML; the VM runs and the list shows its size', async ({
    page,
    api,
    namespace,
  }) => {
    test.setTimeout(150_000);
    const form = new CreateVmPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await form.goto(namespace);
    await form.fillName('sized');
    await form.main.getByRole('radio', { name: 'Instance type', exact: true }).check();
    await form.chooseBootSource('Bootable volume');
    await form.select('Bootable volume').selectOption({ value: 'kubevirt-os-images/fedora' });

    // The volume's labels: preference fedora, size u1.medium.
    const preference = form.select('Preference');
    await expect(preference).toHaveValue('fedora');
    await expect(preference).toHaveAccessibleDescription(/Inferred from the bootable volume fedora/);
    const series = form.main.getByRole('radiogroup', { name: 'Series', exact: true });
    await expect(series.getByRole('radio', { name: 'U1 series' })).toBeChecked();
    await expect(form.main.getByRole('radio', { name: 'u1.medium' })).toBeChecked();

    // Another series starts at its medium size; back to U1 and a smaller size.
    await form.chooseCard('O1 series');
    await expect(form.main.getByRole('radio', { name: 'o1.medium' })).toBeChecked();
    await form.chooseCard('U1 series');
    await form.chooseCard('u1.small');
    await expect(form.main.locator('#create-vm-size-u1-small')).toContainText('1 CPU, 2 GiB memory');

    // The preference can be changed (and is changed back).
    await preference.selectOption('centos.stream9');
    await expect(form.preview).toContainText('name: centos.stream9');
    await preference.selectOption('fedora');

    await expect(form.preview).toContainText('kind: VirtualMachineClusterInstancetype');
    await expect(form.preview).toContainText('name: u1.small');
    await expect(form.preview).toContainText('kind: VirtualMachineClusterPreference');
    await expect(form.preview).not.toContainText('cores:');
    await expect(form.preview).not.toContainText('guest:');
    await expectNoSeriousA11yViolations(page);

    // The catalog in both themes.
    const shell = new ShellPage(page);
    const sizes = form.main.getByRole('radiogroup', { name: 'Sizes of U1 series' });
    for (const theme of ['light', 'dark'] as const) {
      await shell.setDarkTheme(theme === 'dark');
      await series.evaluate((g) => g.scrollIntoView({ block: 'start' }));
      await page.screenshot({
        path: `e2e/screenshots/create-instancetype-series-${theme}.png`,
        animations: 'disabled',
      });
      await sizes.evaluate((g) => g.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `e2e/screenshots/create-instancetype-sizes-${theme}.png`, animations: 'disabled' });
    }
    await shell.setDarkTheme(false);

    await form.create();
    await form.expectDetails(namespace, 'sized');
    const vm = (await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines/sized`)) as VmSpec;
    expect(vm.spec?.instancetype).toMatchObject({ kind: 'VirtualMachineClusterInstancetype', name: 'u1.small' });
    expect(vm.spec?.preference).toMatchObject({ kind: 'VirtualMachineClusterPreference', name: 'fedora' });
    expect(vm.spec?.template?.spec?.domain).not.toHaveProperty('cpu');
    expect(vm.spec?.template?.spec?.domain).not.toHaveProperty('memory');
    await waitForVmStatus(api, namespace, 'sized', 'Running', 120_000);

    // The list's optional columns: off by default, chosen in the Columns select, kept across a reload.
    const list = new VmListPage(page);
    await list.goto(namespace);
    await expect(list.row(namespace, 'sized')).toBeVisible();
    await expect(list.columnHeader('Instance type')).toHaveCount(0);
    await list.setColumn('cpu', true);
    await list.setColumn('memory', true);
    await list.setColumn('instancetype', true);
    await expect(list.cell(namespace, 'sized', 'instancetype')).toHaveText('u1.small');
    await expect(list.cell(namespace, 'sized', 'cpu')).toHaveText('1 vCPU');
    await expect(list.cell(namespace, 'sized', 'memory')).toHaveText('2Gi');
    await page.reload();
    await expect(list.columnHeader('Memory')).toBeVisible();
    await expect(list.cell(namespace, 'sized', 'instancetype')).toHaveText('u1.small');
    await list.setColumn('memory', false);
    await expect(list.columnHeader('Memory')).toHaveCount(0);
    await expect(list.columnHeader('CPU')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
