import { expect, type Locator, type Page } from '@playwright/test';
import { DeleteVmiDialog, type VmiActionLabel } from './vmi-actions.js';

export type VmiDetailsTabName = 'Overview' | 'YAML' | 'Events' | 'Console';

export const VMI_DETAILS_TABS: readonly VmiDetailsTabName[] = ['Overview', 'YAML', 'Events', 'Console'];

type Field =
  | 'name'
  | 'namespace'
  | 'overview-status'
  | 'created'
  | 'owner'
  | 'node'
  | 'ips'
  | 'guest-os'
  | 'cpu'
  | 'memory'
  | 'migration'
  | 'labels';

/** One VirtualMachineInstance's page (/k8s/ns/<ns>/virtualmachineinstances/<name>/<tab>). */
export class VmiDetailsPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly tabs: Locator;
  readonly toolbar: Locator;
  readonly conditions: Locator;
  readonly eventsTable: Locator;
  readonly yamlEditor: Locator;

  constructor(
    readonly page: Page,
    readonly namespace: string,
    readonly name: string,
  ) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name, exact: true });
    this.status = page.locator(`[id="vmi-${namespace}-${name}-status"]`);
    this.tabs = main.getByRole('tablist');
    this.toolbar = main.getByRole('toolbar', { name: `Actions for ${name}` });
    this.conditions = main.getByRole('grid', { name: `Conditions of ${name}` });
    this.eventsTable = page.locator(`[id="vmi-${namespace}-${name}-events"]`);
    this.yamlEditor = page.locator(`[id="vmi-${namespace}-${name}-yaml-editor"]`);
  }

  async goto(tab: VmiDetailsTabName = 'Overview'): Promise<void> {
    const path = tab === 'Overview' ? '' : `/${tab.toLowerCase()}`;
    await this.page.goto(`/k8s/ns/${this.namespace}/virtualmachineinstances/${this.name}${path}`);
    await expect(this.heading).toBeVisible();
  }

  async openTab(tab: VmiDetailsTabName): Promise<void> {
    await this.tabs.getByRole('tab', { name: tab, exact: true }).click();
    await expect(this.tabs.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  field(name: Field): Locator {
    return this.page.locator(`[id="vmi-${this.namespace}-${this.name}-${name}"]`);
  }

  action(label: VmiActionLabel): Locator {
    return this.toolbar.getByRole('button', { name: label, exact: true });
  }

  async runAction(label: VmiActionLabel): Promise<void> {
    await expect(this.action(label)).toBeEnabled();
    await this.action(label).click();
  }

  deleteDialog(): DeleteVmiDialog {
    return new DeleteVmiDialog(this.page);
  }
}
