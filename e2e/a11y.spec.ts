import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test, type KubeApi } from './fixtures/index.js';
import { ClusterPage } from './pages/cluster.js';
import { ConsolePage } from './pages/console.js';
import { CreateVmPage } from './pages/create-vm.js';
import { ExposeDialog } from './pages/expose-dialog.js';
import { ImportYamlPage } from './pages/import-yaml.js';
import { NotFoundPage } from './pages/not-found.js';
import { OverviewPage } from './pages/overview.js';
import { ServicesPage } from './pages/services.js';
import { VM_DETAILS_TABS, VmDetailsPage } from './pages/vm-details.js';
import { VmListPage } from './pages/vm-list.js';
import { VmiListPage } from './pages/vmi-list.js';
import { createCirros, waitForVmStatus } from './vm-manifests.js';

// axe-core on every page of the console (the routes of src/app/router.tsx) and on its dialogs
// and menus, in the light and the dark theme (the console follows the system's preference).
// Each page is a step; violations are collected (soft) so one run lists every page's.

const VM = 'a11y-vm';
const SERVICE = `${VM}-ssh`;

interface Ctx {
  page: Page;
  api: KubeApi;
  namespace: string;
}

/** A running VM with a Service, so lists, details, consoles and services have something to show. */
async function setUp({ api, namespace }: Ctx): Promise<void> {
  await createCirros(api, namespace, VM, { runStrategy: 'Always' });
  await api.create(`/api/v1/namespaces/${namespace}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: SERVICE, namespace },
    spec: { selector: { 'vm.kubevirt.io/name': VM }, ports: [{ name: 'ssh', port: 22, targetPort: 22 }] },
  });
  await waitForVmStatus(api, namespace, VM, 'Running');
}

async function check(page: Page, label: string, open: () => Promise<void>): Promise<void> {
  await test.step(label, async () => {
    await open();
    await expectNoSeriousA11yViolations(page, { soft: true, label });
  });
}

const GROUPS: Record<string, (ctx: Ctx) => Promise<void>> = {
  'lists, cluster and their dialogs': async ({ page, namespace }) => {
    const overview = new OverviewPage(page);
    await check(page, 'Overview, all namespaces', () => overview.goto());
    await check(page, 'Overview of a namespace', async () => {
      await overview.goto(namespace);
      await expect(overview.statusCount('Running')).toHaveText('1');
    });
    const list = new VmListPage(page);
    await check(page, 'Virtual machines', async () => {
      await list.goto(namespace);
      await expect(list.status(namespace, VM)).toHaveText('Running');
    });
    const actions = list.actions(namespace, VM);
    await check(page, 'VM actions menu', () => actions.open());
    await check(page, 'Delete virtual machine dialog', async () => {
      await actions.run('Delete');
      await expect(list.deleteDialog().dialog).toBeVisible();
    });
    await list.deleteDialog().cancel();
    await check(page, 'Bulk actions menu', async () => {
      await list.selectRow(namespace, VM);
      await list.openBulkActions();
    });
    await check(page, 'Bulk delete dialog', async () => {
      await list.bulkItem('Delete').click();
      await expect(list.bulkDeleteDialog().dialog).toBeVisible();
    });
    await list.bulkDeleteDialog().cancel();
    const vmis = new VmiListPage(page);
    await check(page, 'VirtualMachine instances', async () => {
      await vmis.goto(namespace);
      await expect(vmis.cell(namespace, VM, 'phase')).toHaveText('Running');
    });
    const services = new ServicesPage(page);
    await check(page, 'Services, with access hints', async () => {
      await services.goto(namespace);
      await services.showAccess(namespace, SERVICE);
    });
    await check(page, 'Delete service dialog', () =>
      services.openDeleteService(namespace, SERVICE).then(() => undefined),
    );
    await check(page, 'Migrations', async () => {
      await page.goto(`/k8s/ns/${namespace}/migrations`);
      await expect(page.getByRole('heading', { level: 1, name: 'Migrations' })).toBeVisible();
    });
    await check(page, 'Cluster', () => new ClusterPage(page).goto());
    await check(page, 'Page not found', () => new NotFoundPage(page).goto('/no/such/page'));
  },

  'VM details tabs': async ({ page, namespace }) => {
    const details = new VmDetailsPage(page, namespace, VM);
    for (const tab of VM_DETAILS_TABS) {
      await check(page, `VM details: ${tab}`, async () => {
        await details.goto(tab);
        await expect(details.tab(tab)).toHaveAttribute('aria-selected', 'true');
        if (tab === 'Overview') await expect(details.status).toHaveText('Running');
        if (tab === 'Services') await expect(details.serviceRow(SERVICE)).toBeVisible();
        if (tab === 'Console') await new ConsolePage(page).expectConnected('vnc');
        if (tab === 'YAML') await expect(details.visibleYaml()).toContainText(`name: ${VM}`);
      });
    }
  },

  forms: async ({ page, namespace }) => {
    const form = new CreateVmPage(page);
    await check(page, 'Create VirtualMachine', () => form.goto(namespace));
    await check(page, 'Create VirtualMachine: YAML', () => form.editYaml());
    await check(page, 'Create VirtualMachineInstance', async () => {
      await form.backToForm();
      await form.chooseKind('VirtualMachineInstance');
      await expect(form.preview).toContainText('kind: VirtualMachineInstance');
    });
    const importPage = new ImportYamlPage(page);
    await check(page, 'Import YAML', () => importPage.goto(namespace));
    await check(page, 'Import YAML: results', async () => {
      await importPage.loadSample();
      await importPage.create();
      await expect(importPage.resultRows()).toHaveCount(2);
    });
    await check(page, 'Expose', () => new ExposeDialog(page).goto(namespace, VM));
  },

  consoles: async ({ page, namespace }) => {
    const console = new ConsolePage(page);
    await check(page, 'Standalone VNC console', async () => {
      await console.openStandalone(namespace, VM, 'vnc');
      await console.expectConnected('vnc');
    });
    await check(page, 'Send key menu', () => console.openSendKeys().then(() => undefined));
    await page.keyboard.press('Escape');
    await check(page, 'Paste dialog', () => console.openPaste('echo hello').then(() => undefined));
    await check(page, 'Standalone serial console', async () => {
      await console.openStandalone(namespace, VM, 'serial');
      await console.expectConnected('serial');
    });
    await check(page, 'Standalone console of a VMI', async () => {
      await console.openStandalone(namespace, VM, 'vnc', 'virtualmachineinstances');
      await console.expectConnected('vnc');
    });
  },
};

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const [group, run] of Object.entries(GROUPS)) {
      test(group, async ({ page, api, namespace }) => {
        await setUp({ page, api, namespace });
        await run({ page, api, namespace });
        if (colorScheme === 'dark') await expect(page.locator('html')).toHaveClass(/pf-v6-theme-dark/);
      });
    }
  });
}
