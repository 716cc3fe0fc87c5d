import { Button, Switch, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem } from '@patternfly/react-core';
import { CameraIcon } from '@patternfly/react-icons/dist/esm/icons/camera-icon';
import { CompressIcon } from '@patternfly/react-icons/dist/esm/icons/compress-icon';
import { ExpandIcon } from '@patternfly/react-icons/dist/esm/icons/expand-icon';
import { PasteIcon } from '@patternfly/react-icons/dist/esm/icons/paste-icon';
import type { ReactNode } from 'react';
import type { KeyCombo } from './keysyms';
import { SendKeysMenu } from './send-keys-menu';

export type VncScale = 'fit' | 'native';

export interface VncToolbarProps {
  id: string;
  live: boolean;
  connected: boolean;
  viewOnly: boolean;
  scale: VncScale;
  fullscreen: boolean;
  onConnect: () => void;
  onDisconnect: () => void;
  onSendKeys: (combo: KeyCombo) => void;
  onPaste: () => void;
  onScreenshot: () => void;
  onScale: (scale: VncScale) => void;
  onViewOnly: (on: boolean) => void;
  onFullscreen: () => void;
  /** Items before the actions (the console type switch). */
  leading?: ReactNode;
}

export function VncToolbar(p: VncToolbarProps) {
  const typing = p.connected && !p.viewOnly;
  return (
    <Toolbar id={p.id} aria-label="VNC console actions" inset={{ default: 'insetNone' }} className="kv-console-toolbar">
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
            <SendKeysMenu onSend={p.onSendKeys} isDisabled={!typing} />
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<PasteIcon />} onClick={p.onPaste} isDisabled={!typing}>Paste</Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<CameraIcon />} onClick={p.onScreenshot} isDisabled={!p.connected}>Screenshot</Button>
          </ToolbarItem>
        </ToolbarGroup>
        <ToolbarGroup>
          <ToolbarItem>
            <ToggleGroup aria-label="Scaling">
              <ToggleGroupItem text="Fit" buttonId={`${p.id}-fit`} isSelected={p.scale === 'fit'} onChange={() => p.onScale('fit')} />
              <ToggleGroupItem text="1:1" aria-label="1:1 (actual size)" buttonId={`${p.id}-native`} isSelected={p.scale === 'native'} onChange={() => p.onScale('native')} />
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem alignSelf="center">
            <Switch id={`${p.id}-view-only`} label="View only" isChecked={p.viewOnly} onChange={(_e, on) => p.onViewOnly(on)} />
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="plain" aria-label={p.fullscreen ? 'Exit fullscreen' : 'Fullscreen'} icon={p.fullscreen ? <CompressIcon /> : <ExpandIcon />} onClick={p.onFullscreen} />
          </ToolbarItem>
        </ToolbarGroup>
      </ToolbarContent>
    </Toolbar>
  );
}
