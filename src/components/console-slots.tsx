import { createContext, Suspense, useContext, type ComponentType } from 'react';
import { LoadingState } from './loading-state';

/**
 * Mount points for the consoles feature in other features' pages (features never import each
 * other): the app provides the components (lazy), pages render the slots below.
 */
export interface ConsoleTabProps {
  namespace: string;
  /** The VM's or VMI's name (a VM's VMI has the VM's name). */
  name: string;
  /** Whose console: a VM (offers Start when it is not running) or a bare VMI. Default: a VM. */
  owner?: 'virtualmachines' | 'virtualmachineinstances';
}

export interface VmThumbnailProps {
  namespace: string;
  /** The VMI's name (a VM's VMI has the VM's name). */
  name: string;
}

export interface VmThumbnailGalleryProps {
  /** undefined: all namespaces. */
  namespace?: string;
}

export interface ConsoleSlots {
  ConsoleTab?: ComponentType<ConsoleTabProps>;
  VmThumbnail?: ComponentType<VmThumbnailProps>;
  VmThumbnailGallery?: ComponentType<VmThumbnailGalleryProps>;
}

export const ConsoleSlotsContext = createContext<ConsoleSlots>({});

export const useConsoleSlots = (): ConsoleSlots => useContext(ConsoleSlotsContext);

/** The VNC/serial console of a VM or VMI (nothing when no console feature is provided). */
export function ConsoleTabSlot(props: ConsoleTabProps) {
  const { ConsoleTab } = useConsoleSlots();
  if (!ConsoleTab) return null;
  return (
    <Suspense fallback={<LoadingState label="Loading the console" />}>
      <ConsoleTab {...props} />
    </Suspense>
  );
}

/** A small, refreshing screenshot of a running VMI's screen. */
export function VmThumbnailSlot(props: VmThumbnailProps) {
  const { VmThumbnail } = useConsoleSlots();
  if (!VmThumbnail) return null;
  return (
    <Suspense fallback={<LoadingState label="Loading the screen thumbnail" />}>
      <VmThumbnail {...props} />
    </Suspense>
  );
}

/** Screens of the running VMs of a namespace. */
export function VmThumbnailGallerySlot(props: VmThumbnailGalleryProps) {
  const { VmThumbnailGallery } = useConsoleSlots();
  if (!VmThumbnailGallery) return null;
  return (
    <Suspense fallback={<LoadingState label="Loading screens" />}>
      <VmThumbnailGallery {...props} />
    </Suspense>
  );
}
