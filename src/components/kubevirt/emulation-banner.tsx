import { Banner } from '@patternfly/react-core';
import { ExclamationTriangleIcon } from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import { Link } from 'react-router';
import { usesEmulation } from '../../lib/kubevirt-config';
import { useKubeVirt } from './use-kubevirt';
import './emulation-banner.css';

/** Where the Cluster page lives (the switch that turns emulation off). */
export const CLUSTER_PATH = '/cluster';

/**
 * A warning across the console while KubeVirt runs guests with software emulation
 * (developerConfiguration.useEmulation): VMs are much slower than with KVM. Shows nothing while
 * loading, when the CR cannot be read (users without access), or when emulation is off.
 */
export function EmulationBanner() {
  const { kubevirt } = useKubeVirt();
  if (!usesEmulation(kubevirt)) return null;
  return (
    <Banner
      status="warning"
      screenReaderText="Warning"
      id="emulation-banner"
      role="region"
      aria-label="Software emulation"
    >
      {/* An icon and a text in a row (emulation-banner.css): PatternFly's Flex layout would bring its
          every spacing and breakpoint class name (about 4 KB gzip) into the first page for this. */}
      <div className="kv-emulation-banner">
        <div>
          <ExclamationTriangleIcon aria-hidden />
        </div>
        <div>
          Software emulation is on: virtual machines run without hardware acceleration (KVM) and are much slower.{' '}
          <Link to={CLUSTER_PATH}>Cluster settings</Link>
        </div>
      </div>
    </Banner>
  );
}
