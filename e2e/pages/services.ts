import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Services page: Services that select VMs, one row each (`service-<ns>-<name>`, cells
 * `service-<ns>-<name>-<column>`), expanding into access hints with copy buttons.
 */
export class ServicesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Services', exact: true });
    this.table = page.getByRole('grid', { name: 'Services' }).or(page.getByRole('table', { name: 'Services' }));
    this.emptyState = page.getByRole('main').getByRole('heading', { name: 'No services found' });
  }

  async goto(namespace?: string): Promise<void> {
    await this.page.goto(namespace ? `/k8s/ns/${namespace}/services` : '/k8s/all-namespaces/services');
    await expect(this.heading).toBeVisible();
  }

  row(namespace: string, name: string): Locator {
    return this.page.locator(`[id="service-${namespace}-${name}"]`);
  }

  /** Columns: namespace, type, cluster-ip, ports, node-ports, external-ip, vms, endpoints, routes. */
  cell(namespace: string, name: string, column: string): Locator {
    return this.page.locator(`[id="service-${namespace}-${name}-${column}"]`);
  }

  /** Opens the row's access hints. */
  async showAccess(namespace: string, name: string): Promise<Locator> {
    const toggle = this.row(namespace, name).getByRole('button', { name: `Access to ${name}` });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const access = this.page.locator(`[id="service-${namespace}-${name}-access"]`);
    await expect(access.getByRole('term').first()).toBeVisible();
    return access;
  }

  /** The text of one access hint, by its label ("SSH through a node port", "In-cluster DNS name", "Route URL"). */
  hint(access: Locator, label: string): Locator {
    return access.getByRole('textbox', { name: label, exact: true });
  }

  async copyHint(access: Locator, label: string): Promise<void> {
    await access.getByRole('button', { name: `Copy ${label}`, exact: true }).click();
  }

  /** Opens "Delete service" from the row's kebab; returns its dialog. */
  async openDeleteService(namespace: string, name: string): Promise<DeleteServiceDialog> {
    await this.row(namespace, name)
      .getByRole('button', { name: `Actions for service ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Delete service' }).click();
    const dialog = new DeleteServiceDialog(this.page, name);
    await expect(dialog.dialog).toBeVisible();
    return dialog;
  }

  /** Deletes a Service from its row's kebab, confirming in the dialog. */
  async deleteService(namespace: string, name: string): Promise<void> {
    await (await this.openDeleteService(namespace, name)).confirm();
  }
}

/** The "Delete service <name>?" dialog (offering to delete the Routes to it too). */
export class DeleteServiceDialog {
  readonly dialog: Locator;
  /** The server's refusal, e.g. a 403 for a viewer. */
  readonly error: Locator;

  constructor(
    readonly page: Page,
    name: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Delete service ${name}?` });
    this.error = this.dialog.getByRole('alert');
  }

  /** Ticks or unticks "Also delete route(s) ...". */
  async setDeleteRoutes(on: boolean): Promise<void> {
    await this.dialog.getByRole('checkbox', { name: /^Also delete route/ }).setChecked(on);
  }

  /** Clicks Delete and waits for the dialog to close. */
  async confirm(): Promise<void> {
    await this.clickDelete();
    await expect(this.dialog).toBeHidden();
  }

  /** Clicks Delete and leaves the dialog open (to read an error). */
  async clickDelete(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
