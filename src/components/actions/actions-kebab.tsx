import { Dropdown, DropdownItem, DropdownList, MenuToggle, type MenuToggleElement } from '@patternfly/react-core';
import { EllipsisVIcon } from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { useState, type ReactNode, type Ref } from 'react';
import type { ActionItem } from './action-item';

export interface ActionsKebabProps {
  /** The toggle's id: "vmi-<ns>-<name>-actions-toggle"; items get `<toggleId>-<action id>`. */
  toggleId: string;
  /** "Actions for web". */
  ariaLabel: string;
  /** The menu's items, mounted only while it is open (so closed kebabs ask nothing of the server). */
  children: (close: () => void) => ReactNode;
}

/** A kebab toggle and its menu, opened beside the toggle; long reasons wrap. */
export function ActionsKebab({ toggleId, ariaLabel, children }: ActionsKebabProps) {
  const [open, setOpen] = useState(false);
  const toggle = (ref?: Ref<MenuToggleElement>) => (
    <MenuToggle
      ref={ref}
      id={toggleId}
      variant="plain"
      aria-label={ariaLabel}
      isExpanded={open}
      onClick={() => setOpen((o) => !o)}
      icon={<EllipsisVIcon />}
    />
  );
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      popperProps={{ position: 'right', maxWidth: '28rem' }}
      toggle={(ref) => toggle(ref)}
    >
      {open && children(() => setOpen(false))}
    </Dropdown>
  );
}

export interface ActionMenuListProps<A extends ActionItem> {
  toggleId: string;
  actions: A[];
  /** Actions drawn as dangerous (delete) while they are enabled. */
  danger?: readonly string[];
  onPick: (action: A) => void;
}

/** The menu items of some actions: disabled ones stay, with their reason as the item's description. */
export function ActionMenuList<A extends ActionItem>({
  toggleId,
  actions,
  danger = [],
  onPick,
}: ActionMenuListProps<A>) {
  return (
    <DropdownList>
      {actions.map((a) => (
        <DropdownItem
          key={a.id}
          value={a.id}
          id={`${toggleId}-${a.id}`}
          isAriaDisabled={Boolean(a.disabledReason)}
          description={a.disabledReason}
          isDanger={danger.includes(a.id) && !a.disabledReason}
          onClick={() => {
            if (!a.disabledReason) onPick(a);
          }}
        >
          {a.label}
        </DropdownItem>
      ))}
    </DropdownList>
  );
}
