import { EmptyState, EmptyStateActions, EmptyStateBody, EmptyStateFooter } from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons/dist/esm/icons/cubes-icon';
import type { ComponentType, ReactNode } from 'react';

export interface EmptyStateViewProps {
  title: string;
  children?: ReactNode;
  /** Buttons or links, for example "Create VirtualMachine". */
  actions?: ReactNode;
  icon?: ComponentType;
}

export function EmptyStateView({ title, children, actions, icon = CubesIcon }: EmptyStateViewProps) {
  return (
    <EmptyState titleText={title} headingLevel="h2" icon={icon} className="kv-state">
      {children && <EmptyStateBody>{children}</EmptyStateBody>}
      {actions && (
        <EmptyStateFooter>
          <EmptyStateActions>{actions}</EmptyStateActions>
        </EmptyStateFooter>
      )}
    </EmptyState>
  );
}
