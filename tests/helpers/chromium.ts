// Browser tests use the system's Chromium (Playwright's own download is not reachable everywhere).
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function assertChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.error(
    [
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need it.`,
      "  Debian/Ubuntu: sudo apt-get install -y chromium",
      "  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
    ].join("\n"),
  );
  process.exit(1);
}
