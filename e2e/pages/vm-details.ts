import { expect, type Locator, type Page } from '@playwright/test';
import { ResourceDetailsPage } from './resource-details.js';
import { DeleteVmDialog, type VmActionLabel } from './vm-actions.js';

export type VmDetailsTabName =
  | 'Overview'
  | 'Configuration'
  | 'YAML'
  | 'Events'
  | 'Disks'
  | 'Network interfaces'
  | 'Services'
  | 'Snapshots'
  | 'Console';

export const VM_DETAILS_TABS: readonly VmDetailsTabName[] = [
  'Overview',
  'Configuration',
  'YAML',
  'Events',
  'Disks',
  'Network interfaces',
  'Services',
  'Snapshots',
  'Console',
];

const TAB_PATH: Record<VmDetailsTabName, string> = {
  Overview: 'overview',
  Configuration: 'configuration',
  YAML: 'yaml',
  Events: 'events',
  Disks: 'disks',
  'Network interfaces': 'network-interfaces',
  Services: 'services',
  Snapshots: 'snapshots',
  Console: 'console',
};

/**
 * The VirtualMachine details page (/k8s/ns/<ns>/virtualmachines/<name>/<tab>). The YAML editor is
 * driven with the keyboard and the clipboard like a person would: select all, paste, copy;
 * the test's browser context needs the clipboard-read and clipboard-write permissions.
 */
export class VmDetailsPage extends ResourceDetailsPage<VmDetailsTabName, VmActionLabel> {
  readonly yamlEditor: Locator;
  readonly saveButton: Locator;
  readonly reloadButton: Locator;
  readonly unsavedChanges: Locator;
  readonly savedAlert: Locator;
  readonly conflictAlert: Locator;
  readonly changedAlert: Locator;
  readonly errorAlert: Locator;
  readonly eventsTable: Locator;
  readonly disksTable: Locator;
  readonly interfacesTable: Locator;
  readonly servicesTable: Locator;
  readonly timeline: Locator;

  constructor(page: Page, namespace: string, name: string) {
    super(page, namespace, name, 'vm');
    const main = page.getByRole('main');
    this.yamlEditor = page.getByRole('textbox', { name: 'YAML editor' });
    this.saveButton = main.getByRole('button', { name: 'Save', exact: true });
    this.reloadButton = main.getByRole('button', { name: 'Reload', exact: true });
    this.unsavedChanges = main.getByText('Unsaved changes', { exact: true });
    this.savedAlert = page.locator('#yaml-saved');
    this.conflictAlert = page.locator('#yaml-conflict');
    this.changedAlert = page.locator('#yaml-changed');
    this.errorAlert = page.locator('#yaml-error');
    this.eventsTable = main.getByRole('grid', { name: 'Events' });
    this.disksTable = main.getByRole('grid', { name: 'Disks' });
    this.interfacesTable = main.getByRole('grid', { name: 'Network interfaces' });
    this.servicesTable = main.getByRole('grid', { name: 'Services' });
    this.timeline = main.getByRole('list', { name: 'Lifecycle timeline' });
  }

  path(tab: VmDetailsTabName = 'Overview'): string {
    return `/k8s/ns/${this.namespace}/virtualmachines/${this.name}/${TAB_PATH[tab]}`;
  }

  /** Clicks a tab; the URL follows. */
  async openTab(tab: VmDetailsTabName): Promise<void> {
    await super.openTab(tab);
    await expect(this.page).toHaveURL(new RegExp(`${escapeRegExp(this.path(tab))}$`));
  }

  /** A field of the Overview's details ("Run strategy", "Labels"...). */
  overviewField(
    id:
      | 'name'
      | 'namespace'
      | 'created'
      | 'run-strategy'
      | 'os'
      | 'cpu'
      | 'memory'
      | 'node'
      | 'ips'
      | 'labels'
      | 'description',
  ): Locator {
    return this.byId(id);
  }

  deleteDialog(): DeleteVmDialog {
    return new DeleteVmDialog(this.page);
  }

  /** The "Discard unsaved changes?" dialog, shown when leaving the YAML tab with edits. */
  unsavedChangesDialog(): UnsavedChangesDialog {
    return new UnsavedChangesDialog(this.page);
  }

  /** The Services tab's "Expose a port" link, to the Expose page. */
  async exposePort(): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name: 'Expose a port' }).click();
  }

  /** The editor's text, copied through the clipboard (Ctrl+A, Ctrl+C). */
  async readYaml(): Promise<string> {
    await this.yamlEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('ControlOrMeta+c');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Replaces the editor's text by pasting (Ctrl+A, Ctrl+V), as a person pasting a manifest. */
  async replaceYaml(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.yamlEditor.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('ControlOrMeta+v');
  }

  /** The lines the editor shows (its visible part). */
  visibleYaml(): Locator {
    return this.byId('yaml-editor').locator('.view-lines');
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }

  /** The conflict alert's choices. */
  async reloadAfterConflict(): Promise<void> {
    await this.conflictAlert.getByRole('button', { name: 'Reload' }).click();
  }

  async overwriteAfterConflict(): Promise<void> {
    await this.conflictAlert.getByRole('button', { name: 'Overwrite' }).click();
  }

  /** Event rows by reason (a repeated event shows "×N" after it), optionally about one object ("VirtualMachine vm1"). */
  eventRow(reason: string, object?: string): Locator {
    const reasonCell = this.page.getByRole('gridcell', { name: new RegExp(`^${escapeRegExp(reason)}( ×\\d+)?$`) });
    const rows = this.eventsTable.getByRole('row').filter({ has: reasonCell });
    return object ? rows.filter({ has: this.page.getByRole('gridcell', { name: object, exact: true }) }) : rows;
  }

  diskRow(disk: string): Locator {
    return this.byId(`disk-${disk}`);
  }

  /** The import progress bar of a DataVolume. */
  importProgress(dataVolume: string): Locator {
    return this.page.getByRole('progressbar', { name: `${dataVolume} import progress` });
  }

  serviceRow(service: string): Locator {
    return this.page.locator(`[id="service-${this.namespace}-${service}"]`);
  }

  emptyState(title: string | RegExp): Locator {
    return this.page.getByRole('heading', { name: title });
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Discard unsaved changes?": asked before leaving the YAML tab (or the page) with edits. */
export class UnsavedChangesDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /Discard unsaved changes/ });
  }

  async keepEditing(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async discard(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
