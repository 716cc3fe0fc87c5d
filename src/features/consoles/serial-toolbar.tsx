import {
  Button,
  TextInputGroup,
  TextInputGroupMain,
  TextInputGroupUtilities,
  ToolbarItem,
} from '@patternfly/react-core';
import { AngleDownIcon } from '@patternfly/react-icons/dist/esm/icons/angle-down-icon';
import { AngleUpIcon } from '@patternfly/react-icons/dist/esm/icons/angle-up-icon';
import { CopyIcon } from '@patternfly/react-icons/dist/esm/icons/copy-icon';
import { DownloadIcon } from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { EraserIcon } from '@patternfly/react-icons/dist/esm/icons/eraser-icon';
import { PasteIcon } from '@patternfly/react-icons/dist/esm/icons/paste-icon';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { useState } from 'react';
import { ConsoleToolbar, type ConsoleToolbarBase } from './console-toolbar';

export interface SearchResults {
  index: number;
  count: number;
}

export interface SerialToolbarProps extends ConsoleToolbarBase {
  connected: boolean;
  hasSelection: boolean;
  results: SearchResults | undefined;
  onCopy: () => void;
  onPaste: () => void;
  onClear: () => void;
  onDownload: () => void;
  onSearch: (term: string, direction: 'next' | 'previous') => void;
}

function resultsText(r: SearchResults | undefined, term: string): string {
  if (!term || !r) return '';
  if (r.count === 0) return 'No matches';
  return r.index >= 0 ? `${r.index + 1} of ${r.count}` : `${r.count} matches`;
}

export function SerialToolbar(p: SerialToolbarProps) {
  const [term, setTerm] = useState('');
  return (
    <ConsoleToolbar
      {...p}
      label="Serial console actions"
      actions={
        <>
          <ToolbarItem>
            <Button variant="secondary" icon={<CopyIcon />} onClick={p.onCopy} isDisabled={!p.hasSelection}>
              Copy
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<PasteIcon />} onClick={p.onPaste} isDisabled={!p.connected}>
              Paste
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<EraserIcon />} onClick={p.onClear}>
              Clear
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<DownloadIcon />} onClick={p.onDownload}>
              Download transcript
            </Button>
          </ToolbarItem>
        </>
      }
      end={
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
                <span aria-live="polite" className="pf-v6-u-font-size-sm">
                  {resultsText(p.results, term)}
                </span>
                <Button
                  variant="plain"
                  aria-label="Previous match"
                  icon={<AngleUpIcon />}
                  isDisabled={!term}
                  onClick={() => p.onSearch(term, 'previous')}
                />
                <Button
                  variant="plain"
                  aria-label="Next match"
                  icon={<AngleDownIcon />}
                  isDisabled={!term}
                  onClick={() => p.onSearch(term, 'next')}
                />
              </TextInputGroupUtilities>
            </TextInputGroup>
          </form>
        </ToolbarItem>
      }
    />
  );
}
