import { expect, type Locator, type Page } from '@playwright/test';

export type NavSection = 'Overview' | 'Virtual machines' | 'VirtualMachine instances' | 'Services' | 'Bootable volumes';

export const NAV_SECTIONS: readonly NavSection[] = [
  'Overview',
  'Virtual machines',
  'VirtualMachine instances',
  'Services',
  'Bootable volumes',
];

/** The masthead's choice for every namespace. */
export const ALL_NAMESPACES = 'All namespaces';

/**
 * The console's frame: masthead (namespace selector, theme switch) and sidebar navigation.
 * Every locator goes by role and accessible name.
 */
export class ShellPage {
  readonly nav: Locator;
  readonly namespaceToggle: Locator;
  readonly themeSwitch: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main navigation' });
    this.namespaceToggle = page.getByRole('button', { name: /^Namespace:/ });
    this.themeSwitch = page.getByRole('switch', { name: 'Dark theme' });
    this.main = page.getByRole('main');
  }

  /** Opens a console path ('/' by default) and waits for the shell. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.nav).toBeVisible();
  }

  navLink(section: NavSection): Locator {
    return this.nav.getByRole('link', { name: section, exact: true });
  }

  /** Follows a sidebar link and waits for the page's heading. */
  async openSection(section: NavSection): Promise<void> {
    await this.navLink(section).click();
    await expect(this.heading(section)).toBeVisible();
  }

  heading(name: string): Locator {
    return this.main.getByRole('heading', { level: 1, name, exact: true });
  }

  /** The namespace the masthead shows ("All namespaces" or a name). */
  async currentNamespace(): Promise<string> {
    const text = (await this.namespaceToggle.innerText()).replace(/^Namespace:\s*/, '');
    return text.trim();
  }

  /** The options of the open namespace menu. */
  namespaceOption(name: string): Locator {
    return this.page.getByRole('option', { name, exact: true });
  }

  async openNamespaceMenu(): Promise<void> {
    if ((await this.namespaceToggle.getAttribute('aria-expanded')) !== 'true') await this.namespaceToggle.click();
    await expect(this.namespaceOption(ALL_NAMESPACES)).toBeVisible();
  }

  /** Picks a namespace (or ALL_NAMESPACES), typing into the menu's filter first. */
  async selectNamespace(name: string): Promise<void> {
    await this.openNamespaceMenu();
    if (name !== ALL_NAMESPACES) await this.page.getByRole('searchbox', { name: 'Filter namespaces' }).fill(name);
    await this.namespaceOption(name).click();
    await expect(this.namespaceToggle).toHaveText(new RegExp(`Namespace:\\s*${escapeRegExp(name)}$`));
  }

  async isDarkTheme(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
  }

  /** Turns the dark theme on or off with the masthead switch. */
  async setDarkTheme(on: boolean): Promise<void> {
    if ((await this.themeSwitch.isChecked()) !== on) await this.themeSwitch.locator('xpath=ancestor::label[1]').click();
    await expect(this.themeSwitch).toBeChecked({ checked: on });
  }

  /** A row of a resource table by its stable id, e.g. rowById('vm', ns, name). */
  row(prefix: string, namespace: string, name: string): Locator {
    return this.page.locator(`[id="${prefix}-${namespace}-${name}"]`);
  }

  /** A cell by its stable id, e.g. cell('vm', ns, name, 'status'). */
  cell(prefix: string, namespace: string, name: string, column: string): Locator {
    return this.page.locator(`[id="${prefix}-${namespace}-${name}-${column}"]`);
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
