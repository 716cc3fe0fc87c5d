import { EMBEDDED, expect, test } from './fixtures/index.js';
import { ShellPage } from './pages/shell.js';
import { VM_DETAILS_TABS, VmDetailsPage, type VmDetailsTabName } from './pages/vm-details.js';
import { example, vmsPath } from './vm-manifests.js';

interface DataVolumeVm {
  metadata: { name: string; namespace?: string };
  spec: {
    dataVolumeTemplates: Array<{
      metadata: { name: string };
      spec: { pvc: { resources: { requests: { storage: string } } } };
    }>;
    template: { spec: { volumes: Array<{ dataVolume: { name: string } }> } };
  };
}

const slug = (tab: VmDetailsTabName) => tab.toLowerCase().replace(/\s+/g, '-');

// Screenshots of every tab in both themes, to look at (e2e/screenshots/ is not committed).
// @embedded: a seeded VM (demo/fedora-web).
test(
  'VM details tabs in light and dark themes',
  { tag: ['@screenshots', EMBEDDED] },
  async ({ page, api, namespace }) => {
    test.setTimeout(120_000);
    const shell = new ShellPage(page);
    // A seeded running VM with a Service and IPs; for Disks, a VM importing a large DataVolume.
    const running = new VmDetailsPage(page, 'demo', 'fedora-web');

    for (const dark of [false, true]) {
      const theme = dark ? 'dark' : 'light';
      await running.goto();
      await shell.setDarkTheme(dark);
      for (const tab of VM_DETAILS_TABS) {
        let details = running;
        if (tab === 'Disks') {
          const manifest = example<DataVolumeVm>('vm-alpine-datavolume.yaml');
          manifest.metadata = { ...manifest.metadata, name: `importing-${theme}`, namespace };
          manifest.spec.dataVolumeTemplates[0].spec.pvc.resources.requests.storage = '200Gi';
          manifest.spec.dataVolumeTemplates[0].metadata.name = `alpine-dv-${theme}`;
          manifest.spec.template.spec.volumes[0].dataVolume.name = `alpine-dv-${theme}`;
          await api.create(vmsPath(namespace), manifest);
          details = new VmDetailsPage(page, namespace, manifest.metadata.name);
          await details.goto('Disks');
          await expect(page.getByText('ImportInProgress')).toBeVisible();
        } else if (page.url().includes('/disks')) await running.goto(tab);
        else await running.openTab(tab);
        if (tab === 'YAML') {
          await expect(page.locator(dark ? '.monaco-editor.vs-dark' : '.monaco-editor.vs')).toBeVisible();
        }
        if (tab === 'Disks') await expect(details.importProgress(`alpine-dv-${theme}`)).toBeVisible();
        if (tab === 'Events') await expect(details.eventsTable).toBeVisible();
        await page.screenshot({ path: `e2e/screenshots/vm-details-${slug(tab)}-${theme}.png`, animations: 'disabled' });
      }
    }
    await shell.setDarkTheme(false);
  },
);
