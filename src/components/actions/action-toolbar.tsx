import { Button, Flex, Tooltip } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import type { ActionItem } from './action-item';

export interface ActionToolbarProps<A extends ActionItem> {
  /** "vmi-<ns>-<name>": buttons get `<prefix>-action-<id>`, their reasons `<prefix>-action-<id>-reason`. */
  idPrefix: string;
  /** The toolbar's accessible name: "Actions for web". */
  ariaLabel: string;
  actions: A[];
  icons?: Partial<Record<string, ReactNode>>;
  /** Actions drawn as danger buttons (delete). */
  danger?: readonly string[];
  onRun: (action: A) => void;
}

/**
 * A row of buttons, one per action. A disabled button stays focusable; its reason is its
 * accessible description (for keyboard and screen-reader users) and a tooltip on hover or focus.
 */
export function ActionToolbar<A extends ActionItem>({
  idPrefix,
  ariaLabel,
  actions,
  icons,
  danger = [],
  onRun,
}: ActionToolbarProps<A>) {
  return (
    <Flex role="toolbar" aria-label={ariaLabel} gap={{ default: 'gapSm' }}>
      {actions.map((a) => {
        const id = `${idPrefix}-action-${a.id}`;
        const reasonId = `${id}-reason`;
        const button = (
          <Button
            id={id}
            variant={danger.includes(a.id) && !a.disabledReason ? 'danger' : 'secondary'}
            icon={icons?.[a.id]}
            isAriaDisabled={Boolean(a.disabledReason)}
            aria-describedby={a.disabledReason ? reasonId : undefined}
            onClick={() => {
              if (!a.disabledReason) onRun(a);
            }}
          >
            {a.label}
          </Button>
        );
        if (!a.disabledReason) return <span key={a.id}>{button}</span>;
        return (
          <span key={a.id}>
            <Tooltip content={a.disabledReason} aria="none">
              {button}
            </Tooltip>
            <span id={reasonId} className="pf-v6-screen-reader">
              {a.disabledReason}
            </span>
          </span>
        );
      })}
    </Flex>
  );
}
