export interface YamlEditorProps {
  /** The text shown; the editor is controlled (updates keep the cursor and undo history). */
  value: string;
  /** Every edit, with the whole new text. */
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** A CSS height; default `min(65vh, 720px)`. */
  height?: string;
  /** The editor's accessible name (its textbox); default "YAML editor". */
  ariaLabel?: string;
  /** The id of the editor's outer element. */
  id?: string;
  /** Ctrl+S / Cmd+S inside the editor. */
  onSave?: () => void;
  /** Marks YAML syntax problems in the text (default true). */
  validate?: boolean;
}
