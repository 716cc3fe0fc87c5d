import { expect, expectNoSeriousA11yViolations, test } from './fixtures/index.js';
import { ImportYamlPage } from './pages/import-yaml.js';
import { ShellPage } from './pages/shell.js';

const VM_AND_SERVICE = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: pasted-vm
  labels:
    app: pasted
spec:
  runStrategy: Halted
  template:
    metadata:
      labels:
        app: pasted
    spec:
      domain:
        devices:
          disks:
            - name: rootdisk
              disk:
                bus: virtio
        memory:
          guest: 128Mi
      volumes:
        - name: rootdisk
          containerDisk:
            image: quay.io/kubevirt/cirros-container-disk-demo:v1.6.2
---
apiVersion: v1
kind: Service
metadata:
  name: pasted-ssh
spec:
  selector:
    app: pasted
  ports:
    - port: 22
      targetPort: 22
`;

test.describe('import YAML', () => {
  test('pasted YAML with a VM and a Service creates both, in order, with a result each', async ({
    page,
    api,
    namespace,
  }) => {
    const importPage = new ImportYamlPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await importPage.goto(namespace);
    await importPage.paste(VM_AND_SERVICE);
    await importPage.create();
    await expect(importPage.resultRows()).toHaveCount(2);
    await expect(importPage.resultRow(1)).toContainText('Created');
    await expect(importPage.resultRow(1)).toContainText(`VirtualMachine ${namespace}/pasted-vm`);
    await expect(importPage.resultRow(2)).toContainText('Created');
    await expect(importPage.resultRow(2)).toContainText(`Service ${namespace}/pasted-ssh`);
    await expect(importPage.summary).toContainText('2 of 2 objects created.');
    await expect
      .poll(
        async () =>
          (
            (await api.get(`/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines/pasted-vm`)).status as
              { printableStatus?: string } | undefined
          )?.printableStatus,
      )
      .toBe('Stopped');
    const svc = await api.get(`/api/v1/namespaces/${namespace}/services/pasted-ssh`);
    expect((svc.spec as { selector?: Record<string, string> }).selector).toEqual({ app: 'pasted' });
    await expectNoSeriousA11yViolations(page);
    await importPage.results.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/import-yaml-light.png', animations: 'disabled' });
    const shell = new ShellPage(page);
    await shell.setDarkTheme(true);
    await page.screenshot({ path: 'e2e/screenshots/import-yaml-dark.png', animations: 'disabled' });
    await shell.setDarkTheme(false);

    // Again: both exist now, and each row says so with the server's message.
    await importPage.create();
    await expect(importPage.resultRow(1)).toContainText('virtualmachines.kubevirt.io "pasted-vm" already exists');
    await expect(importPage.resultRow(2)).toContainText('services "pasted-ssh" already exists');
  });

  test('an uploaded file is created object by object; a kind the cluster does not serve fails alone', async ({
    page,
    api,
    namespace,
  }) => {
    const importPage = new ImportYamlPage(page);
    await importPage.goto(namespace);
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: first}
data: {a: "1"}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
---
apiVersion: cdi.kubevirt.io/v1beta1
kind: DataVolume
metadata: {name: blank-dv}
spec:
  source: {blank: {}}
  storage:
    resources: {requests: {storage: 1Gi}}
`;
    await importPage.upload('objects.yaml', text);
    await expect(importPage.editor).toContainText('kind: Widget');
    await importPage.create();
    await expect(importPage.resultRows()).toHaveCount(3);
    await expect(importPage.resultRow(1)).toContainText('Created');
    await expect(importPage.resultRow(2)).toContainText('no matches for kind "Widget" in version "example.com/v1"');
    await expect(importPage.resultRow(3)).toContainText('Created');
    await expect(importPage.resultRow(3)).toContainText(`DataVolume ${namespace}/blank-dv`);
    const dv = await api.get(`/apis/cdi.kubevirt.io/v1beta1/namespaces/${namespace}/datavolumes/blank-dv`);
    expect(dv.metadata?.name).toBe('blank-dv');
  });

  test('the sample creates a VM and its Service', async ({ page, namespace }) => {
    const importPage = new ImportYamlPage(page);
    await importPage.goto(namespace);
    await importPage.loadSample();
    await importPage.create();
    await expect(importPage.resultRows()).toHaveCount(2);
    await expect(importPage.resultRow(1)).toContainText(`VirtualMachine ${namespace}/example-vm`);
    await expect(importPage.resultRow(2)).toContainText(`Service ${namespace}/example-vm-ssh`);
    await importPage.openResult(`VirtualMachine ${namespace}/example-vm`);
    await expect(page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines/example-vm`));
  });
});
