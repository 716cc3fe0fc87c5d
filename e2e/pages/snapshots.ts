import { expect, type Locator, type Page } from '@playwright/test';

/** The "Take snapshot" dialog: name, disks included and left out, then the snapshot's progress. */
export class TakeSnapshotDialog {
  readonly dialog: Locator;
  readonly nameInput: Locator;
  readonly includedDisks: Locator;
  readonly excludedDisks: Locator;
  readonly onlineNote: Locator;
  readonly submitButton: Locator;
  readonly status: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Take snapshot' });
    this.nameInput = this.dialog.getByRole('textbox', { name: 'Snapshot name' });
    this.includedDisks = this.dialog.locator('#take-snapshot-disks-included');
    this.excludedDisks = this.dialog.getByRole('list', { name: 'Disks not included' });
    this.onlineNote = this.dialog.locator('#take-snapshot-online');
    this.submitButton = this.dialog.getByRole('button', { name: 'Take snapshot', exact: true });
    this.status = this.dialog.locator('#take-snapshot-status');
    this.error = this.dialog.locator('#take-snapshot-error');
  }

  /** Submits (with `name` if given) and returns the snapshot's name. */
  async take(name?: string): Promise<string> {
    await expect(this.dialog).toBeVisible();
    if (name) await this.nameInput.fill(name);
    const taken = await this.nameInput.inputValue();
    await this.submitButton.click();
    return taken;
  }

  /** Waits until the snapshot is ready, as the dialog says. */
  async expectReady(name: string, timeout = 60_000): Promise<void> {
    await expect(this.status).toContainText(`Snapshot ${name} is ready`, { timeout });
  }

  async close(): Promise<void> {
    await this.dialog
      .getByRole('button', { name: /^(Close|Cancel)$/ })
      .first()
      .click();
    await expect(this.dialog).toBeHidden();
  }
}

/** The "Restore snapshot" dialog: this VM (stopped first) or a new one, then the restore's result. */
export class RestoreDialog {
  readonly dialog: Locator;
  readonly sameVm: Locator;
  readonly newVm: Locator;
  readonly newName: Locator;
  readonly mustStop: Locator;
  readonly stopButton: Locator;
  readonly restoreButton: Locator;
  readonly status: Locator;
  readonly targetLink: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Restore snapshot' });
    this.sameVm = this.dialog.getByRole('radio', { name: /^This virtual machine/ });
    this.newVm = this.dialog.getByRole('radio', { name: /^A new virtual machine/ });
    this.newName = this.dialog.getByRole('textbox', { name: 'Name of the new virtual machine' });
    this.mustStop = this.dialog.locator('#restore-stop-first');
    this.stopButton = this.dialog.locator('#restore-stop-vm');
    this.restoreButton = this.dialog.getByRole('button', { name: 'Restore', exact: true });
    this.status = this.dialog.locator('#restore-status');
    this.targetLink = this.dialog.locator('#restore-target-link');
  }

  /** Restores onto the VM, stopping it first from the dialog when it runs; waits for the result. */
  async restoreOntoVm(vmName: string, timeout = 90_000): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.sameVm.check();
    if (await this.mustStop.isVisible()) {
      await expect(this.restoreButton).toHaveAttribute('aria-disabled', 'true');
      await this.stopButton.click();
      await expect(this.mustStop).toBeHidden({ timeout });
    }
    await expect(this.restoreButton).not.toHaveAttribute('aria-disabled', 'true');
    await this.restoreButton.click();
    await expect(this.status).toContainText(`${vmName} restored`, { timeout });
  }

  /** Restores into a new VM named `name`; waits for the result and its link. */
  async restoreToNewVm(name: string, timeout = 90_000): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.newVm.check();
    await this.newName.fill(name);
    await this.restoreButton.click();
    await expect(this.status).toContainText(`${name} restored`, { timeout });
    await expect(this.targetLink).toHaveText(`Open ${name}`);
  }

  async close(): Promise<void> {
    await this.dialog
      .getByRole('button', { name: /^(Close|Cancel)$/ })
      .first()
      .click();
    await expect(this.dialog).toBeHidden();
  }
}

