import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, NEUTRAL_SITE, stubNeutralSite, trackCspViolations, waitForHydration } from "./helpers";

const publicPages = [
  { path: "/", heading: "Keep children in touch with both parents, safely", status: 200 },
  { path: "/find-a-centre", heading: "Find a child contact centre", status: 200 },
  { path: "/centres/nottingham-child-contact-centre", heading: "Nottingham Child Contact Centre", status: 200 },
  { path: "/no-such-page", heading: "Page not found", status: 404 },
  { path: "/refer", heading: "Make a Safe Referral", status: 200 },
  { path: "/refer/status", heading: "Check the progress of a referral", status: 200 },
];

for (const { path, heading, status } of publicPages) {
  test.describe(`page ${path}`, () => {
    test("loads, hydrates and has no axe-core violations", async ({ page }) => {
      const cspViolations = trackCspViolations(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await waitForHydration(page);
      await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
      await expect(page.getByText("0115 948 4557")).toBeVisible();
      await expectNoAxeViolations(page);
      expect(cspViolations, "the Content-Security-Policy blocks nothing the page needs").toEqual([]);
    });

    test("pressing Shift three times leaves for a neutral site", async ({ page }) => {
      await stubNeutralSite(page);
      await page.goto(path);
      await waitForHydration(page);
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      await page.waitForURL(NEUTRAL_SITE);
      await expect(page).toHaveTitle("Weather");
      // location.replace: the back button does not return to the page that was left.
      await page.goBack();
      expect(page.url()).not.toContain("127.0.0.1");
    });
  });
}

test("the Exit this page button leaves at once", async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto("/find-a-centre");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Emergency Exit this page" }).click();
  await page.waitForURL(NEUTRAL_SITE);
});

test("two Shift presses and a letter do not exit", async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto("/");
  await waitForHydration(page);
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("a");
  await page.keyboard.press("Shift");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(page.url()).not.toContain("bbc.co.uk");
});

test("find a centre lists every member centre from the database", async ({ page }) => {
  await page.goto("/find-a-centre");
  await expect(page.locator("#centre-count")).toHaveText("342 centres");
  await expect(page.locator(".result")).toHaveCount(20);
  await expect(page.getByText("Page 1 of 18")).toBeVisible();
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("works at 320 pixels wide without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/find-a-centre?postcode=NG1+5FW", "/centres/nottingham-child-contact-centre"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }
});

test("the app's wasm arrives compressed", async ({ page }) => {
  const wasm = page.waitForResponse((response) => response.url().endsWith(".wasm"));
  await page.goto("/");
  const response = await wasm;
  expect(response.status()).toBe(200);
  expect(["br", "gzip"]).toContain(response.headers()["content-encoding"]);
});
