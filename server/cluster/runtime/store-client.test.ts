/**
 * pods/binding through the in-process client, with kube-apiserver's binding registry checks
 * (pkg/registry/core/pod/storage assignPod): kube-scheduler assigns pods this way on both backends.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from '../store/index.js';
import { storeClient } from './store-client.js';

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
});

describe('storeClient.bind', () => {
  it('assigns an unassigned pod, and refuses a second assignment, a wrong uid and a pod being deleted', () => {
    const s = createStore();
    const client = storeClient(s);
    const created = client.create('pods', pod('p'));
    expect(() => client.bind('default', 'p', 'node01', { uid: 'not-its-uid' })).toThrow(/Precondition failed: UID/);
    client.bind('default', 'p', 'node01', { uid: created.metadata.uid });
    expect(client.tryGet('pods', 'default', 'p')?.spec?.nodeName).toBe('node01');
    expect(() => client.bind('default', 'p', 'node02')).toThrow(
      'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node01"',
    );
    client.create('pods', { ...pod('q'), metadata: { ...pod('q').metadata, finalizers: ['example.com/keep'] } });
    client.delete('pods', 'default', 'q');
    expect(() => client.bind('default', 'q', 'node01')).toThrow(/pod q is being deleted/);
  });
});
