import { Button, type ButtonProps } from '@patternfly/react-core';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/** A PatternFly button that is a real link (opens in a new tab with a modifier key). */
export function ButtonLink({ to, ...props }: Omit<ButtonProps, 'component' | 'href' | 'onClick'> & { to: string }) {
  const navigate = useNavigate();
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    void navigate(to);
  };
  return <Button component="a" href={to} onClick={onClick} {...props} />;
}
