import { toYamlText } from '../../../components/yaml-editor/yaml-text';
import type { VM } from '../../../kubevirt/vm-selectors';
import type { Snapshot } from './yaml-edit-state';

/**
 * The VM as the editor shows it: everything but metadata.managedFields (noise for people; a PUT
 * without them keeps the server's).
 */
export function vmSnapshot(vm: VM): Snapshot {
  const { managedFields: _managed, ...metadata } = vm.metadata ?? {};
  return { resourceVersion: metadata.resourceVersion ?? '', text: toYamlText({ ...vm, metadata }) };
}
