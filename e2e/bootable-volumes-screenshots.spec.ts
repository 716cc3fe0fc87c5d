import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED, expect, skipOnRealStack, test, UPLOADS_NEED_EMBEDDED } from './fixtures/index.js';
import { BootableVolumesPage } from './pages/bootable-volumes.js';
import { CreateVmPage } from './pages/create-vm.js';
import { ShellPage } from './pages/shell.js';

const MIB = 1024 * 1024;
const setTheme = (on: boolean) => document.documentElement.classList.toggle('pf-v6-theme-dark', on);

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-upload-shots-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.describe('bootable volumes at 1280x800 in both themes', { tag: EMBEDDED }, () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the upload dialog shows its progress; Cancel stops it and offers to delete the DataVolume', async ({
    page,
    api,
    namespace,
  }) => {
    skipOnRealStack(UPLOADS_NEED_EMBEDDED);
    test.setTimeout(90_000);
    // A raw disk of 24 MiB, sent at 512 KiB/s (Chromium's network emulation): time to see it move.
    const file = join(dir, 'raw-disk.img');
    writeFileSync(file, Buffer.alloc(24 * MIB));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: MIB / 2,
    });
    const volumes = new BootableVolumesPage(page);
    await volumes.goto(namespace);
    await volumes.openAdd();
    await volumes.pickFile(file);
    await expect(volumes.fileHelp()).toContainText('raw disk image, 24.0 MiB');
    await volumes
      .select('Operating system (preference)')
      .selectOption({ index: 1 })
      .catch(() => undefined);
    await page.evaluate(setTheme, false);
    await page.screenshot({ path: 'e2e/screenshots/upload-dialog-form-light.png', animations: 'disabled' });
    await volumes.submit('Upload');
    const bar = volumes.progressBar();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThan(10);
    await expect(volumes.dialog.locator('#upload-numbers')).toContainText(/iB\/s/);
    await expect(volumes.dialog.locator('#upload-numbers')).toContainText(/left/);
    await page.screenshot({ path: 'e2e/screenshots/upload-dialog-progress-light.png', animations: 'disabled' });
    await page.evaluate(setTheme, true);
    await page.screenshot({ path: 'e2e/screenshots/upload-dialog-progress-dark.png', animations: 'disabled' });
    await page.evaluate(setTheme, false);

    // Reloading mid-upload asks first (beforeunload); staying keeps the upload going.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.evaluate(() => setTimeout(() => location.reload(), 0));
    expect(await asked).toBe('beforeunload');
    await expect(bar).toBeVisible();
    await volumes.dialog.getByRole('button', { name: 'Cancel upload' }).click();
    await expect(volumes.result()).toContainText('Upload cancelled');
    const dvUrl = `/apis/cdi.kubevirt.io/v1beta1/namespaces/${namespace}/datavolumes/raw-disk`;
    expect(((await api.get(dvUrl)) as { status?: { phase?: string } }).status?.phase).toBe('UploadReady');
    await volumes.dialog.getByRole('button', { name: 'Delete the DataVolume' }).click();
    await expect(volumes.result()).toContainText('The DataVolume is deleted');
    await expect
      .poll(async () =>
        api.get(dvUrl).then(
          () => 'exists',
          () => 'gone',
        ),
      )
      .toBe('gone');
  });

  test('the bootable volumes page and the create form with a bootable volume chosen', async ({
    page,
    api,
    namespace,
  }) => {
    await api.create(`/apis/cdi.kubevirt.io/v1beta1/namespaces/${namespace}/datasources`, {
      apiVersion: 'cdi.kubevirt.io/v1beta1',
      kind: 'DataSource',
      metadata: { name: 'golden', namespace, labels: { 'instancetype.kubevirt.io/default-preference': 'fedora' } },
      spec: { source: { pvc: { name: 'golden', namespace } } },
    });
    const volumes = new BootableVolumesPage(page);
    await volumes.goto(namespace);
    await expect(volumes.row(namespace, 'golden')).toBeVisible();
    const shell = new ShellPage(page);
    for (const dark of [false, true]) {
      await shell.setDarkTheme(dark);
      await page.screenshot({
        path: `e2e/screenshots/bootable-volumes-${dark ? 'dark' : 'light'}.png`,
        animations: 'disabled',
      });
    }
    await shell.setDarkTheme(false);
    const form = new CreateVmPage(page);
    await form.goto(namespace);
    await form.fillName('from-golden');
    await form.chooseBootSource('Bootable volume');
    await form.select('Bootable volume').selectOption({ value: `${namespace}/golden` });
    await expect(form.preview).toContainText('kind: DataSource');
    await expect(form.field('Disk size')).toHaveValue('');
    await form.select('Bootable volume').scrollIntoViewIfNeeded();
    // dataVolumeTemplates (with the sourceRef) end the VM's YAML: the preview is scrolled to its end.
    await page
      .locator('#create-vm-yaml-preview .kv-create-preview__code')
      .evaluate((el) => el.scrollTo(0, el.scrollHeight));
    for (const dark of [false, true]) {
      await shell.setDarkTheme(dark);
      await page.screenshot({
        path: `e2e/screenshots/create-vm-bootable-volume-${dark ? 'dark' : 'light'}.png`,
        animations: 'disabled',
      });
    }
  });
});
