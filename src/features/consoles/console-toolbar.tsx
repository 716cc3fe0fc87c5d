import { Button, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import { CompressIcon } from '@patternfly/react-icons/dist/esm/icons/compress-icon';
import { ExpandIcon } from '@patternfly/react-icons/dist/esm/icons/expand-icon';
import type { ReactNode } from 'react';

/** What both consoles' toolbars have: the connection and fullscreen controls around their own items. */
export interface ConsoleToolbarBase {
  id: string;
  live: boolean;
  /** Connect can do something (not before the access review answered, never without the permission). */
  canConnect: boolean;
  /** The status line, which says why Connect is off. */
  statusId: string;
  fullscreen: boolean;
  onConnect: () => void;
  onDisconnect: () => void;
  onFullscreen: () => void;
  /** Items before the actions (the console type switch). */
  leading?: ReactNode;
}

/**
 * A console's toolbar: [leading] [Connect or Disconnect, then `actions`] [`end`, then Fullscreen].
 * `actions` and `end` are ToolbarItems.
 */
export function ConsoleToolbar({
  label,
  actions,
  end,
  ...p
}: ConsoleToolbarBase & { label: string; actions: ReactNode; end: ReactNode }) {
  return (
    <Toolbar id={p.id} aria-label={label} inset={{ default: 'insetNone' }} className="kv-console-toolbar">
      <ToolbarContent>
        {p.leading && <ToolbarGroup>{p.leading}</ToolbarGroup>}
        <ToolbarGroup>
          <ToolbarItem>
            {p.live ? (
              <Button variant="secondary" onClick={p.onDisconnect}>
                Disconnect
              </Button>
            ) : (
              <Button
                variant="primary"
                onClick={p.onConnect}
                isDisabled={!p.canConnect}
                aria-describedby={p.canConnect ? undefined : p.statusId}
              >
                Connect
              </Button>
            )}
          </ToolbarItem>
          {actions}
        </ToolbarGroup>
        <ToolbarGroup>
          {end}
          <ToolbarItem>
            <Button
              variant="plain"
              aria-label={p.fullscreen ? 'Exit fullscreen' : 'Fullscreen'}
              icon={p.fullscreen ? <CompressIcon /> : <ExpandIcon />}
              onClick={p.onFullscreen}
            />
          </ToolbarItem>
        </ToolbarGroup>
      </ToolbarContent>
    </Toolbar>
  );
}
