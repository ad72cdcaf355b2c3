import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, withoutAppScripts } from "./helpers";
import { STAFF_CENTRE } from "./referral-helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

test("a manager keeps the centre's public page current: refused without JavaScript with the typing kept, then shown to the public", async ({ browser }) => {
  test.setTimeout(180_000);
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(plain, "centre.manager@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await plain.goto("/centre/profile");
  await plain.getByLabel("Opening times").fill("Saturday mornings");
  await plain.getByLabel("Languages").fill("English, Welsh, Polish");
  await plain.getByRole("button", { name: "Save" }).click();
  await expect(plain.locator(".error-summary")).toContainText("Write opening times like sat 10:00-13:00");
  await expect(plain.getByLabel("Opening times")).toHaveValue("Saturday mornings");
  await expect(plain.getByLabel("Languages")).toHaveValue("English, Welsh, Polish");
  await plain.getByLabel("Opening times").fill("sat 10:00-13:00; sun 14:00-16:00");
  await plain.getByRole("button", { name: "Save" }).click();
  await expect(plain.locator("#profile-saved")).toContainText("Saved");
  await plain.context().close();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/centres/${STAFF_CENTRE}`);
  await expect(visitor.locator("main")).toContainText("Polish");
  await expectNoAxeViolations(visitor);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, "centre.manager@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await page.goto("/centre/profile");
  await expectNoAxeViolations(page);
});

test("NACCC's list of member centres is accessible, with and without JavaScript", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await page.goto("/admin/centres");
  await expect(page.locator("#centres tbody tr")).not.toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add the centre" }).click();
  await expect(page.locator(".error-summary")).toContainText("Enter the centre's name");
  await expectNoAxeViolations(page);
  await withoutAppScripts(page);
  await page.goto("/admin/centres");
  await expectNoAxeViolations(page);
});
