import type { Dialog } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { expect, expectNoSeriousA11yViolations, SMOKE, test, type KubeApi } from './fixtures/index.js';
import { VM_DETAILS_TABS, VmDetailsPage } from './pages/vm-details.js';
import { example, vmsPath, withContainerDiskImage } from './vm-manifests.js';

interface Manifest {
  metadata: { name: string; labels?: Record<string, string>; [k: string]: unknown };
  spec: Record<string, unknown> & {
    dataVolumeTemplates?: Array<{ spec: { pvc: { resources: { requests: { storage: string } } } } }>;
  };
}

/** A KubeVirt example (with E2E_VM_IMAGE as its container disk when set). */
const fixture = (file: string): Manifest => withContainerDiskImage(example<Manifest>(file));

/** The container disk image of a VM manifest. */
const containerDiskImage = (m: Manifest) =>
  (
    m.spec as { template: { spec: { volumes: Array<{ containerDisk?: { image: string } }> } } }
  ).template.spec.volumes.find((v) => v.containerDisk)?.containerDisk?.image;

async function createVm(api: KubeApi, namespace: string, manifest: Manifest): Promise<string> {
  await api.create(vmsPath(namespace), { ...manifest, metadata: { ...manifest.metadata, namespace } });
  return manifest.metadata.name;
}

/** The VM's YAML as the editor shows it, with one label added: what a person would paste. */
function withLabel(yamlText: string, key: string, value: string): string {
  const obj = parse(yamlText) as Manifest;
  obj.metadata.labels = { ...obj.metadata.labels, [key]: value };
  return stringify(obj);
}

