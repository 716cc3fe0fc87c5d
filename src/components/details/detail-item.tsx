import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { vmiIPs, vmiNode, type VMI } from '../../kubevirt/vmi-selectors';
import { Timestamp } from '../timestamp';

/** A "Details" card: a compact description list (two columns from md) of DetailItems. */
export function DetailsCard({
  ariaLabel,
  isFullHeight,
  children,
}: {
  /** The list's accessible name: "VirtualMachine details". */
  ariaLabel: string;
  isFullHeight?: boolean;
  children: ReactNode;
}) {
  return (
    <Card isFullHeight={isFullHeight}>
      <CardTitle component="h2">Details</CardTitle>
      <CardBody>
        <DescriptionList isCompact columnModifier={{ default: '1Col', md: '2Col' }} aria-label={ariaLabel}>
          {children}
        </DescriptionList>
      </CardBody>
    </Card>
  );
}

/** One term and its value in a details card's description list; `id` is the value's (`vm-<ns>-<name>-<field>`). */
export function DetailItem({ term, id, children }: { term: string; id: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription id={id}>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** An object's labels ("key=value", from labelPairs) as compact labels, or `none` when it has none. */
export function LabelPairs({ labels, none }: { labels: readonly string[]; none: ReactNode }) {
  if (!labels.length) return <>{none}</>;
  return (
    <LabelGroup numLabels={10} aria-label="Labels">
      {labels.map((l) => (
        <Label key={l} isCompact color="blue" variant="outline">
          {l}
        </Label>
      ))}
    </LabelGroup>
  );
}

export interface IdentityItemsProps {
  /** The id of a field's value: `vm-<ns>-<name>-<field>`. */
  id: (field: string) => string;
  name: string;
  namespace: string;
  /** "Status", "Phase". */
  statusTerm: string;
  status: ReactNode;
  created: string | undefined;
}

/** The first items of a details card: name, namespace, status and creation time. */
export function IdentityItems({ id, name, namespace, statusTerm, status, created }: IdentityItemsProps) {
  return (
    <>
      <DetailItem term="Name" id={id('name')}>
        {name}
      </DetailItem>
      <DetailItem term="Namespace" id={id('namespace')}>
        {namespace}
      </DetailItem>
      <DetailItem term={statusTerm} id={id('overview-status')}>
        {status}
      </DetailItem>
      <DetailItem term="Created" id={id('created')}>
        <Timestamp value={created} />
      </DetailItem>
    </>
  );
}

/** Where a running instance is: its node and its IP addresses (`none` before it is scheduled or has any). */
export function PlacementItems({
  id,
  vmi,
  none,
}: {
  id: (field: string) => string;
  vmi: VMI | undefined;
  none: ReactNode;
}) {
  const ips = vmiIPs(vmi);
  return (
    <>
      <DetailItem term="Node" id={id('node')}>
        {vmiNode(vmi) ?? none}
      </DetailItem>
      <DetailItem term="IP addresses" id={id('ips')}>
        {ips.length ? ips.map((ip) => <div key={ip}>{ip}</div>) : none}
      </DetailItem>
    </>
  );
}
