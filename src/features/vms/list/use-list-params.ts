import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PrintableStatus } from '../status/printable-status';
import { parseListParams, writeListParams, type ListParams, type SortColumn, type SortDirection } from './list-params';

/**
 * The list view kept in the URL. The filter box keeps its own text so typing never waits for a
 * navigation; the URL follows each keystroke (replace, not push) and wins when it changes
 * elsewhere (back button, a shared link).
 */
export function useListParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseListParams(search), [search]);
  const [text, setText] = useState(params.text);
  const [urlText, setUrlText] = useState(params.text);
  if (urlText !== params.text) {
    // The URL's filter changed (not by typing here): show it.
    setUrlText(params.text);
    setText(params.text);
  }

  const update = useCallback(
    (change: Partial<ListParams>, replace = true) =>
      setSearch((prev) => writeListParams({ ...parseListParams(prev), ...change }, prev), { replace }),
    [setSearch],
  );

  const onText = useCallback(
    (value: string) => {
      setText(value);
      setUrlText(value);
      update({ text: value, page: 1 });
    },
    [update],
  );
  const onStatuses = useCallback((statuses: PrintableStatus[]) => update({ statuses, page: 1 }, false), [update]);
  const onSort = useCallback((sort: SortColumn, direction: SortDirection) => update({ sort, direction }, false), [update]);
  const onPage = useCallback((page: number, perPage: number) => update({ page, perPage }, false), [update]);
  const onClearFilters = useCallback(() => {
    setText('');
    setUrlText('');
    update({ text: '', statuses: [], page: 1 }, false);
  }, [update]);

  return { params, text, onText, onStatuses, onSort, onPage, onClearFilters };
}
