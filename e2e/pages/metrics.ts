import { expect, type Locator, type Page } from '@playwright/test';

export type UtilizationMetric = 'CPU' | 'Memory' | 'Network in' | 'Network out' | 'Storage read' | 'Storage write';

/**
 * The Utilization card of a VM's overview: the range toggle, "Show as tables", and each chart's
 * accessible table (always in the page, visually hidden until "Show as tables" is on).
 */
export class UtilizationCard {
  readonly card: Locator;
  readonly tablesSwitch: Locator;
  readonly notConfigured: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('region', { name: 'Utilization' });
    this.tablesSwitch = this.card.getByRole('switch', { name: 'Show as tables' });
    this.notConfigured = this.card.getByRole('heading', { name: /Prometheus is not configured/ });
  }

  /** Turns "Show as tables" on (by its label, as a user clicks it). */
  async showTables(): Promise<void> {
    await this.card.locator('label').filter({ hasText: 'Show as tables' }).click();
    await expect(this.tablesSwitch).toBeChecked();
  }

  range(label: string): Locator {
    return this.card.getByRole('group', { name: 'Time range' }).getByRole('button', { name: label, exact: true });
  }

  /** A metric's table ("CPU, last 5 minutes"). */
  table(metric: UtilizationMetric): Locator {
    return this.card.getByRole('grid', { name: new RegExp(`^${metric}, last `) });
  }

  /** The chart's SVG (its accessible name is the table's). */
  chart(metric: UtilizationMetric): Locator {
    return this.card.getByRole('img', { name: new RegExp(`^${metric}, last `) });
  }

  /** The newest value of a metric's table (rows are newest first), or undefined while it has none. */
  async latest(metric: UtilizationMetric): Promise<number | undefined> {
    const cell = this.table(metric).locator('tbody tr').first().locator('td[data-value]');
    if (!(await cell.count())) return undefined;
    return Number(await cell.getAttribute('data-value'));
  }
}

/** The Guest card of a VM's overview: what the guest agent reports. */
export class GuestCard {
  readonly card: Locator;
  readonly users: Locator;
  readonly fileSystems: Locator;
  readonly notConnected: Locator;
  /** What the card says when the agent reports nobody logged in. */
  readonly noUsers: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('region', { name: 'Guest' });
    this.noUsers = this.card.getByText('No user is logged in.');
    this.users = this.card.getByRole('grid', { name: 'Logged-in users' });
    this.fileSystems = this.card.getByRole('grid', { name: 'File systems' });
    this.notConnected = this.card.getByRole('heading', { name: 'Guest agent not connected' });
  }

  /** The file systems table's row of a mount point. */
  fileSystem(mountPoint: string): Locator {
    return this.fileSystems
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell', { name: mountPoint, exact: true }) });
  }

  detail(term: 'Operating system' | 'Kernel' | 'Hostname' | 'Time zone'): Locator {
    return this.card.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}

/** The Migrations page: one row per VirtualMachineInstanceMigration, with progress and Cancel. */
export class MigrationsPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Migrations' });
    this.table = page.getByRole('grid', { name: 'VirtualMachineInstance migrations' });
  }

  async goto(namespace?: string): Promise<void> {
    await this.page.goto(namespace ? `/k8s/ns/${namespace}/migrations` : '/k8s/all-namespaces/migrations');
    await expect(this.heading).toBeVisible();
  }

  /** Through the main navigation. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Migrations' })
      .click();
    await expect(this.heading).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[id="migration-${namespace}-${name}-row"]`);
  }

  /** Rows of migrations of one VMI. */
  rowsOf(vmiName: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('link', { name: vmiName, exact: true }) });
  }

  cell(namespace: string, name: string, field: 'phase' | 'source' | 'target' | 'duration' | 'policy'): Locator {
    return this.page.locator(`[id="migration-${namespace}-${name}-${field}"]`);
  }

  progress(namespace: string, name: string): Locator {
    return this.row(namespace, name).getByRole('progressbar', { name: `Progress of migration ${name}` });
  }

  cancelButton(name: string): Locator {
    return this.table.getByRole('button', { name: `Cancel migration ${name}`, exact: true });
  }
}

export type ConsumerTitle = 'CPU' | 'Memory' | 'Network' | 'Storage';

/** The Overview page's Top consumers card: one table per resource, biggest first. */
export class TopConsumersCard {
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('region', { name: /^Top consumers/ });
  }

  table(title: ConsumerTitle): Locator {
    return this.card.getByRole('grid', { name: `Top ${title} consumers` });
  }

  /** The names in a table, top first (as the links read). */
  async names(title: ConsumerTitle): Promise<string[]> {
    return this.table(title).locator('tbody tr').getByRole('link').allInnerTexts();
  }

  /** A row's measure as the card holds it (its cell's data-value: cores, bytes or bytes/s). */
  async value(title: ConsumerTitle, name: string): Promise<number> {
    return Number(await this.row(title, name).locator('td[data-value]').getAttribute('data-value'));
  }

  row(title: ConsumerTitle, name: string): Locator {
    return this.table(title)
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
