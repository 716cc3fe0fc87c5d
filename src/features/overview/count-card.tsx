import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Spinner,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { describeError } from '../../components/error-details';

export interface CountCardProps {
  id: string;
  title: string;
  count: number | undefined;
  error: unknown;
  /** The list page to open. */
  to?: string;
  /** A breakdown, e.g. VMs by status. */
  breakdown?: Array<[string, number]>;
}

/** One number of the overview, with its loading and error states. */
export function CountCard({ id, title, count, error, to, breakdown }: CountCardProps) {
  const headingId = `${id}-title`;
  let body;
  if (count === undefined && error) body = <span role="alert">{describeError(error).message}</span>;
  else if (count === undefined) body = <Spinner size="md" aria-label={`Loading ${title}`} />;
  else
    body = (
      <span className="kv-overview-count" id={`${id}-count`}>
        {count}
      </span>
    );
  return (
    <Card id={id} aria-labelledby={headingId} isCompact>
      <CardTitle component="h2" id={headingId}>
        {to ? <Link to={to}>{title}</Link> : title}
      </CardTitle>
      <CardBody>
        {body}
        {breakdown && breakdown.length > 0 && (
          <DescriptionList isHorizontal isCompact termWidth="20ch" aria-label={`${title} by status`}>
            {breakdown.map(([label, n]) => (
              <DescriptionListGroup key={label}>
                <DescriptionListTerm>{label}</DescriptionListTerm>
                <DescriptionListDescription>{n}</DescriptionListDescription>
              </DescriptionListGroup>
            ))}
          </DescriptionList>
        )}
      </CardBody>
    </Card>
  );
}