/** The "Clone virtual machine" dialog and the clone's progress to a link to the new VM. */
export class CloneDialog {
  readonly dialog: Locator;
  readonly nameInput: Locator;
  readonly labelFilters: Locator;
  readonly annotationFilters: Locator;
  readonly templateToggle: Locator;
  readonly templateLabelFilters: Locator;
  readonly serial: Locator;
  readonly submitButton: Locator;
  readonly phases: Locator;
  readonly status: Locator;
  readonly targetLink: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Clone virtual machine' });
    this.nameInput = this.dialog.getByRole('textbox', { name: 'Name of the new virtual machine' });
    this.labelFilters = this.dialog.getByRole('textbox', { name: 'Label filters', exact: true });
    this.annotationFilters = this.dialog.getByRole('textbox', { name: 'Annotation filters', exact: true });
    this.templateToggle = this.dialog.getByRole('button', { name: "Filters of the template's labels and annotations" });
    this.templateLabelFilters = this.dialog.getByRole('textbox', { name: 'Template label filters' });
    this.serial = this.dialog.getByRole('textbox', { name: 'SMBios serial' });
    this.submitButton = this.dialog.getByRole('button', { name: 'Clone', exact: true });
    this.phases = this.dialog.locator('#clone-phases');
    this.status = this.dialog.locator('#clone-status');
    this.targetLink = this.dialog.locator('#clone-target-link');
  }

  macAddress(iface: string): Locator {
    return this.dialog.getByRole('textbox', { name: `MAC address of ${iface}` });
  }

  /** Clones into `name` and waits for the link to the new VM. */
  async clone(
    name: string,
    o: { labelFilters?: string; templateLabelFilters?: string } = {},
    timeout = 90_000,
  ): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.nameInput.fill(name);
    if (o.labelFilters) await this.labelFilters.fill(o.labelFilters);
    if (o.templateLabelFilters) {
      await this.templateToggle.click();
      await this.templateLabelFilters.fill(o.templateLabelFilters);
    }
    await this.submitButton.click();
    await expect(this.targetLink).toHaveText(`Open ${name}`, { timeout });
  }
}

/** The Snapshots tab of a VM's details page. */
export class SnapshotsTab {
  readonly table: Locator;
  readonly takeButton: Locator;
  readonly deleteSelectedButton: Locator;
  readonly emptyState: Locator;

  constructor(
    readonly page: Page,
    readonly namespace: string,
    readonly vmName: string,
  ) {
    const main = page.getByRole('main');
    this.table = main.getByRole('grid', { name: 'Snapshots' });
    this.takeButton = page.locator(`[id="vm-${namespace}-${vmName}-take-snapshot"]`);
    this.deleteSelectedButton = page.locator(`[id="vm-${namespace}-${vmName}-delete-snapshots"]`);
    this.emptyState = main.getByRole('heading', { name: 'No snapshots' });
  }

  row(name: string): Locator {
    return this.page.locator(`[id="snapshot-${this.namespace}-${name}"]`);
  }

  status(name: string): Locator {
    return this.page.locator(`[id="snapshot-${this.namespace}-${name}-status"]`);
  }

  restoreButton(name: string): Locator {
    return this.row(name).getByRole('button', { name: `Restore ${name}` });
  }

  deleteButton(name: string): Locator {
    return this.row(name).getByRole('button', { name: `Delete ${name}` });
  }

  async select(name: string): Promise<void> {
    await this.row(name)
      .getByRole('checkbox', { name: `Select ${name}` })
      .check();
  }

  async openRestore(name: string): Promise<RestoreDialog> {
    await expect(this.restoreButton(name)).not.toHaveAttribute('aria-disabled', 'true');
    await this.restoreButton(name).click();
    return new RestoreDialog(this.page);
  }

  /** Deletes the selected snapshots through the confirmation dialog. */
  async deleteSelected(): Promise<void> {
    await this.deleteSelectedButton.click();
    const dialog = this.page.getByRole('dialog', { name: /Delete (\d+ snapshots|snapshot)\?/ });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
