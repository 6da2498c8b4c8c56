import { expect, test, waitForHydration } from "./fixtures";

test("the skip link takes keyboard users straight to the content", async ({ page, visit }) => {
  await visit("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Перейти к основному содержанию" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the version for the visually impaired is remembered", async ({ page, visit, javaScriptEnabled, checkA11y }) => {
  await visit("/categories/education");
  await page.getByRole("button", { name: "Версия для слабовидящих" }).click();
  await page.waitForURL("**/categories/education");
  if (javaScriptEnabled) await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("data-vision", "high");
  await expect(page.locator("html")).toHaveCSS("font-size", "20px");
  await checkA11y();

  await visit("/");
  await expect(page.locator("html")).toHaveAttribute("data-vision", "high");
  await page.getByRole("button", { name: "Обычная версия сайта" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.locator("html")).not.toHaveAttribute("data-vision", "high");
});

for (const path of ["/", "/services/first-grade-enrollment", "/search?q=пособие"]) {
  test(`${path} fits a 320 px wide phone without sideways scrolling`, async ({
    page,
    visit,
    checkA11y,
    javaScriptEnabled,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await visit(path);
    await checkA11y();
    // Measuring needs script in the page; the layout is the same CSS either way.
    if (!javaScriptEnabled) return;
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("English pages pass the accessibility checks too", async ({ page, visit, checkA11y }) => {
  for (const path of [
    "/?lng=en",
    "/categories/social-support?lng=en",
    "/services/large-family-status?lng=en",
    "/search?q=allowance&lng=en",
  ]) {
    await visit(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await checkA11y();
  }
});
