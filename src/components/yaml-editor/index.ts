export { YamlEditor } from './yaml-editor';
export type { YamlEditorProps } from './yaml-editor-props';
export { parseYamlObject, toYamlText, type YamlObjectResult, type YamlPosition, type YamlProblem } from './yaml-text';
