// Playwright records videos with an ffmpeg of its own, which it downloads; that cannot work
// offline. Debian's ffmpeg does the same job: link it where Playwright looks for its own.
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { root } from './build.mjs';

function playwrightFfmpegPath() {
  const browsers = JSON.parse(readFileSync(path.join(root, 'node_modules/playwright-core/browsers.json'), 'utf8'));
  const revision = browsers.browsers.find((b) => b.name === 'ffmpeg')?.revision;
  if (!revision) return undefined;
  const base = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(homedir(), '.cache', 'ms-playwright');
  return path.join(base, `ffmpeg-${revision}`, 'ffmpeg-linux');
}

/** Returns true when Playwright can record videos; installs Debian's ffmpeg as root if needed. */
export function ensureFfmpeg() {
  const target = playwrightFfmpegPath();
  if (!target || process.platform !== 'linux') return false;
  if (existsSync(target)) return true;
  if (!existsSync('/usr/bin/ffmpeg')) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
    process.stdout.write("installing Debian's ffmpeg so that failed end-to-end tests keep a video...\n");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'ffmpeg'], { stdio: 'ignore', env });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
      spawnSync('apt-get', ['install', '-y', '-qq', 'ffmpeg'], { stdio: 'ignore', env });
    }
    if (!existsSync('/usr/bin/ffmpeg')) return false;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync('/usr/bin/ffmpeg', target);
  return true;
}
