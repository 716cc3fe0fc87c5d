/** The KubeVirt and CDI releases the embedded cluster stands for (the KubeVirt CR, images, labels). */
export const KUBEVIRT_VERSION = 'v1.6.2';
export const LAUNCHER_IMAGE = `quay.io/kubevirt/virt-launcher:${KUBEVIRT_VERSION}`;
export const CDI_VERSION = 'v1.61.1';
