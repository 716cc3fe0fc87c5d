import { Button, Switch, ToggleGroup, ToggleGroupItem, ToolbarItem } from '@patternfly/react-core';
import { CameraIcon } from '@patternfly/react-icons/dist/esm/icons/camera-icon';
import { PasteIcon } from '@patternfly/react-icons/dist/esm/icons/paste-icon';
import { ConsoleToolbar, type ConsoleToolbarBase } from './console-toolbar';
import type { KeyCombo } from './keysyms';
import { SendKeysMenu } from './send-keys-menu';

export type VncScale = 'fit' | 'native';

export interface VncToolbarProps extends ConsoleToolbarBase {
  connected: boolean;
  viewOnly: boolean;
  scale: VncScale;
  onSendKeys: (combo: KeyCombo) => void;
  onPaste: () => void;
  onScreenshot: () => void;
  onScale: (scale: VncScale) => void;
  onViewOnly: (on: boolean) => void;
}

export function VncToolbar(p: VncToolbarProps) {
  const typing = p.connected && !p.viewOnly;
  return (
    <ConsoleToolbar
      {...p}
      label="VNC console actions"
      actions={
        <>
          <ToolbarItem>
            <SendKeysMenu onSend={p.onSendKeys} isDisabled={!typing} />
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<PasteIcon />} onClick={p.onPaste} isDisabled={!typing}>
              Paste
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="secondary" icon={<CameraIcon />} onClick={p.onScreenshot} isDisabled={!p.connected}>
              Screenshot
            </Button>
          </ToolbarItem>
        </>
      }
      end={
        <>
          <ToolbarItem>
            <ToggleGroup aria-label="Scaling">
              <ToggleGroupItem
                text="Fit"
                buttonId={`${p.id}-fit`}
                isSelected={p.scale === 'fit'}
                onChange={() => p.onScale('fit')}
              />
              <ToggleGroupItem
                text="1:1"
                aria-label="1:1 (actual size)"
                buttonId={`${p.id}-native`}
                isSelected={p.scale === 'native'}
                onChange={() => p.onScale('native')}
              />
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem alignSelf="center">
            <Switch
              id={`${p.id}-view-only`}
              label="View only"
              isChecked={p.viewOnly}
              onChange={(_e, on) => p.onViewOnly(on)}
            />
          </ToolbarItem>
        </>
      }
    />
  );
}
