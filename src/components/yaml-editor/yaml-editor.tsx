import { lazy, Suspense } from 'react';
import { LoadingState } from '../loading-state';
import type { YamlEditorProps } from './yaml-editor-props';

// Monaco is large: it is its own chunk, fetched the first time an editor is shown.
const MonacoYamlEditor = lazy(async () => ({ default: (await import('./monaco-yaml-editor')).MonacoYamlEditor }));

/**
 * A YAML code editor (Monaco, bundled, loaded lazily) that follows the console's theme.
 * Its textbox is named "YAML editor" unless `ariaLabel` says otherwise.
 */
export function YamlEditor(props: YamlEditorProps) {
  return (
    <Suspense fallback={<LoadingState label="Loading the YAML editor" />}>
      <MonacoYamlEditor {...props} />
    </Suspense>
  );
}
