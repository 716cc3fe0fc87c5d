import { Td, Th, type TdProps, type ThProps } from '@patternfly/react-table';
import { useRef } from 'react';

/*
 * PatternFly's Td and Th check whether their text is cut off (offsetWidth < scrollWidth, which
 * forces a synchronous layout) in an effect that depends on their ref. Without a ref of ours
 * they make a new one on every render, so every render of every cell lays the page out again:
 * a table that re-renders per keystroke or per watch batch pays a forced layout each time. With
 * one ref for the cell's lifetime the check runs once, at mount, as the effect intends.
 */

/** PatternFly's Td, measured for truncation once (at mount), not on every render. */
export function StableTd(props: Omit<TdProps, 'ref'>) {
  const ref = useRef<HTMLTableCellElement>(null);
  return <Td {...props} ref={ref} />;
}

/** PatternFly's Th, measured for truncation once (at mount), not on every render. */
export function StableTh(props: Omit<ThProps, 'ref'>) {
  const ref = useRef<HTMLTableCellElement>(null);
  return <Th {...props} ref={ref} />;
}
