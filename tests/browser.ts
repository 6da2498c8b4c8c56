import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own download if one exists. Null when there is none.
 */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

/**
 * Gets a Chromium when there is none, saying what it does: Debian's package where this process may
 * install one (root with apt-get, as on CI), else Playwright's own download. Null when both fail.
 */
export function installChromium(): string | null {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found for the browser tests: installing Debian's package (apt-get install chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: ["ignore", "ignore", "inherit"], env });
  } else {
    console.log(
      "No Chromium found for the browser tests: downloading Playwright's own (npx playwright install chromium)…",
    );
    spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  }
  return findChromium();
}

export const NO_BROWSER_MESSAGE =
  "No Chromium found for the browser tests: install one (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.";
