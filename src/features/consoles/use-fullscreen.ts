import { useCallback, useSyncExternalStore, type RefObject } from 'react';

const subscribe = (onChange: () => void) => {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
};

/** Whether `ref`'s element is the fullscreen element, and a toggle (errors, e.g. no permission, are returned). */
export function useFullscreen(ref: RefObject<HTMLElement | null>): [boolean, () => Promise<void>] {
  const element = useSyncExternalStore(subscribe, () => document.fullscreenElement);
  const toggle = useCallback(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await ref.current?.requestFullscreen();
  }, [ref]);
  // Compare in render without reading the ref: the fullscreen element carries our marker class.
  return [Boolean(element?.classList.contains('kv-console-frame')), toggle];
}
