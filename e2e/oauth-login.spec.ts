// Issue 20 item 4, the production auth chain on real components (docs/real-stack.md): oauth2-proxy
// in front of the console in --in-cluster mode, mockoidc as the identity provider, kube-apiserver
// accepting its ID tokens (--oidc-*). Two users log in through the real redirects; each sees and
// may do what their RBAC bindings allow, the browser never holds a token, and signing out ends
// access. Real-stack tier only (E2E_BACKEND=kube-apiserver, scripts/e2e-stack.mjs starts the chain).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test, type KubeApi } from './fixtures/index.js';
import { ShellPage } from './pages/shell.js';
import { VmListPage } from './pages/vm-list.js';
import { cirrosVm, createCirros } from './vm-manifests.js';

interface Chain {
  /** oauth2-proxy, the only address the browser uses. */
  url: string;
  /** mockoidc's loopback admin endpoint: who logs in next. */
  adminUrl: string;
  issuerUrl: string;
}

const ALICE = 'alice@example.com'; // e2e/oidc-users.json: group kvc-developers
const BOB = 'bob@example.com'; // group kvc-viewers

/** A JSON Web Token (an ID or access token) anywhere in a text. */
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/;

/** Written by scripts/e2e-stack.mjs once the chain runs (read in the worker, after the web server started). */
const chainFile = path.join('build', `e2e-stack-${process.env.E2E_PORT ?? '8090'}`, 'oauth.json');
const chainRuns = () => process.env.E2E_BACKEND === 'kube-apiserver' && existsSync(chainFile);

test.skip(
  () => !chainRuns(),
  'login chain: real-stack tier only (E2E_BACKEND=kube-apiserver), with oauth2-proxy and mockoidc built (npm run stack:build)',
);

/** Everything the browser receives, checked for tokens: headers, bodies and websocket frames. */
class TokenWatch {
  readonly found: string[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(context: BrowserContext) {
    context.on('requestfinished', (request) => {
      this.pending.push(
        (async () => {
          const response = await request.response();
          if (!response) return;
          this.check(`headers of ${request.url()}`, JSON.stringify(await response.allHeaders()));
          const body = await response.body().catch(() => undefined); // redirects have none
          if (body) this.check(`body of ${request.url()}`, body.toString('latin1'));
        })(),
      );
    });
    context.on('page', (page) => this.watchSockets(page));
  }

  watchSockets(page: Page): void {
    page.on('websocket', (ws) => ws.on('framereceived', (f) => this.check(`websocket ${ws.url()}`, String(f.payload))));
  }

  check(where: string, text: string): void {
    if (JWT.test(text)) this.found.push(where);
  }

  /** What the page's scripts can read: cookies, local and session storage. */
  async checkPage(page: Page): Promise<void> {
    await Promise.all(this.pending);
    const readable = await page.evaluate(() => ({
      cookies: document.cookie,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    }));
    this.check('document.cookie', readable.cookies);
    this.check('localStorage/sessionStorage', readable.storage);
    expect(readable.cookies).not.toContain('_oauth2_proxy');
    expect(this.found, 'places where the browser received a token').toEqual([]);
  }
}

interface Session {
  context: BrowserContext;
  page: Page;
  tokens: TokenWatch;
}

/** Opens `target` in a new browser as nobody, and logs in as `email` through oauth2-proxy and mockoidc. */
async function logIn(browser: Browser, chain: Chain, email: string, target: string): Promise<Session> {
  const queued = await fetch(`${chain.adminUrl}/queue?email=${encodeURIComponent(email)}`, { method: 'POST' });
  expect(queued.status, `mockoidc knows ${email}`).toBe(204);
  // ignoreHTTPSErrors: mockoidc's certificate is signed by a CA made at start that only the servers
  // are given (oauth2-proxy and kube-apiserver verify it); the browser only follows redirects there.
  const context = await browser.newContext({
    baseURL: chain.url,
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
  });
  const tokens = new TokenWatch(context);
  const page = await context.newPage();
  tokens.watchSockets(page);
  const navigations: string[] = [];
  page.on('request', (r) => {
    if (r.isNavigationRequest()) navigations.push(r.url());
  });
  await page.goto(target);
  await page.getByRole('button', { name: 'Sign in with OpenID Connect' }).click();
  await expect(page).toHaveURL(new URL(target, chain.url).href);
  // the browser went to the provider and back through oauth2-proxy's callback
  expect(navigations.some((u) => u.startsWith(`${chain.issuerUrl}/authorize?`))).toBe(true);
  expect(navigations.some((u) => u.startsWith(`${chain.url}/oauth2/callback?`))).toBe(true);
  return { context, page, tokens };
}

/** A request from the page's own scripts to the console's API proxy, as the app makes them. */
async function fromPage(page: Page, method: string, apiPath: string, body?: unknown) {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const csrf = /(?:^|; )csrf-token=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const r = await fetch(`/api/kubernetes${apiPath}`, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrftoken': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, text };
    },
    { method, apiPath, body },
  );
}

