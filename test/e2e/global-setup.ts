import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Browser tests load the sandbox build; build it once per run so tests never see a stale extension.
export default function setup() {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('Browser tests need Debian chromium at /usr/bin/chromium (apt-get install chromium).');
  }
  execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { stdio: 'inherit' });
}
