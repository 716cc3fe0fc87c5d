import { Button } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The masthead's way into the command palette, for the mouse and for whoever does not know Ctrl+K.
 * It announces the shortcut (aria-keyshortcuts): the shortcuts listen from the first page on
 * (src/app/shell/use-keyboard-layer.tsx).
 */
export function PaletteButton({ onClick }: { onClick: () => void }) {
  const keys = isMac() ? '⌘K' : 'Ctrl+K';
  return (
    <Button
      id="command-palette-button"
      variant="control"
      icon={<SearchIcon />}
      onClick={onClick}
      // The visible text first (axe: label-content-name-mismatch), then what it opens.
      aria-label={`Go to… ${keys} (command palette)`}
      aria-keyshortcuts="Control+K Meta+K"
      className="kv-palette-button"
    >
      <span className="kv-palette-button__text">Go to…</span> <kbd className="kv-palette-button__keys">{keys}</kbd>
    </Button>
  );
}
