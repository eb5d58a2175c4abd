import { chromium } from 'playwright-core';

/** Debian's Chromium; nothing is downloaded at test time. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, sandbox-free, and quiet: no background requests that would leave the origin. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** A fresh persistent profile in `profileDir`, so no test sees another's storage. */
export function launchChromium(profileDir: string) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: CHROMIUM_ARGS,
  });
}
