import type { ButtonProps } from '@patternfly/react-core';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { ReasonButton } from '../../../components/disabled-reason';

type Props = Omit<ButtonProps, 'component' | 'href' | 'onClick'> & {
  to: string;
  /** Why the link leads nowhere now (the user may not do what it offers): disabled, with the reason. */
  disabledReason?: string;
};

/** A PatternFly button that is a real link (opens in a new tab with a modifier key). */
export function ButtonLink({ to, disabledReason, ...props }: Props) {
  const navigate = useNavigate();
  const onClick = (e: MouseEvent) => {
    if (disabledReason || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    void navigate(to);
  };
  return <ReasonButton component="a" href={to} onClick={onClick} disabledReason={disabledReason} {...props} />;
}
