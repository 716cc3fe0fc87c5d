import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  E2E_VIEWER_TOKEN,
  EMBEDDED,
  expect,
  expectNoSeriousA11yViolations,
  skipOnRealStack,
  test,
  UPLOADS_NEED_EMBEDDED,
  type KubeApi,
} from './fixtures/index.js';
import { hasQemuImg, makeQcow2, qcow2WithUnknownFeature } from './disk-images.js';
import { BootableVolumesPage } from './pages/bootable-volumes.js';
import { CreateVmPage } from './pages/create-vm.js';

const MIB = 1024 * 1024;
const cdi = (ns: string, plural: string, name = '') =>
  `/apis/cdi.kubevirt.io/v1beta1/namespaces/${ns}/${plural}${name ? `/${name}` : ''}`;

interface Phased {
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

const dvPhase = (api: KubeApi, ns: string, name: string) => async () =>
  ((await api.get(cdi(ns, 'datavolumes', name)).catch(() => undefined)) as Phased | undefined)?.status?.phase;

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-upload-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.describe('bootable volumes: upload a disk image and boot a VM from it', () => {
  test(
    'a qcow2 made here is read in the browser, uploaded to CDI and listed as a bootable volume',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      skipOnRealStack(UPLOADS_NEED_EMBEDDED);
      test.setTimeout(90_000);
      const file = join(dir, 'tiny-disk.qcow2');
      makeQcow2(file, 64 * MIB);
      const volumes = new BootableVolumesPage(page);
      await volumes.goto(namespace);
      await volumes.openAdd();
      await volumes.pickFile(file);
      // Read from the qcow2 header in the browser: the format and the virtual size, the size rounded up.
      await expect(volumes.fileHelp()).toContainText('qcow2 (version 3), virtual size 64.0 MiB');
      await expect(volumes.field('Name')).toHaveValue('tiny-disk');
      await expect(volumes.field('Size')).toHaveValue('1');
      await expectNoSeriousA11yViolations(page);
      await volumes.submit('Upload');
      await expect(volumes.result()).toContainText('Upload complete', { timeout: 60_000 });
      expect(await dvPhase(api, namespace, 'tiny-disk')()).toBe('Succeeded');
      const dv = (await api.get(cdi(namespace, 'datavolumes', 'tiny-disk'))) as { spec?: Record<string, unknown> };
      expect(dv.spec?.source).toEqual({ upload: {} });
      const ds = (await api.get(cdi(namespace, 'datasources', 'tiny-disk'))) as { spec?: Record<string, unknown> };
      expect(ds.spec?.source).toEqual({ pvc: { name: 'tiny-disk', namespace } });
      await volumes.dialog.getByRole('button', { name: 'Done' }).click();
      await expect(volumes.row(namespace, 'tiny-disk')).toContainText('Upload');
    },
  );

  test('a file that is not a disk image is refused before any byte is sent', async ({ page, api, namespace }) => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '#cloud-config\nuser: fedora\npassword: not-a-disk\n');
    const png = join(dir, 'picture.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/cdi-upload/') || (r.method() === 'POST' && r.url().includes('/datavolumes')))
        uploads.push(r.url());
    });
    const volumes = new BootableVolumesPage(page);
    await volumes.goto(namespace);
    await volumes.openAdd();
    await volumes.pickFile(text);
    await expect(volumes.fileHelp()).toHaveText(/This file is text, not a disk image/);
    await volumes.pickFile(png);
    await expect(volumes.fileHelp()).toHaveText(/This file is a PNG picture, not a disk image/);
    await volumes.field('Name').fill('refused');
    await volumes.submit('Upload');
    await expect(volumes.dialog.getByRole('heading', { name: 'Add bootable volume' })).toBeVisible();
    expect(uploads).toEqual([]);
    const list = (await api.get(cdi(namespace, 'datavolumes'))) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  test("CDI's own refusal of an image is shown, with no retry", { tag: EMBEDDED }, async ({ page, namespace }) => {
    skipOnRealStack(UPLOADS_NEED_EMBEDDED);
    test.skip(!hasQemuImg(), 'the embedded CDI checks images with qemu-img only where it is installed');
    const file = join(dir, 'odd-feature.qcow2');
    qcow2WithUnknownFeature(file, 64 * MIB);
    const volumes = new BootableVolumesPage(page);
    await volumes.goto(namespace);
    await volumes.openAdd();
    await volumes.pickFile(file);
    await expect(volumes.fileHelp()).toContainText('qcow2 (version 3)');
    await volumes.submit('Upload');
    await expect(volumes.result()).toContainText('Upload failed');
    await expect(volumes.result()).toContainText('CDI refused the image:');
    await expect(volumes.result()).toContainText(/feature/i);
    await expect(volumes.dialog.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(volumes.dialog.getByRole('button', { name: 'Delete the DataVolume' })).toBeVisible();
  });

  test('Import from a URL creates the DataVolume and the DataSource, the row says where it comes from, and Delete removes both', async ({
    page,
    api,
    namespace,
  }) => {
    const url = 'https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img';
    const volumes = new BootableVolumesPage(page);
    await volumes.goto(namespace);
    await volumes.openAdd();
    await volumes.dialog.getByRole('radio', { name: 'Import from a URL' }).check();
    await volumes.field('Image URL').fill(url);
    await volumes.field('Name').fill('cirros');
    await volumes.field('Size').fill('2');
    await volumes.submit('Import');
    await expect(volumes.dialog).toBeHidden();
    await expect(volumes.row(namespace, 'cirros')).toContainText(`URL ${url}`);
    const dv = (await api.get(cdi(namespace, 'datavolumes', 'cirros'))) as { spec?: Record<string, unknown> };
    expect(dv.spec?.source).toEqual({ http: { url } });
    expect(dv.spec?.storage).toEqual({ resources: { requests: { storage: '2Gi' } } });
    const ds = (await api.get(cdi(namespace, 'datasources', 'cirros'))) as { spec?: Record<string, unknown> };
    expect(ds.spec?.source).toEqual({ pvc: { name: 'cirros', namespace } });
    await expect(volumes.row(namespace, 'cirros')).toContainText('2Gi');

    // Delete takes the DataSource and (by default) the DataVolume that filled its PVC.
    await volumes.row(namespace, 'cirros').getByRole('button', { name: 'Delete cirros' }).click();
    await expect(volumes.dialog.getByRole('checkbox', { name: 'Delete owned DataVolumes' })).toBeChecked();
    await volumes.dialog.getByRole('textbox', { name: 'Type cirros to confirm' }).fill('cirros');
    await volumes.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(volumes.row(namespace, 'cirros')).toBeHidden();
    await expect
      .poll(async () =>
        api.get(cdi(namespace, 'datavolumes', 'cirros')).then(
          () => 'exists',
          () => 'gone',
        ),
      )
      .toBe('gone');
  });

  test(
    'a dropped connection fails with a clear message, and Retry sends the file again',
    { tag: EMBEDDED },
    async ({ page, api, namespace }) => {
      skipOnRealStack(UPLOADS_NEED_EMBEDDED);
      const file = join(dir, 'retry-disk.qcow2');
      makeQcow2(file, 32 * MIB);
      // The first upload request dies on the way (as a proxy or a lost network would cut it).
      let cut = 0;
      await page.route('**/api/cdi-upload/**', async (route) => {
        if (cut++ === 0) await route.abort('connectionreset');
        else await route.continue();
      });
      const volumes = new BootableVolumesPage(page);
      await volumes.goto(namespace);
      await volumes.openAdd();
      await volumes.pickFile(file);
      await expect(volumes.fileHelp()).toContainText('qcow2');
      await volumes.submit('Upload');
      await expect(volumes.result()).toContainText('The connection dropped');
      await expect(volumes.result()).toContainText('retry sends the file again');
      expect(await dvPhase(api, namespace, 'retry-disk')()).toBe('UploadReady');
      await volumes.dialog.getByRole('button', { name: 'Retry' }).click();
      await expect(volumes.result()).toContainText('Upload complete', { timeout: 60_000 });
      expect(cut).toBe(2);
      expect(await dvPhase(api, namespace, 'retry-disk')()).toBe('Succeeded');
    },
  );
});

