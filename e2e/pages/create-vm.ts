import { expect, type Locator, type Page } from '@playwright/test';

export type BootSource =
  'Bootable volume' | 'Container disk' | 'Import from a URL' | 'Import from a registry' | 'Clone a PVC' | 'Blank disk';

/**
 * The create form at /k8s/ns/<ns>/virtualmachines/~new: one method per user action, every
 * locator by role and accessible name.
 */
export class CreateVmPage {
  readonly main: Locator;
  readonly name: Locator;
  readonly memory: Locator;
  readonly labels: Locator;
  readonly createButton: Locator;
  readonly errorAlert: Locator;
  readonly preview: Locator;
  /** The YAML editor that "Edit YAML" opens in place of the form. */
  readonly yamlEditor: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.name = this.main.getByRole('textbox', { name: 'Name', exact: true });
    this.memory = this.main.getByRole('textbox', { name: 'Memory', exact: true });
    this.labels = this.main.getByRole('textbox', { name: 'Labels', exact: true });
    this.createButton = this.main.getByRole('button', { name: 'Create', exact: true });
    this.errorAlert = page.locator('#create-vm-error');
    this.preview = this.main.getByLabel('YAML preview', { exact: true });
    this.yamlEditor = page.locator('#create-vm-yaml-editor .monaco-editor');
  }

  /** A field's error as announced with it (PatternFly adds ": error status;" for screen readers). */
  async expectFieldError(field: Locator, message: string): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(message)}( : error status;)?$`));
  }

  async goto(namespace: string): Promise<void> {
    await this.page.goto(`/k8s/ns/${namespace}/virtualmachines/~new`);
    await expect(this.main.getByRole('heading', { level: 1, name: /^Create Virtual/ })).toBeVisible();
  }

  field(name: string): Locator {
    return this.main.getByRole('textbox', { name, exact: true });
  }

  select(name: string): Locator {
    return this.main.getByRole('combobox', { name, exact: true });
  }

  async chooseKind(kind: 'VirtualMachine' | 'VirtualMachineInstance'): Promise<void> {
    await this.main.getByRole('radio', { name: kind, exact: true }).check();
  }

  async fillName(name: string): Promise<void> {
    await this.name.fill(name);
  }

  async chooseOs(label: string): Promise<void> {
    await this.select('Operating system').selectOption({ label });
  }

  /**
   * Picks a selectable card of the instance type catalog by its radio's accessible name ("U1
   * series", "u1.small"): a click on the card, as a user does (its label covers the card).
   */
  async chooseCard(name: string): Promise<void> {
    const radio = this.main.getByRole('radio', { name, exact: true });
    const id = await radio.getAttribute('id');
    await this.main.locator(`label[for="${id}"]`).click();
    await expect(radio).toBeChecked();
  }

  async chooseBootSource(source: BootSource): Promise<void> {
    await this.main.getByRole('radio', { name: source, exact: true }).check();
  }

  async fillImageUrl(url: string): Promise<void> {
    await this.field('Image URL').fill(url);
  }

  async setDiskSize(value: string, unit: 'MiB' | 'GiB' = 'GiB'): Promise<void> {
    await this.field('Disk size').fill(value);
    await this.select('Disk size unit').selectOption({ label: unit });
  }

  async setMemory(value: string, unit?: 'MiB' | 'GiB'): Promise<void> {
    await this.memory.fill(value);
    if (unit) await this.select('Memory unit').selectOption({ label: unit });
  }

  async setCloudInitUser(user: string, password: string): Promise<void> {
    await this.main.getByRole('radio', { name: 'User, password and SSH keys' }).check();
    await this.field('User').fill(user);
    await this.main.getByLabel('Password', { exact: true }).fill(password);
  }

  async setStartAfterCreate(on: boolean): Promise<void> {
    await this.main.getByRole('checkbox', { name: 'Start this VM after creation' }).setChecked(on);
  }

  async setLabels(text: string): Promise<void> {
    await this.labels.fill(text);
  }

  async create(): Promise<void> {
    await this.createButton.click();
  }

  async editYaml(): Promise<void> {
    await this.main.getByRole('button', { name: 'Edit YAML' }).click();
    await expect(this.main.getByRole('button', { name: 'Back to form' })).toBeVisible();
  }

  /** Leaves the YAML editor for the form. */
  async backToForm(): Promise<void> {
    await this.main.getByRole('button', { name: 'Back to form' }).click();
    await expect(this.name).toBeVisible();
  }

  /** Waits for the details page of the new VM. */
  async expectDetails(namespace: string, name: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/k8s/ns/${namespace}/virtualmachines/${name}(/|$)`));
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
