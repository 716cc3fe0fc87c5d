import { useListView } from '../../../components/list/use-list-view';
import { VM_LIST_VIEW } from './list-params';

/** The VM list's view kept in the URL (filter, statuses, sort, page): see useListView. */
export const useListParams = () => useListView(VM_LIST_VIEW);
