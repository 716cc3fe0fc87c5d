import { expect, type Locator, type Page } from '@playwright/test';
import { BulkDeleteDialog, DeleteVmDialog, VmActionsMenu } from './vm-actions.js';

export type VmColumn = 'Name' | 'Namespace' | 'Status' | 'Node' | 'IP address' | 'Created';
export type BulkAction = 'Start' | 'Stop' | 'Restart' | 'Delete';
type CellId = 'name' | 'namespace' | 'status' | 'conditions' | 'node' | 'ip' | 'created';

/** The virtual machines list (/k8s/ns/<ns>/virtualmachines or /k8s/all-namespaces/virtualmachines). */
export class VmListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly filterBox: Locator;
  readonly statusFilter: Locator;
  readonly createButton: Locator;
  readonly bulkActions: Locator;
  readonly emptyState: Locator;
  readonly noMatch: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Virtual machines', exact: true });
    this.table = main.getByRole('grid', { name: 'Virtual machines' });
    this.filterBox = main.getByRole('textbox', { name: 'Filter by name or label' });
    this.statusFilter = page.locator('#vm-status-filter');
    this.createButton = main.getByRole('link', { name: 'Create virtual machine' }).first();
    this.bulkActions = page.locator('#vm-bulk-actions');
    this.emptyState = main.getByRole('heading', { name: 'No virtual machines found' });
    this.noMatch = main.getByRole('heading', { name: 'No virtual machines match the filters' });
  }

  /** Opens the list of a namespace (undefined: all namespaces) with an optional query string. */
  async goto(namespace?: string, query = ''): Promise<void> {
    const base = namespace ? `/k8s/ns/${namespace}/virtualmachines` : '/k8s/all-namespaces/virtualmachines';
    await this.page.goto(`${base}${query ? `?${query.replace(/^\?/, '')}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[id="vm-${namespace}-${name}"]`);
  }

  cell(namespace: string, name: string, column: CellId): Locator {
    return this.page.locator(`[id="vm-${namespace}-${name}-${column}"]`);
  }

  status(namespace: string, name: string): Locator {
    return this.cell(namespace, name, 'status');
  }

  /** The names in the table, top to bottom. */
  async rowNames(): Promise<string[]> {
    return this.table.locator('tbody tr td[data-label="Name"]').allInnerTexts();
  }

  /**
   * Types into the filter box, then waits for the URL (q=) to follow: the list filters at once
   * and writes the URL a moment after typing stops, so the next action starts from the view a
   * user would share.
   */
  async filter(text: string): Promise<void> {
    await this.filterBox.fill(text);
    await expect
      .poll(() => new URL(this.page.url()).searchParams.get('q') ?? '', {
        message: `the URL follows the filter "${text}"`,
      })
      .toBe(text);
  }

  /** Ticks or unticks a status in the status filter. */
  async toggleStatus(status: string): Promise<void> {
    await this.statusFilter.click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${status} \\(\\d+\\)`) }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Clicks a column header's sort button (again to reverse). */
  async sortBy(column: VmColumn): Promise<void> {
    await this.table.getByRole('columnheader', { name: column, exact: true }).getByRole('button').click();
  }

  /** "ascending", "descending" or "none", from the header's aria-sort. */
  async sortDirection(column: VmColumn): Promise<string | null> {
    return this.table.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-sort');
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

  /** Opens the status popover of a row (a failing VM's reason and a link to its events). */
  async openStatusPopover(namespace: string, name: string): Promise<Locator> {
    await this.status(namespace, name).getByRole('button').click();
    const popover = this.page.getByRole('dialog').filter({ has: this.page.getByRole('link', { name: 'View events' }) });
    await expect(popover).toBeVisible();
    return popover;
  }
}
