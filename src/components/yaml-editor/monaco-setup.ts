/**
 * Monaco, bundled: the core editor API, its editor features and the YAML grammar, with the base
 * editor worker built by Vite. No CDN is ever contacted (consoles run in air-gapped clusters).
 * Only imported by the lazily loaded editor chunk.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker };
  }
}

// YAML has no language service worker: the base editor worker (diffs, links) is the only one.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

loader.config({ monaco });

export { monaco };