async function bindRoles(api: KubeApi, namespace: string): Promise<string> {
  const ref = (name: string) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name });
  const subject = (kind: string, name: string) => [{ apiGroup: 'rbac.authorization.k8s.io', kind, name }];
  const rb = (name: string, role: string, subjects: unknown) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: ref(role),
    subjects,
  });
  const rbs = `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`;
  await api.create(rbs, rb('alice-admin', 'admin', subject('User', ALICE)));
  await api.create(rbs, rb('viewers-view', 'view', subject('Group', 'kvc-viewers')));
  // Alice also reads the whole cluster (the namespace list); Bob does not.
  const crb = `${namespace}-alice-view`;
  await api.create('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: crb },
    roleRef: ref('view'),
    subjects: subject('User', ALICE),
  });
  return `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${crb}`;
}

test('two OIDC users log in through oauth2-proxy: each may do what RBAC allows, no token reaches the browser, sign-out ends access', async ({
  browser,
  api,
  namespace,
}) => {
  const chain = JSON.parse(readFileSync(chainFile, 'utf8')) as Chain;
  await createCirros(api, namespace, 'web');
  const clusterBinding = await bindRoles(api, namespace);
  const listPath = `/k8s/ns/${namespace}/virtualmachines`;
  try {
    // Alice: admin of the namespace, viewer of the cluster.
    const alice = await logIn(browser, chain, ALICE, listPath);
    const who = await fromPage(alice.page, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'SelfSubjectReview',
    });
    expect(who.status).toBe(201);
    const userInfo = (JSON.parse(who.text) as { status: { userInfo: { username: string; groups: string[] } } }).status
      .userInfo;
    expect(userInfo.username).toBe(ALICE);
    expect(userInfo.groups).toContain('kvc-developers');

    const shell = new ShellPage(alice.page);
    await shell.openNamespaceMenu();
    await expect(shell.namespaceOption(namespace)).toBeVisible();
    await expect(shell.namespaceOption('default')).toBeVisible();
    await alice.page.keyboard.press('Escape');
    const list = new VmListPage(alice.page);
    await expect(list.row(namespace, 'web')).toBeVisible();
    await expect(list.createButton).not.toHaveAttribute('aria-disabled', 'true');
    await list.actions(namespace, 'web').run('Start');
    await expect(list.status(namespace, 'web')).toHaveText('Running');
    await alice.tokens.checkPage(alice.page);
    // The session cookie lasts --cookie-expire=12h (deploy/kubernetes), not oauth2-proxy's 7 days:
    // signing out cannot revoke a copy of it.
    const session = (await alice.context.cookies()).find((c) => c.name === '_oauth2_proxy');
    expect(session?.httpOnly).toBe(true);
    const hoursLeft = ((session?.expires ?? 0) - Date.now() / 1000) / 3600;
    expect(hoursLeft).toBeGreaterThan(11);
    expect(hoursLeft).toBeLessThanOrEqual(12);

    // Signing out: the session cookie is gone, the API answers 401, the page asks to sign in again.
    await alice.page.goto('/oauth2/sign_out');
    await expect(alice.page.getByRole('button', { name: 'Sign in with OpenID Connect' })).toBeVisible();
    expect((await alice.context.cookies()).map((c) => c.name)).not.toContain('_oauth2_proxy');
    expect((await fromPage(alice.page, 'GET', `/api/v1/namespaces/${namespace}`)).status).toBe(401);
    await alice.page.goto(listPath);
    await expect(alice.page.getByRole('button', { name: 'Sign in with OpenID Connect' })).toBeVisible();
    await expect(list.row(namespace, 'web')).toBeHidden();
    await alice.context.close();

    // Bob: viewer of the namespace through his group, nothing cluster-wide.
    const bob = await logIn(browser, chain, BOB, listPath);
    const bobList = new VmListPage(bob.page);
    await expect(bobList.status(namespace, 'web')).toHaveText('Running');
    const actions = bobList.actions(namespace, 'web');
    await actions.open();
    await actions.expectDisabledBecause('Stop', 'You are not allowed to stop virtual machines in this namespace');
    await actions.expectDisabledBecause('Delete', 'You are not allowed to delete virtual machines in this namespace');
    await actions.close();
    await expect(bobList.createButton).toHaveAttribute('aria-disabled', 'true');
    await expect(bobList.createButton).toHaveAccessibleDescription(
      `You are not allowed to create virtual machines in namespace ${namespace}`,
    );
    const create = await fromPage(
      bob.page,
      'POST',
      `/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines`,
      cirrosVm(namespace, 'not-allowed'),
    );
    expect(create.status).toBe(403);
    expect((JSON.parse(create.text) as { message: string }).message).toContain(
      `User "${BOB}" cannot create resource "virtualmachines"`,
    );
    const bobShell = new ShellPage(bob.page);
    await bobShell.openNamespaceMenu();
    const cannot = bob.page.getByRole('option', { name: /Cannot list namespaces/ });
    await expect(cannot).toContainText(`User "${BOB}" cannot list resource "namespaces"`);
    await expect(bobShell.namespaceOption('default')).toBeHidden();
    await bob.page.keyboard.press('Escape');
    await bob.tokens.checkPage(bob.page);
    await bob.context.close();
  } finally {
    await api.delete(clusterBinding);
  }
});
