/**
 * The VM list's optional columns (CPU, memory, instance type): off by default, the choice kept in
 * localStorage (one comma-separated preference), so it holds across pages, reloads and tabs.
 */
import { useCallback, useMemo } from 'react';
import { usePreference } from '../../../app/persistent-state';

export const OPTIONAL_COLUMNS = ['cpu', 'memory', 'instancetype'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export const OPTIONAL_COLUMN_TITLES: Record<OptionalColumn, string> = {
  cpu: 'CPU',
  memory: 'Memory',
  instancetype: 'Instance type',
};

export const COLUMNS_PREFERENCE = 'vm-list.columns';

/** "memory,cpu,bogus" → ['cpu', 'memory'] (display order; unknown names dropped). */
export function parseColumns(value: string | null): OptionalColumn[] {
  const wanted = new Set((value ?? '').split(',').map((s) => s.trim()));
  return OPTIONAL_COLUMNS.filter((c) => wanted.has(c));
}

export const writeColumns = (columns: readonly OptionalColumn[]): string => parseColumns(columns.join(',')).join(',');

/** The shown optional columns (a stable array while the preference is unchanged) and their setter. */
export function useVmColumns(): [readonly OptionalColumn[], (columns: readonly OptionalColumn[]) => void] {
  const [raw, setRaw] = usePreference(COLUMNS_PREFERENCE, '');
  const columns = useMemo(() => parseColumns(raw), [raw]);
  const set = useCallback((c: readonly OptionalColumn[]) => setRaw(writeColumns(c)), [setRaw]);
  return [columns, set];
}
