import { ToggleGroup, ToggleGroupItem, ToolbarItem } from '@patternfly/react-core';
import { lazy, Suspense, useState } from 'react';
import { LoadingState } from '../../components/loading-state';
import type { ConsoleKind } from './diagnose';
import { newHandoverToken } from './handover';
import { standaloneConsolePath, type ConsoleOwner } from './paths';

// noVNC and xterm load with the console that needs them, never with the page.
const VncConsole = lazy(() => import('./vnc-console').then((m) => ({ default: m.VncConsole })));
const SerialConsole = lazy(() => import('./serial-console').then((m) => ({ default: m.SerialConsole })));

export interface ConsoleViewProps {
  owner: ConsoleOwner;
  namespace: string;
  /** The VM's or the VMI's name (a VM's VMI has its name). */
  name: string;
  kind: ConsoleKind;
  onKindChange: (kind: ConsoleKind) => void;
  /** Fill the parent's height (standalone page). */
  fill?: boolean;
  /** Offer "Open in new tab" (not on the standalone page itself). */
  showOpenInNewTab?: boolean;
  /** Opened by another tab's "Open in new tab": the token to claim its session with. */
  claimToken?: string;
}

/** The VNC or serial console of a VM or VMI, with the type switch in its toolbar. */
export function ConsoleView({
  owner,
  namespace,
  name,
  kind,
  onKindChange,
  fill,
  showOpenInNewTab,
  claimToken,
}: ConsoleViewProps) {
  // The token a new tab opened from here claims this console's session with.
  const [offerToken] = useState(newHandoverToken);
  const leading = (
    <ToolbarItem>
      <ToggleGroup aria-label="Console type">
        <ToggleGroupItem
          text="VNC"
          buttonId="console-type-vnc"
          isSelected={kind === 'vnc'}
          onChange={() => onKindChange('vnc')}
        />
        <ToggleGroupItem
          text="Serial"
          buttonId="console-type-serial"
          isSelected={kind === 'serial'}
          onChange={() => onKindChange('serial')}
        />
      </ToggleGroup>
    </ToolbarItem>
  );
  const newTab = showOpenInNewTab
    ? { href: standaloneConsolePath(owner, namespace, name, kind), token: offerToken }
    : undefined;
  const vmName = owner === 'virtualmachines' ? name : undefined;
  return (
    <Suspense
      fallback={<LoadingState label={kind === 'vnc' ? 'Loading the VNC console' : 'Loading the serial console'} />}
    >
      {kind === 'vnc' ? (
        <VncConsole
          key={`${namespace}/${name}`}
          namespace={namespace}
          vmiName={name}
          vmName={vmName}
          leading={leading}
          newTab={newTab}
          claimToken={claimToken}
          fill={fill}
        />
      ) : (
        <SerialConsole
          key={`${namespace}/${name}`}
          namespace={namespace}
          vmiName={name}
          vmName={vmName}
          leading={leading}
          newTab={newTab}
          claimToken={claimToken}
          fill={fill}
        />
      )}
    </Suspense>
  );
}
