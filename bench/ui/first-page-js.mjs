#!/usr/bin/env node
/**
 * The first page's JavaScript as the console serves it, gzip (issue 24's budget: ≤ 200 KB), measured
 * as e2e/first-page-js.spec.ts checks it: a cold load of the default landing page (the VM list) in
 * Chromium asking for gzip only, every script the page loads on its own until its rows are drawn and
 * the network is quiet (no user action), summed as their encoded bytes on the wire.
 *
 *   node bench/ui/first-page-js.mjs [--static-dir dist] [--port 8192]   (npm run bench -- first-page)
 *
 * Run alone it starts the console with `--seed default`; vm-list-bench.mjs calls firstPageJs on its own server.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

/** One cold load of `${base}/`: the scripts' count, raw (decoded) and gzip (served) bytes, and each file. */
export async function firstPageJs(browser, base) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { 'accept-encoding': 'gzip' },
  });
  try {
    const page = await context.newPage();
    const scripts = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r);
    });
    await page.goto(`${base}/`);
    await page.locator('#vm-table tbody tr').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    let gz = 0;
    let raw = 0;
    const files = [];
    for (const r of [...scripts]) {
      const { responseBodySize } = await r.request().sizes();
      const body = await r.body().catch(() => Buffer.alloc(0));
      gz += responseBodySize;
      raw += body.length;
      files.push(`${new URL(r.url()).pathname} ${(responseBodySize / 1024).toFixed(1)} KB`);
    }
    return { scripts: scripts.length, raw, gz, files };
  } finally {
    await context.close();
  }
}

/** The bench line. */
export const firstPageLine = (m) =>
  `first page JavaScript (as served, gzip; the VM list's own loads until rows and a quiet network): ` +
  `${(m.gz / 1024).toFixed(1)} KB gzip, ${(m.raw / 1024).toFixed(0)} KB raw, ${m.scripts} files [aim ≤ 200 KB]`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const port = Number(arg('port', '8192'));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    'node',
    [
      'build/server/main.js',
      ...[
        '--port',
        String(port),
        '--seed',
        'default',
        '--static-dir',
        arg('static-dir', 'dist'),
        '--log-level',
        'warn',
      ],
    ],
    { cwd: repo, env: { ...process.env, KUBECONFIG: '' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error('the console server exited');
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 120) throw new Error('the console server did not become ready');
      await new Promise((r) => setTimeout(r, 500));
    }
    const m = await firstPageJs(browser, base);
    console.log(firstPageLine(m));
    for (const f of m.files) console.log(`  ${f}`);
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
