import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, NEUTRAL_SITE } from "./helpers";

test.use({ javaScriptEnabled: false });

test("find a centre is fully server-rendered without JavaScript", async ({ page }) => {
  const response = await page.goto("/find-a-centre");
  expect(response?.status()).toBe(200);
  await expect(page.locator("#centre-count")).toHaveText("342 centres");
  await expect(page.locator("tbody tr")).toHaveCount(342);
  await expectNoAxeViolations(page);
});

test("Exit this page is a plain link without JavaScript", async ({ page }) => {
  await page.goto("/");
  const exit = page.getByRole("button", { name: "Emergency Exit this page" });
  await expect(exit).toHaveAttribute("href", NEUTRAL_SITE);
  // The Shift shortcut needs JavaScript, so its hint is not offered.
  await expect(page.locator(".exit-this-page__hint")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
