import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, NEUTRAL_SITE, withoutAppScripts } from "./helpers";

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("find a centre is fully server-rendered", async ({ page }) => {
    const response = await page.goto("/find-a-centre");
    expect(response?.status()).toBe(200);
    await expect(page.locator("#centre-count")).toHaveText("342 centres");
    await expect(page.locator(".result")).toHaveCount(20);
  });

  test("Exit this page is a plain link to the neutral site", async ({ page }) => {
    await page.goto("/");
    const exit = page.getByRole("button", { name: "Emergency Exit this page" });
    await expect(exit).toHaveAttribute("href", NEUTRAL_SITE);
    // The Shift shortcut needs JavaScript, so its hint is not offered (its place is kept).
    await expect(page.locator(".exit-this-page__hint")).toBeHidden();
  });
});

test.describe("server-rendered HTML alone (app scripts removed) passes axe-core", () => {
  for (const path of [
    "/",
    "/find-a-centre",
    "/find-a-centre?postcode=NG1+5FW",
    "/find-a-centre?postcode=NOT+A+POSTCODE",
    "/find-a-centre?postcode=AA99+9AA",
    "/centres/nottingham-child-contact-centre",
    "/no-such-page",
    "/refer",
    "/refer?centre=bedford-family-contact-centre",
    "/refer/resume",
    "/refer/status",
    "/refer/join",
    "/refer/tasks",
    "/login",
    "/login/forgot",
    "/login/forgot/sent",
    "/login/password?token=no-such-link",
    "/logout",
  ]) {
    test(path, async ({ page }) => {
      await withoutAppScripts(page);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Proves nothing hydrated: no hint is switched on (the stylesheet is not loaded here).
      await expect(page.locator(".exit-this-page__hint:not(.exit-this-page__hint--waiting)")).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  }
});
