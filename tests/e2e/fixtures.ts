import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

type Fixtures = {
  /** Opens a path and, with JavaScript on, waits until React has hydrated the page. */
  visit: (path: string) => Promise<void>;
  /** Fails on any WCAG 2.1 A/AA violation axe finds on the current page. */
  checkA11y: () => Promise<void>;
  javaScriptEnabled: boolean;
};

export const test = base.extend<Fixtures>({
  javaScriptEnabled: [
    async ({}, use, testInfo) => {
      await use(testInfo.project.use.javaScriptEnabled !== false);
    },
    { scope: "test" },
  ],
  page: async ({ page }, use) => {
    // A page that logs errors is broken even when it looks fine.
    const problems: string[] = [];
    page.on("console", (message) => {
      // A 400, 409, 422 or 429 answer to a form is deliberate (validation, a conflict, a refusal of what
      // was typed, throttling); the browser still logs it.
      if (message.type() === "error" && !/status of (400|409|422|429) /.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await use(page);
    expect(problems, "the page logged errors").toEqual([]);
  },
  visit: async ({ page, javaScriptEnabled }, use) => {
    await use(async (path: string) => {
      await page.goto(path);
      if (javaScriptEnabled) await waitForHydration(page);
    });
  },
  checkA11y: async ({ page, browser, javaScriptEnabled }, use) => {
    await use(async () => {
      // axe runs inside the page, which a JavaScript-off page cannot do. So the same URL, with the
      // same cookies and viewport, is opened in a page whose own scripts are blocked: what axe
      // sees is what a browser without JavaScript shows.
      let target = page;
      let context: BrowserContext | undefined;
      if (!javaScriptEnabled) {
        context = await browser.newContext({
          storageState: await page.context().storageState(),
          viewport: page.viewportSize(),
          locale: "ru-RU",
          javaScriptEnabled: true,
        });
        target = await context.newPage();
        await target.route(/\.js(\?|$)/, (route) => route.abort());
        await target.goto(page.url());
      }
      const results = await new AxeBuilder({ page: target })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      await context?.close();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});

/** Waits until React has taken over the page, or at once on a page sent without scripts (client-code.ts). */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated], html[data-static]").first().waitFor({ state: "attached" });
}

export { expect };
