import { parse } from 'yaml';
import { EMBEDDED, expect, expectNoSeriousA11yViolations, test, type KubeApi } from './fixtures/index.js';
import { ConsolePage } from './pages/console.js';
import { VmDetailsPage } from './pages/vm-details.js';
import { CreateVmPage } from './pages/create-vm.js';
import { ShellPage } from './pages/shell.js';

const vmPath = (ns: string, name = '') =>
  `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines${name ? `/${name}` : ''}`;

interface VmLike {
  spec?: {
    runStrategy?: string;
    dataVolumeTemplates?: Array<{ metadata?: { name?: string }; spec?: { source?: Record<string, unknown> } }>;
    template?: { spec?: { volumes?: Array<{ name: string; cloudInitNoCloud?: { userData?: string } }> } };
  };
  status?: { printableStatus?: string };
}

const getVm = async (api: KubeApi, ns: string, name: string) => (await api.get(vmPath(ns, name))) as VmLike;
const printable = (api: KubeApi, ns: string, name: string) => async () =>
  (await getVm(api, ns, name).catch(() => undefined))?.status?.printableStatus;

test.describe('create a VM from the form', () => {
  // @embedded: logs in on the simulated guest's serial console.
  test(
    'a Fedora VM from a container disk with cloud-init user and password starts, and that user logs in on the serial console',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      const form = new CreateVmPage(page);
      await page.emulateMedia({ colorScheme: 'light' });
      await form.goto(namespace);
      await form.fillName('fedora-dev');
      await form.chooseOs('Fedora');
      await expect(form.main.getByRole('term').filter({ hasText: 'Disk bus' })).toBeVisible();
      await form.setCloudInitUser('fedora', 'changeme');
      await form.setStartAfterCreate(true);
      await expect(form.preview).toContainText('name: fedora-dev');
      await expect(form.preview).toContainText('password: changeme');
      await expect(form.preview).toContainText('runStrategy: Always');
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: 'e2e/screenshots/create-vm-filled-light.png', animations: 'disabled' });
      const shell = new ShellPage(page);
      await shell.setDarkTheme(true);
      await page.screenshot({ path: 'e2e/screenshots/create-vm-filled-dark.png', animations: 'disabled' });
      await shell.setDarkTheme(false);

      await form.create();
      await form.expectDetails(namespace, 'fedora-dev');
      const vm = await getVm(api, namespace, 'fedora-dev');
      expect(vm.spec?.runStrategy).toBe('Always');
      const cloudInit =
        vm.spec?.template?.spec?.volumes?.find((v) => v.cloudInitNoCloud)?.cloudInitNoCloud?.userData ?? '';
      expect(parse(cloudInit)).toMatchObject({ user: 'fedora', password: 'changeme' });
      await expect.poll(printable(api, namespace, 'fedora-dev'), { timeout: 30_000 }).toBe('Running');
      await expect(page.getByRole('main')).toContainText('Running');

      // The cloud-init user and password log in on the serial console.
      const serial = new ConsolePage(page);
      await serial.openTab(namespace, 'fedora-dev', 'serial');
      await serial.expectConnected('serial');
      await serial.logInOnSerial({
        host: 'fedora-dev',
        user: 'fedora',
        password: 'changeme',
        prompt: /\[fedora@fedora-dev ~\]\$/,
        loginTimeout: 45_000,
      });
    },
  );

  test('a VM that imports from a URL gets a DataVolume and reaches Running', async ({ page, api, namespace }) => {
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.fillName('from-url');
    await form.chooseOs('CirrOS');
    await form.chooseBootSource('Import from a URL');
    await form.fillImageUrl('https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img');
    await form.setDiskSize('1');
    await expect(form.preview).toContainText('dataVolumeTemplates:');
    await form.create();
    await form.expectDetails(namespace, 'from-url');
    const vm = await getVm(api, namespace, 'from-url');
    expect(vm.spec?.dataVolumeTemplates?.[0]?.metadata?.name).toBe('from-url-rootdisk');
    expect(vm.spec?.dataVolumeTemplates?.[0]?.spec?.source).toEqual({
      http: { url: 'https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img' },
    });
    const dv = await api.get(`/apis/cdi.kubevirt.io/v1beta1/namespaces/${namespace}/datavolumes/from-url-rootdisk`);
    expect(dv.metadata?.name).toBe('from-url-rootdisk');
    await expect.poll(printable(api, namespace, 'from-url'), { timeout: 45_000 }).toBe('Running');
  });

  test('a standalone VirtualMachineInstance starts from a container disk', async ({ page, api, namespace }) => {
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.chooseKind('VirtualMachineInstance');
    await expect(form.main.getByRole('heading', { level: 1, name: 'Create VirtualMachineInstance' })).toBeVisible();
    await expect(form.main.getByRole('radio', { name: 'Import from a URL' })).toBeDisabled();
    await form.fillName('ephemeral');
    await form.chooseOs('CirrOS');
    await expect(form.preview).toContainText('kind: VirtualMachineInstance');
    await form.create();
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachineinstances$`));
    await expect
      .poll(
        async () =>
          (
            (await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachineinstances/ephemeral`)).status as
              { phase?: string } | undefined
          )?.phase,
        { timeout: 30_000 },
      )
      .toBe('Running');
  });

  test('"Edit YAML" opens the editor seeded with the preview, and creates what it holds', async ({
    page,
    api,
    namespace,
  }) => {
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.fillName('from-editor');
    await form.setStartAfterCreate(false);
    await form.editYaml();
    await expect(form.yamlEditor).toContainText('name: from-editor');
    await expect(form.yamlEditor).toContainText('runStrategy: Halted');
    await expectNoSeriousA11yViolations(page);
    await form.create();
    await form.expectDetails(namespace, 'from-editor');
    await expect.poll(printable(api, namespace, 'from-editor'), { timeout: 30_000 }).toBe('Stopped');
  });
});

