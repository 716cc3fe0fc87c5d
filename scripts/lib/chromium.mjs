// Finds a Chromium for Playwright: $PLAYWRIGHT_CHROMIUM_PATH, /usr/bin/chromium, or (as root on
// Debian) installs Debian's `chromium` package. Playwright's own browser download cannot work
// on machines without internet access, so it is never used.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DEBIAN_PATH = '/usr/bin/chromium';

export function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is ${fromEnv}, which does not exist`);
  }
  if (existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
  return undefined;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    process.stdout.write("Chromium not found: installing Debian's chromium package...\n");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (install && install.status === 0 && existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
    throw new Error("installing Debian's chromium package failed (see the apt-get output above)");
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (on Debian or Ubuntu: `sudo apt-get install chromium`) ' +
      'or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}