test.describe('a viewer on the bootable volumes page', { tag: EMBEDDED }, () => {
  test.use({ extraHTTPHeaders: { authorization: `Bearer ${E2E_VIEWER_TOKEN}` } });

  test('sees the volumes, Add volume and Delete disabled with the reason, and that CDI would not clone one for them', async ({
    page,
    api,
    namespace,
  }) => {
    await api.create(cdi(namespace, 'datasources'), {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataSource',
      metadata: { name: 'golden', namespace },
      spec: { source: { pvc: { name: 'golden', namespace } } },
    });
    const volumes = new BootableVolumesPage(page);
    await volumes.goto(namespace);
    await expect(volumes.row(namespace, 'golden')).toBeVisible();
    await expect(volumes.addButton).toHaveAttribute('aria-disabled', 'true');
    await expect(volumes.addButton).toHaveAccessibleDescription(
      new RegExp(`^You are not allowed to create DataVolumes in namespace ${namespace}`),
    );
    const del = volumes.row(namespace, 'golden').getByRole('button', { name: 'Delete golden' });
    await expect(del).toHaveAttribute('aria-disabled', 'true');
    await expect(del).toHaveAccessibleDescription(
      new RegExp(`^You are not allowed to delete DataSources in namespace ${namespace}`),
    );
    await del.click({ force: true });
    await expect(volumes.dialog).toBeHidden();

    // The create form warns that CDI would not clone from there for this user (datavolumes/source).
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.chooseBootSource('Bootable volume');
    await form.select('Bootable volume').selectOption({ value: `${namespace}/golden` });
    await expect(form.select('Bootable volume')).toHaveAccessibleDescription(
      new RegExp(`^CDI will not clone it: you may not clone volumes from namespace ${namespace}`),
    );
  });
});