test.describe('create form errors', () => {
  test('bad input is reported on its field as typed, and nothing is sent', async ({ page, api, namespace }) => {
    const form = new CreateVmPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await form.goto(namespace);
    await form.fillName('MyVM');
    await expect(form.name).toHaveAttribute('aria-invalid', 'true');
    await expect(form.name).toHaveAccessibleDescription(/lower case alphanumeric characters or '-'/);
    await form.setMemory('abc');
    await form.expectFieldError(form.memory, 'Memory must be a positive number, e.g. 2 or 1.5');
    await form.chooseBootSource('Import from a URL');
    await form.fillImageUrl('not a url');
    await expect(form.field('Image URL')).toHaveAccessibleDescription(/Enter a full URL/);
    await form.create();
    await expect(form.errorAlert).toContainText('Fix the highlighted fields');
    await expect(form.name).toBeFocused();
    await form.memory.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/create-vm-errors-light.png', animations: 'disabled' });
    const shell = new ShellPage(page);
    await shell.setDarkTheme(true);
    await page.screenshot({ path: 'e2e/screenshots/create-vm-errors-dark.png', animations: 'disabled' });
    await expectNoSeriousA11yViolations(page);
    await shell.setDarkTheme(false);
    const list = (await api.get(vmPath(namespace))) as { items: unknown[] };
    expect(list.items).toHaveLength(0);

    await form.fillName('my-vm');
    await expect(form.name).not.toHaveAttribute('aria-invalid', 'true');
  });

  test("a taken name gets the server's 409 on the name field and every field is kept", async ({
    page,
    api,
    namespace,
  }) => {
    await api.create(vmPath(namespace), {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'taken' },
      spec: { runStrategy: 'Halted', template: { spec: { domain: { devices: {}, memory: { guest: '128Mi' } } } } },
    });
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.fillName('taken');
    // The live list already knows the name.
    await form.expectFieldError(form.name, `A VirtualMachine named "taken" already exists in namespace ${namespace}`);
    await form.setLabels('app=web');
    await form.setMemory('3');
    await form.create();
    await form.expectFieldError(
      form.name,
      `A VirtualMachine named "taken" already exists in namespace ${namespace}: choose another name`,
    );
    await expect(form.errorAlert).toContainText('virtualmachines.kubevirt.io "taken" already exists');
    await expect(form.name).toHaveValue('taken');
    await expect(form.labels).toHaveValue('app=web');
    await expect(form.memory).toHaveValue('3');
  });

  test('a 422 from the server is put on the field it names', async ({ page, api, namespace }) => {
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.fillName('reserved-label');
    await form.setLabels('kubevirt.io/nodeName=node01');
    await form.create();
    await form.expectFieldError(
      form.labels,
      'creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited',
    );
    await expect(form.errorAlert).toContainText('The server did not accept VirtualMachine');
    await expect(form.name).toHaveValue('reserved-label');
    const list = (await api.get(vmPath(namespace))) as { items: unknown[] };
    expect(list.items).toHaveLength(0);

    // Fixing the field clears its error; the VM is created.
    await form.setLabels('app=web');
    await expect(form.labels).not.toHaveAttribute('aria-invalid', 'true');
    await form.create();
    await form.expectDetails(namespace, 'reserved-label');
  });

  test('what was typed survives leaving the page and coming back', async ({ page, namespace }) => {
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.fillName('kept');
    await form.chooseOs('Ubuntu');
    await form.setLabels('team=a');
    await form.setMemory('abc');
    const shell = new ShellPage(page);
    await shell.openSection('Services');
    await page.goBack();
    await expect(form.name).toHaveValue('kept');
    await expect(form.select('Operating system')).toHaveValue('ubuntu');
    await expect(form.labels).toHaveValue('team=a');
    await expect(form.memory).toHaveValue('abc');
    await expect(form.memory).toHaveAccessibleDescription(/positive number/);
  });

  // @embedded: the embedded cluster's fault injection (a `.invalid` host fails with its message).
  test(
    'an unreachable URL is accepted, and its import fails on the VM',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      const form = new CreateVmPage(page);
      await form.goto(namespace);
      await form.fillName('bad-url');
      await form.chooseBootSource('Import from a URL');
      await form.fillImageUrl('https://images.unreachable.invalid/disk.qcow2');
      await form.setDiskSize('1');
      await form.create();
      await form.expectDetails(namespace, 'bad-url');
      await expect
        .poll(
          async () => {
            const events = (await api.get(
              `/api/v1/namespaces/${namespace}/events?fieldSelector=involvedObject.name=bad-url-rootdisk`,
            )) as {
              items: Array<{ reason?: string; message?: string }>;
            };
            return events.items.find((e) => /no such host/.test(e.message ?? ''))?.message;
          },
          { timeout: 30_000 },
        )
        .toMatch(/no such host/);
      // The details page shows the failed import on the VM. (CDI puts the importer's message on the
      // PVC's ErrImportFailed event and the DataVolume's Running condition; the DataVolume's own
      // ImportFailed event names the PVC.)
      await expect.poll(printable(api, namespace, 'bad-url'), { timeout: 30_000 }).toBe('DataVolumeError');
      await expect(page.getByRole('main')).toContainText('DataVolumeError');
      await expect(page.getByRole('main')).toContainText('Failed to import into PVC bad-url-rootdisk');
      // The Disks tab gives the importer's own cause, from the DataVolume, next to its progress.
      const details = new VmDetailsPage(page, namespace, 'bad-url');
      await details.openTab('Disks');
      await expect(page.locator('[id="disk-rootdisk-progress"]')).toContainText('no such host');
    },
  );
});
