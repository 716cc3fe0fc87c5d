import { Button, TextInputGroup, TextInputGroupMain, TextInputGroupUtilities, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import { AngleDownIcon } from '@patternfly/react-icons/dist/esm/icons/angle-down-icon';
import { AngleUpIcon } from '@patternfly/react-icons/dist/esm/icons/angle-up-icon';
import { CompressIcon } from '@patternfly/react-icons/dist/esm/icons/compress-icon';
import { CopyIcon } from '@patternfly/react-icons/dist/esm/icons/copy-icon';
import { DownloadIcon } from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { EraserIcon } from '@patternfly/react-icons/dist/esm/icons/eraser-icon';
import { ExpandIcon } from '@patternfly/react-icons/dist/esm/icons/expand-icon';
import { PasteIcon } from '@patternfly/react-icons/dist/esm/icons/paste-icon';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { useState, type ReactNode } from 'react';

export interface SearchResults {
  index: number;
  count: number;
}

export interface SerialToolbarProps {
  id: string;
  live: boolean;
  connected: boolean;
  hasSelection: boolean;
  fullscreen: boolean;
  results: SearchResults | undefined;
  onConnect: () => void;
  onDisconnect: () => void;
  onCopy: () => void;
  onPaste: () => void;
  onClear: () => void;
  onDownload: () => void;
  onSearch: (term: string, direction: 'next' | 'previous') => void;
  onFullscreen: () => void;
  /** Items before the actions (the console type switch). */
  leading?: ReactNode;
}

function resultsText(r: SearchResults | undefined, term: string): string {
  if (!term || !r) return '';
  if (r.count === 0) return 'No matches';
  return r.index >= 0 ? `${r.index + 1} of ${r.count}` : `${r.count} matches`;
}

export function SerialToolbar(p: SerialToolbarProps) {
  const [term, setTerm] = useState('');
  return (
    <Toolbar id={p.id} aria-label="Serial console actions" inset={{ default: 'insetNone' }} className="kv-console-toolbar">
      <ToolbarContent>
        {p.leading && <ToolbarGroup>{p.leading}</ToolbarGroup>}
        <ToolbarGroup>
          <ToolbarItem>
            {p.live ? (
              <Button variant="secondary" onClick={p.onDisconnect}>Disconnect</Button>
            ) : (
              <Button variant="primary" onClick={p.onConnect}>Connect</Button>
            )}
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<CopyIcon />} onClick={p.onCopy} isDisabled={!p.hasSelection}>Copy</Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<PasteIcon />} onClick={p.onPaste} isDisabled={!p.connected}>Paste</Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<EraserIcon />} onClick={p.onClear}>Clear</Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<DownloadIcon />} onClick={p.onDownload}>Download transcript</Button>
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarGroup>
          <ToolbarItem>
            <form
              role="search"
              aria-label="Search the scrollback"
              onSubmit={(e) => {
                e.preventDefault();
                p.onSearch(term, 'next');
              }}
            >
              <TextInputGroup className="kv-console-search">
                <TextInputGroupMain
                  icon={<SearchIcon />}
                  value={term}
                  onChange={(_e, v) => setTerm(v)}
                  placeholder="Search the scrollback"
                  aria-label="Search the scrollback"
                  inputId={`${p.id}-search`}
                />
                <TextInputGroupUtilities>
                  <span aria-live="polite" className="pf-v6-u-font-size-sm">{resultsText(p.results, term)}</span>
                  <Button variant="plain" aria-label="Previous match" icon={<AngleUpIcon />} isDisabled={!term} onClick={() => p.onSearch(term, 'previous')} />
                  <Button variant="plain" aria-label="Next match" icon={<AngleDownIcon />} isDisabled={!term} onClick={() => p.onSearch(term, 'next')} />
                </TextInputGroupUtilities>
              </TextInputGroup>
            </form>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="plain" aria-label={p.fullscreen ? 'Exit fullscreen' : 'Fullscreen'} icon={p.fullscreen ? <CompressIcon /> : <ExpandIcon />} onClick={p.onFullscreen} />
          </ToolbarItem>
        </ToolbarGroup>
      </ToolbarContent>
    </Toolbar>
  );
}
