// What PatternFly's Page imports as Drawer, DrawerContent and DrawerPanelContent in the production
// build (vite.config.ts points that import here). Page draws them only around a notification
// drawer, which the console has none of: the drawer's code (and its focus trap) stays out of the
// first page, and would load with the first notification drawer, the page's content shown meanwhile.
import type { DrawerContentProps, DrawerPanelContentProps, DrawerProps } from '@patternfly/react-core';
import { lazy, Suspense } from 'react';

const load = () => import('@patternfly/react-core/dist/esm/components/Drawer/index.js');
const RealDrawer = lazy(() => load().then((m) => ({ default: m.Drawer })));
const RealDrawerContent = lazy(() => load().then((m) => ({ default: m.DrawerContent })));
const RealDrawerPanelContent = lazy(() => load().then((m) => ({ default: m.DrawerPanelContent })));

export function Drawer(props: DrawerProps) {
  return (
    <Suspense fallback={props.children}>
      <RealDrawer {...props} />
    </Suspense>
  );
}

export function DrawerContent(props: DrawerContentProps) {
  return (
    <Suspense fallback={props.children}>
      <RealDrawerContent {...props} />
    </Suspense>
  );
}

export function DrawerPanelContent(props: DrawerPanelContentProps) {
  return (
    <Suspense fallback={null}>
      <RealDrawerPanelContent {...props} />
    </Suspense>
  );
}
