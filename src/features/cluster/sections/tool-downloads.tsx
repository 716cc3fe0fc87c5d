import {
  Content,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CommandBlock } from '../../../components/command-line/command-block';
import { useKubeVirt } from '../../../components/kubevirt/use-kubevirt';
import { k8sRequest } from '../../../k8s/client';
import { k8sKeys } from '../../../k8s/query-keys';
import { API_PREFIX } from '../../../k8s/urls';
import {
  TOOL_PLATFORMS,
  findPlatform,
  guessPlatform,
  kubectlDownloadUrl,
  kubectlInstallCommands,
  normalizeVersion,
  platformId,
  virtctlDownloadUrl,
  virtctlInstallCommands,
} from '../../../lib/virtctl-commands';

interface VersionInfo {
  gitVersion?: string;
}

/** The API server's version (kubectl should be within one minor version of it). */
function useServerVersion() {
  return useQuery({
    queryKey: k8sKeys.version,
    queryFn: ({ signal }) => k8sRequest<VersionInfo>(`${API_PREFIX}/version`, { method: 'GET', signal }),
    staleTime: 10 * 60_000,
  });
}

/** virtctl for the KubeVirt version the cluster runs and kubectl for its Kubernetes version, per platform. */
export function ToolDownloads() {
  const [platform, setPlatform] = useState(() => guessPlatform(navigator.userAgent));
  const { kubevirt, error: kvError, isLoading: kvLoading } = useKubeVirt();
  const server = useServerVersion();
  const kvVersion = normalizeVersion(kubevirt?.status?.observedKubeVirtVersion);
  // gitVersion may carry a build suffix ("v1.32.2+k3s1"): the release is the part before it.
  const k8sVersion = normalizeVersion(server.data?.gitVersion?.split('+')[0]);

  return (
    <Stack hasGutter>
      <StackItem>
        <FormGroup label="Platform" fieldId="tools-platform">
          <FormSelect
            id="tools-platform"
            value={platformId(platform)}
            onChange={(_e, v) => setPlatform(findPlatform(v) ?? platform)}
            className="kv-cli-platform"
          >
            {TOOL_PLATFORMS.map((p) => (
              <FormSelectOption key={platformId(p)} value={platformId(p)} label={p.label} />
            ))}
          </FormSelect>
        </FormGroup>
      </StackItem>
      <StackItem>
        <Grid hasGutter>
          <GridItem lg={6}>
            <Title headingLevel="h3" size="md" className="pf-v6-u-mb-sm">
              virtctl {kvVersion ?? ''}
            </Title>
            {kvVersion ? (
              <>
                <Content component="p">
                  KubeVirt&apos;s client for consoles, SSH, port forwarding and VM lifecycle.{' '}
                  <a href={virtctlDownloadUrl(kvVersion, platform)} id="virtctl-download" rel="noreferrer">
                    Download virtctl {kvVersion} for {platform.label}
                  </a>
                </Content>
                <CommandBlock
                  id="virtctl-install"
                  label="virtctl install commands"
                  command={virtctlInstallCommands(kvVersion, platform)}
                />
              </>
            ) : (
              <Content component="p" id="virtctl-unknown">
                {kvLoading
                  ? 'Reading the KubeVirt version…'
                  : kvError
                    ? `The KubeVirt version cannot be read (${kvError.message}): take virtctl from the release that matches your cluster at https://github.com/kubevirt/kubevirt/releases.`
                    : 'KubeVirt has not reported its version yet.'}
              </Content>
            )}
          </GridItem>
          <GridItem lg={6}>
            <Title headingLevel="h3" size="md" className="pf-v6-u-mb-sm">
              kubectl {k8sVersion ?? ''}
            </Title>
            {k8sVersion ? (
              <>
                <Content component="p">
                  The Kubernetes client; virtctl uses the same kubeconfig.{' '}
                  <a href={kubectlDownloadUrl(k8sVersion, platform)} id="kubectl-download" rel="noreferrer">
                    Download kubectl {k8sVersion} for {platform.label}
                  </a>
                </Content>
                <CommandBlock
                  id="kubectl-install"
                  label="kubectl install commands"
                  command={kubectlInstallCommands(k8sVersion, platform)}
                />
              </>
            ) : (
              <Content component="p" id="kubectl-unknown">
                {server.isLoading
                  ? 'Reading the Kubernetes version…'
                  : 'The Kubernetes version is not known: use a kubectl release within one minor version of your cluster.'}
              </Content>
            )}
          </GridItem>
        </Grid>
      </StackItem>
    </Stack>
  );
}
