import { Dropdown, DropdownItem, DropdownList, MenuToggle, type MenuToggleElement } from '@patternfly/react-core';
import { KeyboardIcon } from '@patternfly/react-icons/dist/esm/icons/keyboard-icon';
import { useState, type Ref } from 'react';
import { KEY_COMBOS, type KeyCombo } from './keysyms';

/** "Send key": key combinations a browser would keep for itself (Ctrl+Alt+Del, Ctrl+Alt+Fn, ...). */
export function SendKeysMenu({ onSend, isDisabled }: { onSend: (combo: KeyCombo) => void; isDisabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <Dropdown
      isOpen={open}
      onOpenChange={setOpen}
      onSelect={(_e, id) => {
        const combo = KEY_COMBOS.find((c) => c.id === id);
        setOpen(false);
        if (combo) onSend(combo);
      }}
      toggle={(ref: Ref<MenuToggleElement>) => (
        <MenuToggle ref={ref} icon={<KeyboardIcon />} isExpanded={open} isDisabled={isDisabled} onClick={() => setOpen((o) => !o)}>
          Send key
        </MenuToggle>
      )}
      shouldFocusToggleOnSelect
      popperProps={{ position: 'left' }}
    >
      <DropdownList aria-label="Keys to send">
        {KEY_COMBOS.map((c) => (
          <DropdownItem key={c.id} value={c.id}>
            {c.label}
          </DropdownItem>
        ))}
      </DropdownList>
    </Dropdown>
  );
}
