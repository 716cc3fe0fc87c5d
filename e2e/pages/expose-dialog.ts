import { expect, type Locator, type Page } from '@playwright/test';

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
export type ExposeField = 'name' | 'port' | 'target-port' | 'port-name' | 'route';

/** The Expose form of a VM (/k8s/ns/<ns>/virtualmachines/<vm>/expose) and the result it shows. */
export class ExposeDialog {
  readonly form: Locator;
  readonly name: Locator;
  readonly port: Locator;
  readonly targetPort: Locator;
  readonly portName: Locator;
  readonly protocol: Locator;
  readonly routeCheckbox: Locator;
  readonly submitButton: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Expose' });
    this.name = this.form.getByRole('textbox', { name: 'Service name' });
    this.port = this.form.getByRole('spinbutton', { name: 'Port', exact: true });
    this.targetPort = this.form.getByRole('spinbutton', { name: 'Target port' });
    this.portName = this.form.getByRole('textbox', { name: 'Port name' });
    this.protocol = this.form.getByRole('combobox', { name: 'Protocol' });
    this.routeCheckbox = this.form.getByRole('checkbox', { name: 'Create a Route for this HTTP port' });
    this.submitButton = this.form.getByRole('button', { name: 'Expose', exact: true });
    this.result = page.locator('#expose-result');
  }

  async goto(namespace: string, vm: string): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/virtualmachines/${vm}/expose`);
    await expect(this.page.getByRole('heading', { level: 1, name: `Expose ${vm}` })).toBeVisible();
    await expect(this.form).toBeVisible();
  }

  async chooseType(type: ServiceType): Promise<void> {
    await this.form.getByRole('radio', { name: new RegExp(`^${type}\\b`) }).check();
  }

  async chooseSelector(label: 'vmi.kubevirt.io/id' | 'vm.kubevirt.io/name'): Promise<void> {
    await this.form.getByRole('radio', { name: new RegExp(`^${label.replace(/\./g, '\\.')}`) }).check();
  }

  async setRoute(on: boolean, termination: 'edge' | 'none' = 'edge'): Promise<void> {
    await this.routeCheckbox.setChecked(on);
    if (on) {
      const label = termination === 'edge' ? /^Edge TLS termination/ : /^No TLS/;
      await this.form.getByRole('radio', { name: label }).check();
    }
  }

  /** "Delete the service with the virtual machine" (an owner reference to the VM). */
  async setDeleteWithVm(on: boolean): Promise<void> {
    await this.form.getByRole('checkbox', { name: 'Delete the service with the virtual machine' }).setChecked(on);
  }

  /** The error shown under a field; hidden when the field is fine. */
  fieldError(field: ExposeField): Locator {
    return this.page.locator(`#expose-${field}-error`);
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }

  /** Submits and waits for the "Service <name> created" result. */
  async expose(serviceName: string): Promise<void> {
    await this.submit();
    await expect(this.result.getByText(`Service ${serviceName} created`)).toBeVisible();
  }

  /** A value in the result's summary (Type, Ports, Endpoints, Route). */
  resultValue(namespace: string, service: string, what: 'type' | 'ports' | 'endpoints' | 'route'): Locator {
    return this.page.locator(`[id="service-${namespace}-${service}-${what}"]`);
  }
}
