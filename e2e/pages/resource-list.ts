import { expect, type Locator, type Page } from '@playwright/test';

/** What tells one resource list from another: its title, its URL's plural and the prefix of its row ids. */
export interface ResourceListSpec {
  /** The heading and the table's accessible name ("Virtual machines"). */
  title: string;
  /** The URL segment (`virtualmachines`). */
  plural: string;
  /** Row ids are `<rowIdPrefix>-<namespace>-<name>` (`vm`). */
  rowIdPrefix: string;
  /** The empty state's heading when filters hide every row. */
  noMatch: string;
}

/** What the VM and VMI lists share: heading, table, name filter, sorting, rows and cells by id. */
export class ResourceListPage<Column extends string, CellId extends string> {
  readonly heading: Locator;
  readonly table: Locator;
  readonly filterBox: Locator;
  readonly noMatch: Locator;

  constructor(
    readonly page: Page,
    private readonly spec: ResourceListSpec,
  ) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: spec.title, exact: true });
    this.table = main.getByRole('grid', { name: spec.title });
    this.filterBox = main.getByRole('textbox', { name: 'Filter by name or label' });
    this.noMatch = main.getByRole('heading', { name: spec.noMatch });
  }

  /** Opens the list of a namespace (undefined: all namespaces) with an optional query string. */
  async goto(namespace?: string, query = ''): Promise<void> {
    const base = namespace ? `/k8s/ns/${namespace}/${this.spec.plural}` : `/k8s/all-namespaces/${this.spec.plural}`;
    await this.page.goto(`${base}${query ? `?${query.replace(/^\?/, '')}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[id="${this.spec.rowIdPrefix}-${namespace}-${name}"]`);
  }

  cell(namespace: string, name: string, column: CellId): Locator {
    return this.page.locator(`[id="${this.spec.rowIdPrefix}-${namespace}-${name}-${column}"]`);
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

  /** Clicks a column header's sort button (again to reverse). */
  async sortBy(column: Column): Promise<void> {
    await this.table.getByRole('columnheader', { name: column, exact: true }).getByRole('button').click();
  }

  /** "ascending", "descending" or "none", from the header's aria-sort. */
  async sortDirection(column: Column): Promise<string | null> {
    return this.table.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-sort');
  }

  /** Ticks or unticks an item ("Running (3)") of a filter menu. */
  protected async toggleFilterItem(filter: Locator, item: string): Promise<void> {
    await filter.click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${item} \\(\\d+\\)`) }).click();
    await this.page.keyboard.press('Escape');
  }
}
