import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Browser tests load the sandbox builds (Chromium's and Firefox's); build them once per run so tests
// never see a stale extension.
export default function setup() {
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('Browser tests need Debian chromium at /usr/bin/chromium (apt-get install chromium).');
  }
  if (!existsSync('/usr/bin/firefox-esr')) {
    throw new Error('Browser tests need Debian firefox-esr at /usr/bin/firefox-esr (apt-get install firefox-esr).');
  }
  execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'sandbox'], { stdio: 'inherit' });
}
