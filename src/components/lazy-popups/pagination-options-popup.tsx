// The per-page menu of pagination-options-menu.tsx (loaded on the toggle's first click): what
// PatternFly's PaginationOptionsMenu draws and does around its toggle, with the open state given.
import { Menu, MenuContent, MenuItem, MenuList, Popper } from '@patternfly/react-core';
import type { PaginationOptionsMenuProps } from '@patternfly/react-core/dist/esm/components/Pagination/PaginationOptionsMenu.js';
import { css } from '@patternfly/react-styles';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { useOpenAfterMount } from './use-open-after-mount';

export interface PaginationOptionsPopupProps extends PaginationOptionsMenuProps {
  isOpen: boolean;
  setOpen: (open: boolean) => void;
  toggleRef: RefObject<HTMLElement | null>;
}

/** Focuses the menu's first enabled item when drawn, as PatternFly's menu does when its toggle opens it. */
function FocusFirstItem({
  menuRef,
  preventScroll,
}: {
  menuRef: RefObject<HTMLElement | null>;
  preventScroll: boolean;
}) {
  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('li button:not(:disabled)')?.focus({ preventScroll });
  }, [menuRef, preventScroll]);
  return null;
}

export function PaginationOptionsPopup(props: PaginationOptionsPopupProps) {
  const { isOpen, setOpen, toggleRef, className, page = 1, itemCount = 0, perPage = 0, perPageOptions = [] } = props;
  const { isLastFullPageShown = false, perPageSuffix = 'per page', onPerPageSelect, dropDirection = 'down' } = props;
  const { minWidth, appendTo, containerRef, shouldPreventScrollOnItemFocus = true } = props;
  const menuRef = useRef<HTMLDivElement>(null);
  const mounted = useOpenAfterMount();
  const shown = isOpen && mounted;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as Node | null;
      const inMenu = isOpen && menuRef.current?.contains(target);
      if ((inMenu || toggleRef.current?.contains(target)) && (event.key === 'Escape' || event.key === 'Tab')) {
        setOpen(false);
        toggleRef.current?.focus();
      }
    };
    const onClick = (event: globalThis.MouseEvent) => {
      const target = event.target as Node | null;
      if (isOpen && !toggleRef.current?.contains(target) && !menuRef.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('click', onClick);
    };
  }, [isOpen, setOpen, toggleRef]);

  // PatternFly's: the page that keeps showing items at the new page size.
  const choose = (event: MouseEvent | KeyboardEvent, newPerPage: number) => {
    let newPage = page;
    while (Math.ceil(itemCount / newPerPage) < newPage) newPage--;
    if (isLastFullPageShown && itemCount / newPerPage !== newPage) {
      while (newPage > 1 && itemCount - newPerPage * newPage < 0) newPage--;
    }
    onPerPageSelect?.(event, newPerPage, newPage, (newPage - 1) * newPerPage, newPage * newPerPage);
  };

  const menu = (
    <Menu
      className={css(className)}
      ref={menuRef}
      onSelect={() => {
        setOpen(false);
        toggleRef.current?.focus();
      }}
    >
      <MenuContent>
        <MenuList>
          {perPageOptions.map(({ value, title }) => (
            <MenuItem
              key={value}
              data-action={`per-page-${value}`}
              isSelected={perPage === value}
              onClick={(event) => choose(event, value ?? 0)}
            >
              {title}
              {` ${perPageSuffix}`}
            </MenuItem>
          ))}
        </MenuList>
        {/* Mounted at each opening. */}
        {shown && <FocusFirstItem menuRef={menuRef} preventScroll={shouldPreventScrollOnItemFocus} />}
      </MenuContent>
    </Menu>
  );
  return (
    <Popper
      triggerRef={toggleRef}
      popper={menu}
      popperRef={menuRef}
      isVisible={shown}
      direction={dropDirection}
      appendTo={appendTo ?? (() => containerRef?.current ?? document.body)}
      minWidth={minWidth !== undefined ? minWidth : 'revert'}
    />
  );
}
