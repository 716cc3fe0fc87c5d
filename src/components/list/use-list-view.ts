import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseListView,
  writeListView,
  type ListView,
  type ListViewSpec,
  type SortDirection,
} from '../../lib/list-params';

/** How long after the last keystroke the filter goes into the URL. */
const URL_DELAY_MS = 250;

/**
 * A list's view kept in the URL (see src/lib/list-params.ts). The filter box keeps its own text,
 * which the table filters on at once; the URL follows a moment after typing stops (replace, not
 * push: a navigation per keystroke re-renders the whole shell) and wins when it changes elsewhere
 * (back button, a shared link). `spec` must be a constant.
 */
export function useListView<S extends string, C extends string>(spec: ListViewSpec<S, C>) {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseListView(spec, search), [spec, search]);
  const [text, setText] = useState(params.text);
  // The URL's filter as last seen, and the last filter this box wrote to it. The router applies a
  // write some time after it is asked (a navigation): until then the URL still holds the older
  // text, which must not overwrite what is typed in the meantime. A URL text that is neither is a
  // change made elsewhere and replaces the box's text.
  const [seen, setSeen] = useState(params.text);
  const [written, setWritten] = useState(params.text);
  if (seen !== params.text) {
    setSeen(params.text);
    if (params.text !== written) {
      setWritten(params.text);
      setText(params.text);
    }
  }

  // From the URL as it is when the change is made, not as a render saw it: the filter's delayed
  // update must not undo a sort, status or page change made while it waited.
  const update = useCallback(
    (change: Partial<ListView<S, C>>, replace = true) => {
      const current = new URLSearchParams(window.location.search);
      setSearch(writeListView(spec, { ...parseListView(spec, current), ...change }, current), { replace });
    },
    [spec, setSearch],
  );

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onText = useCallback(
    (value: string) => {
      setText(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        setWritten(value);
        update({ text: value, page: 1 });
      }, URL_DELAY_MS);
    },
    [update],
  );
  const onStatuses = useCallback((statuses: S[]) => update({ statuses, page: 1 }, false), [update]);
  const onSort = useCallback((sort: C, direction: SortDirection) => update({ sort, direction }, false), [update]);
  const onPage = useCallback((page: number, perPage: number) => update({ page, perPage }, false), [update]);
  const onClearFilters = useCallback(() => {
    clearTimeout(timer.current);
    setText('');
    setWritten('');
    update({ text: '', statuses: [], page: 1 }, false);
  }, [update]);

  return { params, text, onText, onStatuses, onSort, onPage, onClearFilters };
}
