import { expect, type Locator, type Page } from '@playwright/test';

/** The KubeVirt CR of the embedded cluster (and of a default install). */
export const KUBEVIRT_PATH = '/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt';

/** The Cluster page: KubeVirt and CDI, feature gates, nodes, storage classes, command-line tools. */
export class ClusterPage {
  readonly heading: Locator;
  readonly emulationSwitch: Locator;
  readonly readOnlyReason: Locator;
  readonly kubevirtCard: Locator;
  readonly cdiCard: Locator;
  readonly nodesCard: Locator;
  readonly storageCard: Locator;
  readonly toolsCard: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Cluster', exact: true });
    this.emulationSwitch = page.getByRole('switch', { name: /Software emulation/ });
    this.readOnlyReason = page.locator('#emulation-readonly-reason');
    this.kubevirtCard = page.locator('#kubevirt-card');
    this.cdiCard = page.locator('#cdi-card');
    this.nodesCard = page.locator('#nodes-card');
    this.storageCard = page.locator('#storage-classes-card');
    this.toolsCard = page.locator('#command-line-tools');
  }

  async goto(): Promise<void> {
    await this.page.goto('/cluster');
    await expect(this.heading).toBeVisible();
  }

  /** Follows the sidebar's "Cluster" link. */
  async openFromNav(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cluster', exact: true })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** The warning banner shown across the console while software emulation is on. */
  static emulationBanner(page: Page): Locator {
    return page.getByRole('region', { name: 'Software emulation' });
  }

  /** Follows the emulation banner's "Cluster settings" link (from any page) to this page. */
  async openFromEmulationBanner(): Promise<void> {
    await ClusterPage.emulationBanner(this.page).getByRole('link', { name: 'Cluster settings' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Flips the useEmulation switch and waits until the CR (through its watch) agrees. */
  async setEmulation(on: boolean): Promise<void> {
    await expect(this.emulationSwitch).toBeEnabled();
    if ((await this.emulationSwitch.isChecked()) !== on)
      await this.emulationSwitch.locator('xpath=ancestor::label[1]').click();
    await expect(this.emulationSwitch).toBeChecked({ checked: on });
    await expect(this.emulationSwitch).toBeEnabled();
  }

  conditionStatus(card: 'kubevirt' | 'cdi', type: string): Locator {
    return this.page.locator(`#${card}-conditions-${type}-status`);
  }

  nodeCell(node: string, column: 'name' | 'vms-capable' | 'cpu' | 'memory' | 'capacity' | 'vms'): Locator {
    return this.page.locator(`[id="node-${node}-${column}"]`);
  }

  storageClassRow(name: string): Locator {
    return this.page.locator(`[id="storageclass-${name}"]`);
  }

  async choosePlatform(label: string): Promise<void> {
    await this.toolsCard.getByRole('combobox', { name: 'Platform' }).selectOption({ label });
  }

  async chooseVm(namespace: string, name: string): Promise<void> {
    await this.toolsCard.getByRole('combobox', { name: 'Virtual machine' }).selectOption(`${namespace}/${name}`);
  }

  /** A copyable command by its accessible name ("Serial console command", "SSH command"...). */
  command(label: string): Locator {
    return this.toolsCard.getByRole('textbox', { name: label, exact: true });
  }

  async setSshUser(user: string): Promise<void> {
    await this.toolsCard.getByRole('textbox', { name: 'SSH user' }).fill(user);
  }

  /** The port and the Service type the "Expose command" uses. */
  async setExposePort(port: number): Promise<void> {
    await this.toolsCard.getByRole('spinbutton', { name: 'Port to expose' }).fill(String(port));
  }

  async setExposeServiceType(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'): Promise<void> {
    await this.toolsCard.getByRole('combobox', { name: 'Service type' }).selectOption(type);
  }

  /** The download link of a command-line tool for the chosen platform. */
  downloadLink(tool: 'virtctl' | 'kubectl'): Locator {
    return this.page.locator(`#${tool}-download`);
  }

  /** The install command of virtctl for the chosen platform. */
  get virtctlInstallCommand(): Locator {
    return this.page.locator('#virtctl-install');
  }

  /** The command-line commands shown on a VM's details, filled in for it. */
  static vmCommands(page: Page, namespace: string, name: string): Locator {
    return page.locator(`[id="vm-cli-${namespace}-${name}"]`);
  }

  /** Follows a VM link in a node's row to the VM's details. */
  async openNodeVm(node: string, namespace: string, name: string): Promise<void> {
    await this.nodeCell(node, 'vms')
      .getByRole('link', { name: `${namespace}/${name}` })
      .click();
    await expect(this.page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines/${name}(/|$)`));
  }
}
