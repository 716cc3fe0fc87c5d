/** What the shared action toolbars and menus draw: one action, enabled or disabled with its reason. */
export interface ActionItem {
  id: string;
  label: string;
  /** Set when the action is unavailable: shown disabled with this text, never hidden. */
  disabledReason?: string;
}
