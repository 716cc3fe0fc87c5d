/**
 * KubeVirt's console subresources through the proxy: the `vnc` and `console` websockets of a
 * VirtualMachineInstance (raw bytes in binary frames, subprotocol plain.kubevirt.io) and the
 * `vnc/screenshot` PNG.
 */
import { errorFromResponse, networkError } from './k8s-error';
import { VirtualMachineInstanceModel } from './models';
import { kubevirtSubresourceUrl, toWebSocketUrl } from './urls';

/** The websocket subresource: `vnc` (RFB) or `console` (serial line). */
export type ConsoleSubresource = 'vnc' | 'console';

/** The subprotocol virt-api speaks on both websockets. */
export const CONSOLE_SUBPROTOCOL = 'plain.kubevirt.io';

export interface ConsoleTarget {
  namespace: string;
  /** The VirtualMachineInstance's name (a VM's VMI has the VM's name). */
  name: string;
}

export interface ConsoleSocketOptions {
  /** Ask virt-api to refuse (HTTP 500) rather than replace a session someone else holds. */
  preserveSession?: boolean;
}

/** The browser-relative URL of a console websocket, e.g. /api/kubernetes/apis/subresources.kubevirt.io/v1/namespaces/ns/virtualmachineinstances/vm/vnc. */
export const consoleUrl = (t: ConsoleTarget, kind: ConsoleSubresource, o: ConsoleSocketOptions = {}): string =>
  kubevirtSubresourceUrl(
    VirtualMachineInstanceModel,
    { namespace: t.namespace, name: t.name, subresource: kind },
    { preserveSession: o.preserveSession ? true : undefined },
  );

/** Opens the websocket (not yet connected: listen for open/close). Binary frames arrive as ArrayBuffers. */
export function openConsoleSocket(t: ConsoleTarget, kind: ConsoleSubresource, o: ConsoleSocketOptions = {}): WebSocket {
  const ws = new WebSocket(toWebSocketUrl(consoleUrl(t, kind, o), window.location), [CONSOLE_SUBPROTOCOL]);
  ws.binaryType = 'arraybuffer';
  return ws;
}

/** The URL of a VMI's current screen as a PNG. */
export const vncScreenshotUrl = (t: ConsoleTarget): string =>
  kubevirtSubresourceUrl(VirtualMachineInstanceModel, {
    namespace: t.namespace,
    name: t.name,
    subresource: 'vnc/screenshot',
  });

/** GETs a binary answer (an image); non-2xx answers throw a K8sError with the server's Status. */
export async function k8sGetBlob(url: string, signal?: AbortSignal): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw networkError(e);
  }
  if (!res.ok) throw errorFromResponse(res.status, res.statusText, await res.text());
  return res.blob();
}

/** A VMI's screenshot (the PNG), for thumbnails. */
export const fetchVncScreenshot = (t: ConsoleTarget, signal?: AbortSignal): Promise<Blob> =>
  k8sGetBlob(vncScreenshotUrl(t), signal);
