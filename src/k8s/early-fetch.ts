/**
 * The first-loaded module (its own small file, before the app's main bundle): on a cold load of the
 * VM list it starts the list's first requests (VMs and VMIs, first page) at once, while the main
 * bundle is still downloading and evaluating. The app adopts each answer instead of asking again
 * (adoptEarly in early-store.ts): still exactly one request per list. It imports nothing, so it
 * stays tiny; the URLs must be the ones the app's list builds (early-fetch.test.ts checks that).
 */

/** The same as early-store.ts's (not imported from there: this file must not share a chunk with the app). */
const EARLY_KEY = '__kubevirtConsoleEarly';

interface EarlyAnswer {
  status: number;
  statusText: string;
  text: string;
}

const API = '/api/kubernetes/apis/kubevirt.io/v1';
const FIRST_PAGE = 100;

/** The first-page URLs of the VM list at `pathname`, or none when it is not the VM list. */
export function earlyListUrls(pathname: string): string[] {
  const all = /^\/k8s\/all-namespaces\/virtualmachines\/?$/.test(pathname);
  const ns = /^\/k8s\/ns\/([^/]+)\/virtualmachines\/?$/.exec(pathname)?.[1];
  if (!all && !ns) return [];
  let base = API;
  if (ns) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(ns);
    } catch {
      return [];
    }
    base = `${API}/namespaces/${encodeURIComponent(decoded)}`;
  }
  return ['virtualmachines', 'virtualmachineinstances'].map((r) => `${base}/${r}?limit=${FIRST_PAGE}`);
}

function start(): void {
  const urls = earlyListUrls(window.location.pathname);
  if (!urls.length) return;
  const answers: Record<string, Promise<EarlyAnswer>> = {};
  for (const url of urls) {
    answers[url] = fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(
      async (res) => ({ status: res.status, statusText: res.statusText, text: await res.text() }),
    );
    // A failed early request is not adopted: the app asks again and reports its own error.
    answers[url].catch(() => undefined);
  }
  (window as unknown as Record<string, unknown>)[EARLY_KEY] = answers;
}

if (typeof window !== 'undefined' && typeof fetch === 'function') start();
