import { expect, type Locator, type Page } from '@playwright/test';
import { ResourceListPage } from './resource-list.js';
import { VmStatusPopover } from './status-popover.js';
import { BulkDeleteDialog, DeleteVmDialog, VmActionsMenu } from './vm-actions.js';

export type VmColumn = 'Name' | 'Namespace' | 'Status' | 'Node' | 'IP address' | 'Created';
export type BulkAction = 'Start' | 'Stop' | 'Restart' | 'Take snapshot' | 'Delete';
type CellId = 'name' | 'namespace' | 'status' | 'conditions' | 'node' | 'ip' | 'created' | OptionalColumnId;
/** The columns the Columns select adds (off by default). */
export type OptionalColumnId = 'cpu' | 'memory' | 'instancetype';
export const OPTIONAL_COLUMN_NAMES: Record<OptionalColumnId, string> = {
  cpu: 'CPU',
  memory: 'Memory',
  instancetype: 'Instance type',
};

/** The virtual machines list (/k8s/ns/<ns>/virtualmachines or /k8s/all-namespaces/virtualmachines). */
export class VmListPage extends ResourceListPage<VmColumn, CellId> {
  readonly statusFilter: Locator;
  readonly createButton: Locator;
  readonly bulkActions: Locator;
  readonly emptyState: Locator;
  /** The "Columns" select (accessible name "Manage columns"). */
  readonly columnChooser: Locator;

  constructor(page: Page) {
    super(page, {
      title: 'Virtual machines',
      plural: 'virtualmachines',
      rowIdPrefix: 'vm',
      noMatch: 'No virtual machines match the filters',
    });
    const main = page.getByRole('main');
    this.statusFilter = page.locator('#vm-status-filter');
    this.createButton = main.getByRole('link', { name: 'Create virtual machine' }).first();
    this.bulkActions = page.locator('#vm-bulk-actions');
    this.emptyState = main.getByRole('heading', { name: 'No virtual machines found' });
    this.columnChooser = main.getByRole('button', { name: 'Manage columns' });
  }

  /** Shows or hides an optional column with the Columns select's checkbox, and closes the select. */
  async setColumn(column: OptionalColumnId, on: boolean): Promise<void> {
    await this.columnChooser.click();
    const option = this.page.getByRole('menu').getByRole('menuitem', { name: OPTIONAL_COLUMN_NAMES[column] });
    const box = option.getByRole('checkbox');
    if ((await box.isChecked()) !== on) await option.click();
    await expect(box).toBeChecked({ checked: on });
    await this.page.keyboard.press('Escape');
  }

  /** A column header by its accessible name. */
  columnHeader(name: string): Locator {
    return this.page.getByRole('columnheader', { name, exact: true });
  }

  status(namespace: string, name: string): Locator {
    return this.cell(namespace, name, 'status');
  }

  /** Ticks or unticks a status in the status filter. */
  async toggleStatus(status: string): Promise<void> {
    await this.toggleFilterItem(this.statusFilter, status);
  }

  actions(namespace: string, name: string): VmActionsMenu {
    return new VmActionsMenu(this.page, namespace, name);
  }

  deleteDialog(): DeleteVmDialog {
    return new DeleteVmDialog(this.page);
  }

  async selectRow(namespace: string, name: string): Promise<void> {
    await this.row(namespace, name).getByRole('checkbox').check();
  }

  /** An item of the open bulk actions menu (its text says why when it does not apply). */
  bulkItem(action: BulkAction): Locator {
    return this.page.getByRole('menu').getByRole('menuitem', { name: new RegExp(`^${action}(\\s|$)`) });
  }

  async openBulkActions(): Promise<void> {
    if ((await this.bulkActions.getAttribute('aria-expanded')) !== 'true') await this.bulkActions.click();
    await expect(this.bulkItem('Start')).toBeVisible();
  }

  /** Runs a bulk action on the selected rows (Delete confirms the count in its dialog). */
  async bulk(action: BulkAction, count?: number): Promise<void> {
    await this.openBulkActions();
    await this.bulkItem(action).click();
    if (action === 'Delete') await this.bulkDeleteDialog().confirm(count ?? 0);
  }

  bulkDeleteDialog(): BulkDeleteDialog {
    return new BulkDeleteDialog(this.page);
  }

  /** Opens the status popover of a row (what the status means, a failing VM's reason, the status history, a link to its events). */
  async openStatusPopover(namespace: string, name: string): Promise<Locator> {
    const popover = new VmStatusPopover(this.page, name);
    await popover.open(this.status(namespace, name).getByRole('button'));
    return popover.dialog;
  }

  /** The status popover of a row, opened. */
  async statusPopover(namespace: string, name: string): Promise<VmStatusPopover> {
    const popover = new VmStatusPopover(this.page, name);
    await popover.open(this.status(namespace, name).getByRole('button'));
    return popover;
  }
}
