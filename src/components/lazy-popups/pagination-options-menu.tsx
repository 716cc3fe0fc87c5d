// Stands in for PatternFly's Pagination/PaginationOptionsMenu in the production build (vite.config.ts
// points Pagination.js's import of it here): the per-page toggle is drawn as PatternFly draws it and
// stays the same element; the menu (Menu, Popper: pagination-options-popup.tsx) loads on the toggle's
// first click and is told by state whether it is open, as PatternFly's own keeps it.
import { MenuToggle, type MenuToggleElement } from '@patternfly/react-core';
import { ToggleTemplate } from '@patternfly/react-core/dist/esm/components/Pagination/ToggleTemplate.js';
import type { PaginationOptionsMenuProps } from '@patternfly/react-core/dist/esm/components/Pagination/PaginationOptionsMenu.js';
import { fillTemplate } from '@patternfly/react-core/dist/esm/helpers/util.js';
import { css } from '@patternfly/react-styles';
import styles from '@patternfly/react-styles/css/components/Pagination/pagination';
import { lazy, Suspense, useRef, useState } from 'react';

const PaginationOptionsPopup = lazy(() => import('./real-popups').then((m) => ({ default: m.PaginationOptionsPopup })));

export function PaginationOptionsMenu(props: PaginationOptionsMenuProps) {
  const { widgetId, isDisabled = false, itemCount, optionsToggleAriaLabel, toggleTemplate } = props;
  const { firstIndex = 0, lastIndex = 0, ofWord = 'of', itemsTitle = '' } = props;
  const template = { firstIndex, lastIndex, ofWord, itemCount, itemsTitle };
  const [isOpen, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const toggleRef = useRef<MenuToggleElement>(null);
  const toggle = (
    <div className={css(styles.paginationPageMenu)}>
      <MenuToggle
        ref={toggleRef}
        onClick={() => {
          setUsed(true);
          setOpen((open) => !open);
        }}
        {...(optionsToggleAriaLabel && { 'aria-label': optionsToggleAriaLabel })}
        isDisabled={isDisabled || Boolean(itemCount && itemCount <= 0)}
        isExpanded={isOpen}
        {...(widgetId && { id: `${widgetId}-toggle` })}
        variant="plainText"
        aria-haspopup="listbox"
      >
        {toggleTemplate && typeof toggleTemplate === 'string' && fillTemplate(toggleTemplate, template)}
        {toggleTemplate && typeof toggleTemplate !== 'string' && toggleTemplate(template)}
        {!toggleTemplate && <ToggleTemplate {...template} />}
      </MenuToggle>
    </div>
  );
  return (
    <>
      {toggle}
      {used && (
        <Suspense fallback={null}>
          <PaginationOptionsPopup {...props} isOpen={isOpen} setOpen={setOpen} toggleRef={toggleRef} />
        </Suspense>
      )}
    </>
  );
}
