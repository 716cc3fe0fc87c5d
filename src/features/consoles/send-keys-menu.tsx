import {
  Divider,
  Dropdown,
  DropdownItem,
  DropdownList,
  MenuToggle,
  type MenuToggleElement,
} from '@patternfly/react-core';
import { KeyboardIcon } from '@patternfly/react-icons/dist/esm/icons/keyboard-icon';
import { Fragment, useRef, useState, type Ref } from 'react';
import { KEY_COMBOS, type KeyCombo } from './keysyms';

/** Room kept between the menu's bottom and the window's. */
const MARGIN_PX = 16;
/** The menu never gets shorter than this (about five items); a smaller window scrolls the page. */
const MIN_HEIGHT_PX = 180;

/**
 * The menu's height limit: the room between the toggle and the window's bottom. The 22 keys
 * (about 800 px) do not fit under the toolbar of a 900 px window; the menu scrolls instead.
 */
export function menuMaxHeight(toggleBottom: number, windowHeight: number): number {
  return Math.max(MIN_HEIGHT_PX, Math.floor(windowHeight - toggleBottom - MARGIN_PX));
}

/** "Send key": key combinations a browser would keep for itself (Ctrl+Alt+Del, Ctrl+Alt+Fn, ...). */
export function SendKeysMenu({ onSend, isDisabled }: { onSend: (combo: KeyCombo) => void; isDisabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [maxHeight, setMaxHeight] = useState<number>();
  const toggleRef = useRef<MenuToggleElement>(null);
  const toggle = () => {
    const bottom = toggleRef.current?.getBoundingClientRect().bottom ?? 0;
    setMaxHeight(menuMaxHeight(bottom, window.innerHeight));
    setOpen((o) => !o);
  };
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
        <MenuToggle
          ref={(el) => {
            toggleRef.current = el;
            if (typeof ref === 'function') ref(el);
            else if (ref) (ref as { current: MenuToggleElement | null }).current = el;
          }}
          icon={<KeyboardIcon />}
          isExpanded={open}
          isDisabled={isDisabled}
          onClick={toggle}
        >
          Send key
        </MenuToggle>
      )}
      shouldFocusToggleOnSelect
      isScrollable
      maxMenuHeight={maxHeight === undefined ? undefined : `${maxHeight}px`}
      // Below the toggle, always: the height limit is the room under it.
      popperProps={{ position: 'left', enableFlip: false }}
    >
      <DropdownList aria-label="Keys to send">
        {KEY_COMBOS.map((c, i) => (
          <Fragment key={c.id}>
            {i > 0 && KEY_COMBOS[i - 1].group !== c.group && <Divider component="li" />}
            <DropdownItem value={c.id}>{c.label}</DropdownItem>
          </Fragment>
        ))}
      </DropdownList>
    </Dropdown>
  );
}
