import { MenuToggle } from '@patternfly/react-core';
import { lazy, Suspense, useState } from 'react';
import type { VmRow } from './vm-rows';

const BulkActions = lazy(() => import('./bulk-actions').then((m) => ({ default: m.BulkActions })));

export interface LazyBulkActionsProps {
  rows: readonly VmRow[];
  onDeleted: (keys: string[]) => void;
}

/**
 * The bulk "Actions" menu, loaded once the first row is selected (it is disabled until then):
 * its action rules, access checks and delete dialog stay out of the list's first load.
 */
export function LazyBulkActions({ rows, onDeleted }: LazyBulkActionsProps) {
  const [used, setUsed] = useState(false);
  if (rows.length && !used) setUsed(true);
  const placeholder = (
    <MenuToggle id="vm-bulk-actions" isDisabled>
      {rows.length ? `Actions (${rows.length} selected)` : 'Actions'}
    </MenuToggle>
  );
  if (!used) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <BulkActions rows={rows} onDeleted={onDeleted} />
    </Suspense>
  );
}
