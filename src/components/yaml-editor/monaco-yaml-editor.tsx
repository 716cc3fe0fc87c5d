import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { LoadingState } from '../loading-state';
import { monaco } from './monaco-setup';
import { useDarkTheme } from './use-dark-theme';
import type { YamlEditorProps } from './yaml-editor-props';
import { parseYamlObject } from './yaml-text';
import './yaml-editor.css';

type CodeEditor = Parameters<OnMount>[0];

const MARKER_OWNER = 'kubevirt-console-yaml';

/** Shows YAML syntax problems as editor markers (red squiggles, also read by screen readers). */
function markProblems(editor: CodeEditor, validate: boolean): void {
  const model = editor.getModel();
  if (!model) return;
  const text = model.getValue();
  const result = validate && text.trim() ? parseYamlObject(text) : { ok: true as const };
  const markers = result.ok
    ? []
    : result.problems.map((p) => ({
        severity: monaco.MarkerSeverity.Error,
        message: p.message,
        startLineNumber: p.start?.line ?? 1,
        startColumn: p.start?.column ?? 1,
        endLineNumber: p.end?.line ?? p.start?.line ?? 1,
        endColumn: p.end?.column ?? (p.start ? p.start.column + 1 : model.getLineMaxColumn(1)),
      }));
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}

/** The Monaco editor itself; loaded in its own chunk by YamlEditor. */
export function MonacoYamlEditor({
  value,
  onChange,
  readOnly = false,
  height = 'min(65vh, 720px)',
  ariaLabel = 'YAML editor',
  id,
  onSave,
  validate = true,
}: YamlEditorProps) {
  const dark = useDarkTheme();
  const editorRef = useRef<CodeEditor | null>(null);
  // The latest callbacks, read by the Ctrl+S command registered once on mount.
  const onSaveRef = useRef(onSave);
  useEffect(() => {
    onSaveRef.current = onSave;
  }, [onSave]);

  useEffect(() => {
    if (editorRef.current) markProblems(editorRef.current, validate);
  }, [value, validate]);

  const handleMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.KeyS, () => onSaveRef.current?.());
    markProblems(editor, validate);
  };

  return (
    <div id={id} className="kv-yaml-editor" data-readonly={readOnly || undefined}>
      <Editor
        height={height}
        language="yaml"
        value={value}
        theme={dark ? 'vs-dark' : 'vs'}
        onChange={(v) => onChange?.(v ?? '')}
        onMount={handleMount}
        loading={<LoadingState label="Loading the YAML editor" />}
        options={{
          ariaLabel,
          readOnly,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          insertSpaces: true,
          detectIndentation: false,
          wordWrap: 'off',
          renderWhitespace: 'selection',
          fontSize: 14,
          // PatternFly's monospace face (bundled with its base CSS); Monaco measures it itself, so no CSS variable.
          fontFamily: '"Red Hat Mono", "Liberation Mono", Menlo, Consolas, monospace',
          quickSuggestions: false,
          folding: true,
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
