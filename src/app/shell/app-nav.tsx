import { Nav, NavItem, NavList } from '@patternfly/react-core';
import { NavLink, useLocation } from 'react-router';
import { namespaceOf, namespacedPath, parseNamespacedPath, type NamespaceChoice } from '../../lib/routes';

export const NAV_ITEMS = [
  { resource: 'overview', label: 'Overview' },
  { resource: 'virtualmachines', label: 'Virtual machines' },
  { resource: 'virtualmachineinstances', label: 'VirtualMachine instances' },
  { resource: 'migrations', label: 'Migrations' },
  { resource: 'services', label: 'Services' },
  { resource: 'bootablevolumes', label: 'Bootable volumes' },
  { resource: 'import', label: 'Import YAML' },
] as const;

/** The sidebar: one link per area, in the current namespace. */
export function AppNav({ namespace }: { namespace: NamespaceChoice }) {
  const location = useLocation();
  const current = parseNamespacedPath(location.pathname)?.resource;
  return (
    <Nav aria-label="Main navigation" id="main-navigation">
      <NavList>
        {NAV_ITEMS.map((item) => (
          <NavItem key={item.resource} itemId={item.resource} isActive={current === item.resource}>
            <NavLink to={namespacedPath(item.resource, namespaceOf(namespace))} id={`nav-${item.resource}`}>
              {item.label}
            </NavLink>
          </NavItem>
        ))}
        <NavItem itemId="cluster" isActive={location.pathname === '/cluster'}>
          <NavLink to="/cluster" id="nav-cluster">
            Cluster
          </NavLink>
        </NavItem>
      </NavList>
    </Nav>
  );
}
