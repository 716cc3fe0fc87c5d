#!/usr/bin/env node
/**
 * The command palette at scale (issue 25): a console server with `--seed scale:N` (10,000 VMs by
 * default, and their VMIs), Chromium on the VM list of every namespace, then:
 *  1. Ctrl+K → the palette's first results (its chunk loads, the lists it searches are the list
 *     page's, already watched, plus VMIs, Services and namespaces);
 *  2. each keystroke of a query → the listbox updated (fuzzy match over every name, re-render).
 * Prints numbers only (tests never assert on time), with the machine's load average.
 * Usage: node bench/ui/palette-bench.mjs [--vms 10000] [--port 8193] [--static-dir dist]
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const VMS = Number(arg('vms', '10000'));
const PORT = Number(arg('port', '8193'));
const STATIC_DIR = arg('static-dir', 'dist');
const QUERIES = ['vm-01234', 'm0999', 'scale/vm-9', 'zzz'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (n) => `${n.toFixed(0)} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function startServer() {
  const args = ['build/server/main.js', '--port', String(PORT), '--seed', `scale:${VMS}`, '--static-dir', STATIC_DIR];
  const child = spawn('node', [...args, '--log-level', 'warn'], {
    cwd: repo,
    env: { ...process.env, KUBECONFIG: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

/** Records, in the page, keydown on the combobox → the listbox's next change painted (a frame after it). */
async function installProbe(page) {
  await page.evaluate(() => {
    const w = window;
    w.__latencies = [];
    const input = document.getElementById('command-palette-input');
    const list = document.getElementById('command-palette-listbox')?.closest('.pf-v6-c-menu') ?? document;
    const status = document.querySelector('#command-palette [role="status"]');
    let pending;
    input.addEventListener('keydown', () => (pending = performance.now()), { capture: true });
    const observer = new MutationObserver(() => {
      if (pending === undefined) return;
      const t0 = pending;
      pending = undefined;
      requestAnimationFrame(() => w.__latencies.push(performance.now() - t0));
    });
    for (const node of [list, status]) observer.observe(node, { childList: true, subtree: true, characterData: true });
  });
}

async function keystrokeLatencies(page, query) {
  await page.evaluate(() => (window.__latencies = []));
  for (const ch of query) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(150);
  }
  const latencies = await page.evaluate(() => window.__latencies);
  const count = await page.locator('#command-palette [role="status"]').textContent();
  return { latencies, count };
}

const { child, base } = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  console.log(
    `command palette benchmark: ${VMS} VMs (seed scale:${VMS}), app from ${STATIC_DIR}; load average ${load()}`,
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/k8s/all-namespaces/virtualmachines`);
  await page.locator('#vm-table tbody tr').first().waitFor({ timeout: 120_000 });
  // Let the list finish arriving (its later pages) before the palette is opened.
  await page.locator('#vm-list-loading-more').waitFor({ state: 'hidden', timeout: 120_000 });

  const opened = Date.now();
  await page.keyboard.press('Control+k');
  await page.locator('#command-palette-listbox [role="option"]').first().waitFor({ timeout: 120_000 });
  await page.locator('#command-palette [role="status"]', { hasText: /results?$/ }).waitFor({ timeout: 120_000 });
  console.log(
    `Ctrl+K → first results: ${ms(Date.now() - opened)} (first open: loads the palette's chunk and lists VMIs, Services, namespaces)`,
  );

  await installProbe(page);
  const all = [];
  for (const q of QUERIES) {
    await page.locator('#command-palette-input').fill('');
    await page.waitForTimeout(300);
    const { latencies, count } = await keystrokeLatencies(page, q);
    all.push(...latencies);
    console.log(`  "${q}": ${latencies.map(ms).join(', ')} → ${count}`);
  }
  console.log(
    `keystroke → palette results painted: median ${ms(median(all))}, p95 ${ms(percentile(all, 95))}, max ${ms(Math.max(...all))} over ${all.length} keystrokes [aim: instant, ≤ 50 ms]; load average ${load()}`,
  );

  await page.keyboard.press('Escape');
  const again = Date.now();
  await page.keyboard.press('Control+k');
  await page.locator('#command-palette-listbox [role="option"]').first().waitFor();
  console.log(`Ctrl+K again → first results: ${ms(Date.now() - again)}`);
} finally {
  await browser.close();
  child.kill();
}
