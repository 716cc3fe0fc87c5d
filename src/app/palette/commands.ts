/** One line of the palette: an object to go to, or something to do to the chosen VM. */
export interface PaletteCommand {
  /** Unique in the list; the option's id is made from it. */
  id: string;
  label: string;
  /** What kind of object (VM, VMI, Service, Namespace) or "Action". */
  badge?: string;
  /** The namespace, a hint, or why the command is disabled. */
  description?: string;
  /** Why it cannot run now (the same reasons as the menus); unset when it can. */
  disabledReason?: string;
  danger?: boolean;
  /** Indexes of the label's characters the query matched (highlighted). */
  indexes?: readonly number[];
  /** Runs it: picking an object may open its commands instead of leaving the palette. */
  run: () => void;
}
