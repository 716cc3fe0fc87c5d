import { osProfile } from '../guest/os-profiles.js';
import type { GuestOsName } from '../guest/types.js';

/**
 * The embedded cluster's documented conventions (docs/embedded-cluster.md): which images and
 * URLs are unreachable, which guests crash at boot, which guests run a guest agent and what OS
 * they report.
 */

/** Hosts under the reserved `.invalid` TLD (RFC 2606) are unreachable. */
function hostOf(ref: string): string {
  const noScheme = ref.replace(/^[a-z]+:\/\//i, '');
  const first = noScheme.split('/')[0] ?? '';
  return first.replace(/:\d+$/, '').toLowerCase();
}

function tagOf(image: string): string {
  const last = image.split('/').pop() ?? '';
  const at = last.indexOf('@');
  if (at >= 0) return '';
  const colon = last.lastIndexOf(':');
  return colon >= 0 ? last.slice(colon + 1) : 'latest';
}

/** An image that cannot be pulled: registry host under `.invalid`, or the tag `nonexistent`. */
export function isUnpullableImage(image: string): boolean {
  const parts = image.split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]);
  const host = hasRegistry ? hostOf(image) : '';
  return host.endsWith('.invalid') || tagOf(image) === 'nonexistent';
}

/** The kubelet's pull error message for such an image. */
export function pullErrorMessage(image: string): string {
  const parts = image.split('/');
  const host = parts.length > 1 && /[.:]/.test(parts[0]) ? hostOf(image) : 'docker.io';
  if (host.endsWith('.invalid')) {
    return `failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "https://${host}/v2/": dial tcp: lookup ${host}: no such host`;
  }
  return `failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
}

/** A container disk whose tag is `crashloop` boots a guest that crashes before it runs. */
export function isCrashingImage(image: string): boolean {
  return tagOf(image) === 'crashloop';
}

/**
 * An import source that fails: an http(s) URL whose host is under `.invalid` (connection
 * error) or whose path contains `nonexistent` (404), or an unpullable registry image.
 */
export function importFailure(source: { http?: { url?: string }; registry?: { url?: string } }): string | undefined {
  const url = source.http?.url;
  if (url) {
    const host = hostOf(url);
    if (host.endsWith('.invalid')) {
      return `Unable to connect to http data source: Get "${url}": dial tcp: lookup ${host}: no such host`;
    }
    if (/nonexistent/.test(url.replace(/^[a-z]+:\/\/[^/]+/i, ''))) {
      return 'Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found';
    }
  }
  const reg = source.registry?.url;
  if (reg) {
    const image = reg.replace(/^docker:\/\//, '');
    if (isUnpullableImage(image))
      return `Unable to process data: Failed to read registry image: ${pullErrorMessage(image)}`;
  }
  return undefined;
}

/** Guests whose images ship qemu-guest-agent (AgentConnected, guestOSInfo). CirrOS and Alpine do not. */
const AGENT_OSES = new Set<GuestOsName>(['fedora', 'centos', 'rhel', 'ubuntu', 'debian', 'windows']);

export interface GuestOs {
  os: GuestOsName;
  agent: boolean;
  /** What the guest agent reports (status.guestOSInfo). */
  info: Record<string, string>;
}

function osReleaseFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)="?(.*?)"?$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Guesses the guest OS from boot-source hints (images, URLs, claim names, os labels). */
export function guestOsFor(hints: string[]): GuestOs {
  const profile = osProfile(hints.join(' ').toLowerCase() || 'linux');
  const f = osReleaseFields(profile.osRelease);
  const info: Record<string, string> =
    profile.os === 'windows'
      ? {
          id: 'mswindows',
          name: 'Microsoft Windows',
          prettyName: profile.prettyName,
          version: '2022',
          versionId: '2022',
          kernelRelease: '20348',
          kernelVersion: '10.0',
          machine: 'x86_64',
        }
      : {
          id: f.ID ?? profile.os,
          name: f.NAME ?? profile.prettyName,
          prettyName: f.PRETTY_NAME ?? profile.prettyName,
          version: f.VERSION ?? f.VERSION_ID ?? '',
          versionId: f.VERSION_ID ?? '',
          kernelRelease: profile.kernel,
          kernelVersion: '#1 SMP PREEMPT_DYNAMIC',
          machine: 'x86_64',
        };
  return { os: profile.os, agent: AGENT_OSES.has(profile.os), info };
}
