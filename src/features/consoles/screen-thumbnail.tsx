import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { fetchVncScreenshot } from '../../k8s/console';
import { k8sKeys } from '../../k8s/query-keys';
import './consoles.css';

/** How often a visible thumbnail asks for a new screenshot. */
export const THUMBNAIL_REFRESH_MS = 5_000;

/** Whether the element is (at least partly) on screen. */
function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}

export interface ScreenThumbnailProps {
  namespace: string;
  name: string;
  running: boolean;
}

/**
 * The VMI's screen (GET .../vnc/screenshot), refreshed every few seconds while on screen and the
 * page is visible (react-query pauses intervals in hidden pages), shown through an object URL.
 */
export function ScreenThumbnail({ namespace, name, running }: ScreenThumbnailProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const imgRef = useRef<HTMLImageElement>(null);
  const inView = useInView(boxRef);
  const shot = useQuery({
    queryKey: k8sKeys.vncScreenshot(namespace, name),
    queryFn: ({ signal }) => fetchVncScreenshot({ namespace, name }, signal),
    enabled: running && inView,
    refetchInterval: THUMBNAIL_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
  });
  const blob = running ? shot.data : undefined;

  // The object URL lives as long as its blob is shown.
  useEffect(() => {
    const img = imgRef.current;
    if (!img || !blob) return;
    const url = URL.createObjectURL(blob);
    img.src = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);

  const label = `Screen of ${name}`;
  const placeholder = !running ? 'Not running' : shot.error ? 'No screenshot' : 'Loading screen…';
  return (
    <div ref={boxRef} id={`vm-${namespace}-${name}-thumbnail`}>
      <img ref={imgRef} className="kv-vm-thumbnail" alt={label} hidden={!blob} />
      {!blob && (
        <div className="kv-vm-thumbnail kv-vm-thumbnail--empty" role="img" aria-label={`${label}: ${placeholder}`}>
          {placeholder}
        </div>
      )}
    </div>
  );
}
