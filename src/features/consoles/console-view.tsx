import { Button, ToggleGroup, ToggleGroupItem, ToolbarItem } from '@patternfly/react-core';
import { ExternalLinkAltIcon } from '@patternfly/react-icons/dist/esm/icons/external-link-alt-icon';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../../components/loading-state';
import type { ConsoleKind } from './diagnose';
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
}

/** The VNC or serial console of a VM or VMI, with the type switch in its toolbar. */
export function ConsoleView({ owner, namespace, name, kind, onKindChange, fill, showOpenInNewTab }: ConsoleViewProps) {
  const leading = (
    <ToolbarItem>
      <ToggleGroup aria-label="Console type">
        <ToggleGroupItem text="VNC" buttonId="console-type-vnc" isSelected={kind === 'vnc'} onChange={() => onKindChange('vnc')} />
        <ToggleGroupItem text="Serial" buttonId="console-type-serial" isSelected={kind === 'serial'} onChange={() => onKindChange('serial')} />
      </ToggleGroup>
    </ToolbarItem>
  );
  const statusActions = showOpenInNewTab && (
    <Button
      component="a"
      variant="link"
      isInline
      href={standaloneConsolePath(owner, namespace, name, kind)}
      target="_blank"
      rel="noopener noreferrer"
      icon={<ExternalLinkAltIcon />}
      iconPosition="end"
    >
      Open in new tab
    </Button>
  );
  const vmName = owner === 'virtualmachines' ? name : undefined;
  return (
    <Suspense fallback={<LoadingState label={kind === 'vnc' ? 'Loading the VNC console' : 'Loading the serial console'} />}>
      {kind === 'vnc' ? (
        <VncConsole
          key={`${namespace}/${name}`}
          namespace={namespace}
          vmiName={name}
          vmName={vmName}
          leading={leading}
          statusActions={statusActions}
          fill={fill}
        />
      ) : (
        <SerialConsole
          key={`${namespace}/${name}`}
          namespace={namespace}
          vmiName={name}
          vmName={vmName}
          leading={leading}
          statusActions={statusActions}
          fill={fill}
        />
      )}
    </Suspense>
  );
}
