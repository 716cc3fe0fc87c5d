import { EMBEDDED, expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { ShellPage } from './pages/shell.js';
import { VmiListPage } from './pages/vmi-list.js';
import { createCirros, example, vmisPath, withContainerDiskImage } from './vm-manifests.js';

const vmiEphemeral = withContainerDiskImage(example<{ metadata: { name: string; namespace?: string } }>('vmi-ephemeral.yaml'));

test.describe('VirtualMachine instances list', () => {
  test('lists VMIs with and without a VM, with phase, node, IP and owner, live', async ({ page, api, namespace }) => {
    const standalone = { ...vmiEphemeral, metadata: { ...vmiEphemeral.metadata, namespace } };
    await api.create(vmisPath(namespace), standalone);
    const list = new VmiListPage(page);
    await list.goto(namespace);
    const name = vmiEphemeral.metadata.name;
    await expect(list.cell(namespace, name, 'phase')).toHaveText('Running');
    await expect(list.cell(namespace, name, 'node')).toHaveText(/^node\d+$/);
    await expect(list.cell(namespace, name, 'ip')).toHaveText(/^\d+\.\d+\.\d+\.\d+/);
    await expect(list.cell(namespace, name, 'owner')).toHaveText('None');

    // A VM started now brings its VMI, owned by the VM, without a reload.
    await createCirros(api, namespace, 'owned', { runStrategy: 'Always' });
    await expect(list.cell(namespace, 'owned', 'phase')).toHaveText('Running');
    await expect(list.ownerLink(namespace, 'owned')).toHaveAttribute('href', `/k8s/ns/${namespace}/virtualmachines/owned`);
    await expectNoSeriousA11yViolations(page);
  });

  // @embedded: the seed data.
  test('screenshots of the seeded VMIs, light and dark', { tag: EMBEDDED }, async ({ page }) => {
    const shell = new ShellPage(page);
    const list = new VmiListPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await list.goto();
    await expect(list.cell('demo', 'fedora-web', 'phase')).toHaveText('Running');
    await shell.setDarkTheme(false);
    await page.screenshot({ path: 'e2e/screenshots/vmi-list-light.png', animations: 'disabled' });
    await shell.setDarkTheme(true);
    await page.screenshot({ path: 'e2e/screenshots/vmi-list-dark.png', animations: 'disabled' });
    await shell.setDarkTheme(false);
  });
});
