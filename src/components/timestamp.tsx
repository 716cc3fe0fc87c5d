import { absoluteTime, relativeTime } from '../lib/time';
import { LazyTooltip } from './lazy-popups/lazy-tooltip';

/** Relative time with the exact time as a native title, not a Tooltip component: cheaper for a page of rows. */
export function CellTimestamp({ value }: { value: string | undefined }) {
  if (!value) return <>-</>;
  return (
    <time dateTime={value} title={absoluteTime(value)}>
      {relativeTime(value)}
    </time>
  );
}

/** Relative time ("3 minutes ago") with the exact time in a tooltip and a <time> element. */
export function Timestamp({ value }: { value: string | undefined }) {
  if (!value) return <>-</>;
  return (
    <LazyTooltip content={absoluteTime(value)}>
      <time dateTime={value}>{relativeTime(value)}</time>
    </LazyTooltip>
  );
}