// The YAML editor is driven through the clipboard (select all, copy / paste).
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.describe('VM details', () => {
  test('shows the VM with every tab in the URL', { tag: SMOKE }, async ({ page, api, namespace }) => {
    const manifest = fixture('vm-cirros.yaml');
    const name = await createVm(api, namespace, manifest);
    await api.create(`/api/v1/namespaces/${namespace}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'cirros-ssh', namespace },
      spec: { selector: { 'vm.kubevirt.io/name': name }, ports: [{ name: 'ssh', port: 22, targetPort: 22 }] },
    });
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto();
    await expect(details.status).toHaveText('Stopped');
    await expect(details.overviewField('run-strategy')).toHaveText('Halted');
    await expect(details.overviewField('memory')).toHaveText('128Mi');
    await expect(details.overviewField('labels')).toContainText('kubevirt.io/vm=vm-cirros');
    await expect(details.timeline.getByText('VirtualMachine created')).toBeVisible();
    await expect(details.actionButton('Start')).toBeEnabled();
    await expectNoSeriousA11yViolations(page);

    for (const tab of VM_DETAILS_TABS) await details.openTab(tab);

    await details.openTab('Disks');
    await expect(details.diskRow('containerdisk')).toContainText(containerDiskImage(manifest) ?? '');
    await expect(details.diskRow('cloudinitdisk')).toContainText('cloud-init (NoCloud)');
    await expectNoSeriousA11yViolations(page);
    await details.openTab('Network interfaces');
    await expect(details.emptyState('No network interfaces')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await details.openTab('Services');
    await expect(details.serviceRow('cirros-ssh')).toContainText('ssh: 22/TCP');
    await expectNoSeriousA11yViolations(page);
    await details.openTab('Events');
    await expect(details.eventsTable.or(details.emptyState('No events'))).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await details.openTab('Console');
    await expect(page.locator('#vm-tabpanel-console')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await details.openTab('YAML');
    await expect(details.visibleYaml()).toContainText(`name: ${name}`);
    await expectNoSeriousA11yViolations(page);

    // A link to a tab opens that tab.
    await details.goto('Services');
    await expect(details.tab('Services')).toHaveAttribute('aria-selected', 'true');
  });

  test('says when the VM does not exist, and when it is deleted while open', async ({ page, api, namespace }) => {
    const missing = new VmDetailsPage(page, namespace, 'no-such-vm');
    await page.goto(missing.path());
    await expect(missing.emptyState(`VirtualMachine no-such-vm not found in ${namespace}`)).toBeVisible();

    const name = await createVm(api, namespace, fixture('vm-cirros.yaml'));
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto();
    await api.delete(`${vmsPath(namespace)}/${name}`);
    await expect(details.emptyState(`VirtualMachine ${name} has been deleted`)).toBeVisible();
  });

  test('a YAML edit is saved and shows up', async ({ page, api, namespace }) => {
    const name = await createVm(api, namespace, fixture('vm-cirros.yaml'));
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto('YAML');
    await expect(details.saveButton).toBeDisabled();

    await details.replaceYaml(withLabel(await details.readYaml(), 'edited-in', 'console'));
    await expect(details.unsavedChanges).toBeVisible();
    await details.save();
    await expect(details.savedAlert).toBeVisible();
    await expect(details.unsavedChanges).toBeHidden();

    const stored = await api.get(`${vmsPath(namespace)}/${name}`);
    expect((stored.metadata as { labels?: Record<string, string> }).labels?.['edited-in']).toBe('console');
    await details.openTab('Overview');
    await expect(details.overviewField('labels')).toContainText('edited-in=console');
  });

  test('a YAML error from the server keeps the text and shows the causes', async ({ page, api, namespace }) => {
    const name = await createVm(api, namespace, fixture('vm-cirros.yaml'));
    const details = new VmDetailsPage(page, namespace, name);
    // Overview first, so that the browser's Back button has a page of the console to go to.
    await details.goto('Overview');
    await details.openTab('YAML');
    const obj = parse(await details.readYaml()) as Manifest;
    obj.spec.running = true; // with runStrategy: rejected by KubeVirt's webhook
    await details.replaceYaml(stringify(obj));
    await details.save();
    await expect(details.errorAlert).toContainText('mutually exclusive');
    await expect(details.unsavedChanges).toBeVisible();
    expect(await details.readYaml()).toContain('running: true');

    // Leaving with unsaved edits asks first.
    await details.tab('Events').click();
    const dialog = details.unsavedChangesDialog();
    await expect(dialog.dialog).toBeVisible();
    // The dialog only: the editor behind it has all its text selected (readYaml), which axe
    // would judge in Monaco's selection colours.
    await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' });
    await dialog.keepEditing();
    await expect(details.tab('YAML')).toHaveAttribute('aria-selected', 'true');
    expect(await details.readYaml()).toContain('running: true');
    // The Back button asks too, and staying keeps the page and its address.
    const yamlUrl = page.url();
    await page.goBack();
    await expect(dialog.dialog).toBeVisible();
    await dialog.keepEditing();
    await expect(page).toHaveURL(yamlUrl);
    await expect(details.tab('YAML')).toHaveAttribute('aria-selected', 'true');
    expect(await details.readYaml()).toContain('running: true');
    await details.tab('Events').click();
    await dialog.discard();
    await expect(details.tab('Events')).toHaveAttribute('aria-selected', 'true');
  });

  test('closing or reloading the window with unsaved YAML edits asks first', async ({ page, api, namespace }) => {
    const name = await createVm(api, namespace, fixture('vm-cirros.yaml'));
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto('YAML');
    await details.replaceYaml(withLabel(await details.readYaml(), 'unsaved', 'kept'));
    await expect(details.unsavedChanges).toBeVisible();
    const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    // Staying keeps the page and the edits.
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);
    expect(await details.readYaml()).toContain('unsaved: kept');
  });

  test.describe("a conflicting change keeps the user's text", () => {
    async function editThenConflict(details: VmDetailsPage, api: KubeApi, namespace: string, name: string) {
      await details.goto('YAML');
      await details.replaceYaml(withLabel(await details.readYaml(), 'mine', 'console-edit'));
      await expect(details.unsavedChanges).toBeVisible();
      await api.mergePatch(`${vmsPath(namespace)}/${name}`, { metadata: { labels: { theirs: 'api-edit' } } });
      await expect(details.changedAlert).toBeVisible();
      await details.save();
      await expect(details.conflictAlert).toBeVisible();
      expect(await details.readYaml()).toContain('mine: console-edit');
      await expect(details.unsavedChanges).toBeVisible();
    }

    test("Overwrite saves the user's version over the latest", async ({ page, api, namespace }) => {
      const name = await createVm(api, namespace, fixture('vm-cirros.yaml'));
      const details = new VmDetailsPage(page, namespace, name);
      await editThenConflict(details, api, namespace, name);
      await page.screenshot({ path: 'e2e/screenshots/vm-details-yaml-conflict-light.png', animations: 'disabled' });
      await expectNoSeriousA11yViolations(page, { include: '#yaml-conflict' });
      await details.overwriteAfterConflict();
      await expect(details.savedAlert).toBeVisible();
      const labels = ((await api.get(`${vmsPath(namespace)}/${name}`)).metadata as { labels: Record<string, string> })
        .labels;
      expect(labels.mine).toBe('console-edit');
      expect(labels.theirs).toBeUndefined();
    });

    test('Reload discards the edits and shows the latest', async ({ page, api, namespace }) => {
      const name = await createVm(api, namespace, fixture('vm-cirros.yaml'));
      const details = new VmDetailsPage(page, namespace, name);
      await editThenConflict(details, api, namespace, name);
      await details.reloadAfterConflict();
      await expect(details.conflictAlert).toBeHidden();
      await expect(details.unsavedChanges).toBeHidden();
      const text = await details.readYaml();
      expect(text).toContain('theirs: api-edit');
      expect(text).not.toContain('mine:');
    });
  });

  test('events show up live when the VM starts', async ({ page, api, namespace }) => {
    const name = await createVm(api, namespace, fixture('vm-cirros.yaml'));
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto('Events');
    await expect(details.emptyState('No events')).toBeVisible();
    await details.runAction('Start');
    await expect(details.eventRow('SuccessfulCreate', `VirtualMachine ${name}`)).toBeVisible();
    await expect(details.eventRow('Started', `VirtualMachineInstance ${name}`)).toBeVisible();
    await expect(details.eventRow('Scheduled').first()).toContainText(`virt-launcher-${name}-`);
    await expect(details.status).toHaveText('Running');
  });

  test("disks show a DataVolume's import progress", async ({ page, api, namespace }) => {
    const manifest = fixture('vm-alpine-datavolume.yaml');
    const name = await createVm(api, namespace, manifest);
    const details = new VmDetailsPage(page, namespace, name);
    await details.goto('Disks');
    await expect(details.diskRow('datavolumedisk1')).toContainText('alpine-dv');
    await expect(details.diskRow('datavolumedisk1')).toContainText('2Gi');
    const progress = details.importProgress('alpine-dv');
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect(details.diskRow('datavolumedisk1')).toContainText('Succeeded');
    await details.openTab('Events');
    await expect(details.eventRow('ImportSucceeded', 'DataVolume alpine-dv')).toBeVisible();
  });
});
