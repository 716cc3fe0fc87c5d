import { expect, type Locator, type Page } from '@playwright/test';
import { DeleteVmiDialog, VmiActionsMenu } from './vmi-actions.js';

export type VmiColumn = 'Name' | 'Namespace' | 'Phase' | 'Node' | 'IP address' | 'Owner' | 'Created';
type CellId = 'name' | 'namespace' | 'phase' | 'node' | 'ip' | 'owner' | 'created';

/** The VirtualMachine instances list. */
export class VmiListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly filterBox: Locator;
  readonly phaseFilter: Locator;
  readonly noMatch: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'VirtualMachine instances', exact: true });
    this.table = main.getByRole('grid', { name: 'VirtualMachine instances' });
    this.filterBox = main.getByRole('textbox', { name: 'Filter by name or label' });
    this.phaseFilter = page.locator('#vmi-phase-filter');
    this.noMatch = main.getByRole('heading', { name: 'No VirtualMachine instances match the filters' });
  }

  /** Opens the list of a namespace (undefined: all namespaces) with an optional query string. */
  async goto(namespace?: string, query = ''): Promise<void> {
    const base = namespace
      ? `/k8s/ns/${namespace}/virtualmachineinstances`
      : '/k8s/all-namespaces/virtualmachineinstances';
    await this.page.goto(`${base}${query ? `?${query.replace(/^\?/, '')}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[id="vmi-${namespace}-${name}"]`);
  }

  cell(namespace: string, name: string, column: CellId): Locator {
    return this.page.locator(`[id="vmi-${namespace}-${name}-${column}"]`);
  }

  /** The name cell's link to the VMI's details page. */
  nameLink(namespace: string, name: string): Locator {
    return this.cell(namespace, name, 'name').getByRole('link', { name, exact: true });
  }

  /** The owner cell's link to the VirtualMachine. */
  ownerLink(namespace: string, name: string): Locator {
    return this.cell(namespace, name, 'owner').getByRole('link');
  }

  /** The names in the table, top to bottom. */
  async rowNames(): Promise<string[]> {
    return this.table.locator('tbody tr td[data-label="Name"]').allInnerTexts();
  }

  /** Types into the filter box, then waits for the URL (q=) to follow. */
  async filter(text: string): Promise<void> {
    await this.filterBox.fill(text);
    await expect
      .poll(() => new URL(this.page.url()).searchParams.get('q') ?? '', {
        message: `the URL follows the filter "${text}"`,
      })
      .toBe(text);
  }

  /** Ticks or unticks a phase in the phase filter. */
  async togglePhase(phase: string): Promise<void> {
    await this.phaseFilter.click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${phase} \\(\\d+\\)`) }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Clicks a column header's sort button (again to reverse). */
  async sortBy(column: VmiColumn): Promise<void> {
    await this.table.getByRole('columnheader', { name: column, exact: true }).getByRole('button').click();
  }

  /** "ascending", "descending" or "none", from the header's aria-sort. */
  async sortDirection(column: VmiColumn): Promise<string | null> {
    return this.table.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-sort');
  }

  actions(namespace: string, name: string): VmiActionsMenu {
    return new VmiActionsMenu(this.page, namespace, name);
  }

  deleteDialog(): DeleteVmiDialog {
    return new DeleteVmiDialog(this.page);
  }
}
