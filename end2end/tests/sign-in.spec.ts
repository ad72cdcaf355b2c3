import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";
import { AUTHENTICATOR_KEY, PASSWORD, enterCode } from "./staff-helpers";

for (const js of [true, false]) {
  test.describe(js ? "sign-in with JavaScript" : "sign-in without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    // The two tests sign in as different demo accounts: a code is accepted once per account.
    const account = js ? "centre.coordinator@demo.naccc.org.uk" : "centre.manager@demo.naccc.org.uk";

    async function open(page: Page, path: string) {
      await page.goto(path);
      if (js) await expect(page.locator("main[data-hydrated]")).toBeAttached();
      if (js) await expectNoAxeViolations(page);
    }

    test("a wrong password is explained, keeping the email", async ({ page }) => {
      await open(page, "/login");
      await page.getByLabel("Email address").fill(account);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.locator(".error-summary")).toContainText("The email address or password is not right");
      await expect(page.getByLabel("Email address")).toHaveValue(account);
      // The server never sends a password back (with JavaScript the page is not reloaded, so the
      // browser keeps what was typed).
      if (!js) await expect(page.getByLabel("Password")).toHaveValue("");
      expect(await page.content()).not.toContain('value="not the password"');
      if (js) await expectNoAxeViolations(page);
    });

    test("sign in with a password and an authenticator code, then sign out", async ({ page }) => {
      test.setTimeout(180_000); // room to wait for the next code
      await open(page, "/login");
      await page.getByLabel("Email address").fill(account);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL(/\/login\/code$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter the code from your authenticator app");
      if (js) await expectNoAxeViolations(page);
      // Other suites sign in as these accounts too, and a code is accepted once: this takes its
      // turn with them and waits for a code no test has used.
      await enterCode(page, account, AUTHENTICATOR_KEY, /\/centre$/);
      if (js) await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login\?signed-out=1$/);
      await expect(page.getByText("You have signed out.")).toBeVisible();
      await page.goto("/centre");
      await page.waitForURL(/\/login$/);
    });
  });
}
