import { MenuToggle, type MenuToggleElement } from '@patternfly/react-core';
import { ColumnsIcon } from '@patternfly/react-icons/dist/esm/icons/columns-icon';
import { lazy, Suspense, useState, type Ref } from 'react';
import type { OptionalColumn } from './columns';

const ColumnChooserMenu = lazy(() => import('./column-chooser-menu').then((m) => ({ default: m.ColumnChooserMenu })));

export interface ColumnChooserProps {
  shown: readonly OptionalColumn[];
  onChange: (columns: readonly OptionalColumn[]) => void;
}

export function ColumnChooserToggle({
  ref,
  isExpanded,
  onClick,
  autoFocus,
}: {
  ref?: Ref<MenuToggleElement>;
  isExpanded: boolean;
  onClick: () => void;
  autoFocus?: boolean;
}) {
  return (
    <MenuToggle
      ref={ref}
      id="vm-columns"
      icon={<ColumnsIcon />}
      onClick={onClick}
      isExpanded={isExpanded}
      autoFocus={autoFocus}
      aria-label="Manage columns"
    >
      Columns
    </MenuToggle>
  );
}

/** A select of the optional columns with checkboxes; its menu's code loads on the first click. */
export function ColumnChooser(props: ColumnChooserProps) {
  const [used, setUsed] = useState(false);
  const toggle = <ColumnChooserToggle isExpanded={false} onClick={() => setUsed(true)} />;
  if (!used) return toggle;
  return (
    <Suspense fallback={toggle}>
      <ColumnChooserMenu {...props} />
    </Suspense>
  );
}
