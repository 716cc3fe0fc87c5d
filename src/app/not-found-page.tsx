import { Button, PageSection } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons/dist/esm/icons/search-icon';
import { useLocation } from 'react-router';
import { EmptyStateView } from '../components/empty-state';
import { HomeLink } from './home-link';

/** Route `*`: a path the console does not know. */
export function NotFoundPage() {
  const location = useLocation();
  return (
    <PageSection isFilled>
      <EmptyStateView
        title="Page not found"
        icon={SearchIcon}
        actions={
          <Button variant="primary" component={HomeLink}>
            Go to the console home
          </Button>
        }
      >
        There is nothing at <code>{location.pathname}</code>.
      </EmptyStateView>
    </PageSection>
  );
}
