// Stands in for PatternFly's Pagination/PaginationOptionsMenu in the production build (vite.config.ts
// points Pagination.js's import of it here): the per-page toggle is drawn as PatternFly draws it, and
// the menu (Menu, Popper) loads on the toggle's first click, which it then gets again.
import { MenuToggle } from '@patternfly/react-core';
import { ToggleTemplate } from '@patternfly/react-core/dist/esm/components/Pagination/ToggleTemplate.js';
import type { PaginationOptionsMenuProps } from '@patternfly/react-core/dist/esm/components/Pagination/PaginationOptionsMenu.js';
import { fillTemplate } from '@patternfly/react-core/dist/esm/helpers/util.js';
import { css } from '@patternfly/react-styles';
import styles from '@patternfly/react-styles/css/components/Pagination/pagination';
import { lazy, Suspense, useState } from 'react';
import { ReplayClick } from './replay-click';

const RealPaginationOptionsMenu = lazy(() =>
  import('./real-popups').then((m) => ({ default: m.PaginationOptionsMenu })),
);

/** The per-page toggle exactly as PatternFly's PaginationOptionsMenu draws it while closed. */
function Toggle({ openMenu, ...props }: PaginationOptionsMenuProps & { openMenu?: () => void }) {
  const { widgetId, isDisabled = false, itemCount, optionsToggleAriaLabel, toggleTemplate } = props;
  const { firstIndex = 0, lastIndex = 0, ofWord = 'of', itemsTitle = '' } = props;
  const template = { firstIndex, lastIndex, ofWord, itemCount, itemsTitle };
  return (
    <div className={css(styles.paginationPageMenu)}>
      <MenuToggle
        onClick={openMenu}
        {...(optionsToggleAriaLabel && { 'aria-label': optionsToggleAriaLabel })}
        isDisabled={isDisabled || Boolean(itemCount && itemCount <= 0)}
        isExpanded={false}
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
}

/**
 * What PatternFly's menu does on a user's click on its toggle (a window listener that a click sent
 * from script reaches before the menu has re-rendered open): the first enabled item takes the focus,
 * once the menu is drawn.
 */
function focusFirstItem(toggle: HTMLElement) {
  // Drawn at the end of the body; its items are the per-page choices (only one such menu is open).
  const menu = () => document.querySelector('[data-action^="per-page-"]')?.closest<HTMLElement>('.pf-v6-c-menu');
  let tries = 0;
  const look = () => {
    const item = menu()?.querySelector<HTMLElement>('li button:not(:disabled)');
    if (item) item.focus({ preventScroll: true });
    else if (toggle.getAttribute('aria-expanded') === 'true' && ++tries < 60) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

export function PaginationOptionsMenu(props: PaginationOptionsMenuProps) {
  const [used, setUsed] = useState(false);
  if (!used) return <Toggle {...props} openMenu={() => setUsed(true)} />;
  return (
    <Suspense fallback={<Toggle {...props} />}>
      <RealPaginationOptionsMenu {...props} />
      {props.widgetId && <ReplayClick targetId={`${props.widgetId}-toggle`} then={focusFirstItem} />}
    </Suspense>
  );
}
