import { useEffect, useState } from 'react';

/**
 * Whether a menu that mounts because its toggle was just clicked may show open yet: false on mount,
 * true once that click has finished its way through the document (a task later). A PatternFly menu
 * (Select, Dropdown, a Popper with a popperRef) must not mount open: its Popper reads popperRef
 * before it draws the menu and never again, so the menu is drawn in the window's top-left corner;
 * and a menu opened during the click takes it (its target, the placeholder toggle, is gone from the
 * page) for a click outside the menu, and closes at once. Opening it as state, not by replaying the
 * click to listeners that may not be there yet, opens it on the first click whatever the timing.
 */
export function useOpenAfterMount(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setMounted(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return mounted;
}
