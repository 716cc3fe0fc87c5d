import { PageSection, Title } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** A page's h1 title with an optional description line. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <PageSection aria-label={`${title} heading`}>
      <Title headingLevel="h1">{title}</Title>
      {children}
    </PageSection>
  );
}
