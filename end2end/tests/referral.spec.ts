import { type Browser, expect, test } from "@playwright/test";
import { NEUTRAL_SITE, stubNeutralSite, trackCspViolations } from "./helpers";
import { ALEX, codeIn, SAM, SUPERVISED_TOO, SUPPORTED_ONLY, Wizard } from "./referral-helpers";

/** A second, separate browser (another person, or the same person on another device). */
async function otherBrowser(browser: Browser, js: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: js });
  return { context, wizard: new Wizard(await context.newPage(), js) };
}

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    // A whole referral is a dozen pages, each checked by axe-core with JavaScript on.
    test.describe.configure({ timeout: 120_000 });

    test("a parent refers their family, checks and changes an answer, sends, and checks its status", async ({ page, browser }) => {
      const csp = trackCspViolations(page);
      const w = new Wizard(page, js);
      await w.open(`/refer?centre=${SUPPORTED_ONLY}`);
      await expect(page.getByText("You are referring to")).toBeVisible();
      await w.axe();
      await w.press("Start now", /\/refer\/who$/);
      await w.axe();
      await w.completeAsParent("A parent the children live with", true);

      // Check your answers: every answer, with change links that come back here.
      await expect(page.getByText("Amelia Jones, born 3 / 4 / 2019")).toBeVisible();
      await page.getByRole("link", { name: "Change Child 1" }).click();
      await page.waitForURL(/\/refer\/children\/1\?change=1$/);
      await w.fill("The child's full name", "Amelia Rose Jones");
      await w.continue(/\/refer\/check$/);
      await expect(page.getByText("Amelia Rose Jones, born 3 / 4 / 2019")).toBeVisible();
      await page.getByRole("link", { name: "Change Days" }).click();
      await page.waitForURL(/\/refer\/practical\?change=1$/);
      await w.tick("Sunday");
      await w.continue(/\/refer\/check$/);
      await expect(page.getByText("Saturday, Sunday")).toBeVisible();

      const reference = await w.send();
      await w.press("Get a code for checking progress", /\/refer\/sent/);
      const code = await codeIn(page, "status-code", "Your code");

      // The status, from another browser, with the reference and code.
      const other = await otherBrowser(browser, js);
      await other.wizard.open("/refer/status");
      await other.wizard.axe();
      await other.wizard.fill("Reference", reference);
      await other.wizard.fill("Code", code);
      await other.wizard.press("Check progress", /\/refer\/status$/);
      await expect(other.wizard.page.getByRole("heading", { level: 1 })).toHaveText("Sent to the centre");
      await expect(other.wizard.page.locator("#status-result")).toContainText(reference);
      await expect(other.wizard.page.locator("main")).not.toContainText("Completed");
      await other.wizard.axe();
      await other.context.close();
      expect(csp).toEqual([]);
    });

    test("a solicitor refers a family and gives their own details", async ({ page }) => {
      const w = new Wizard(page, js);
      await w.open(`/refer?centre=${SUPERVISED_TOO}`);
      await w.press("Start now", /\/refer\/who$/);
      await w.who("A solicitor");
      await w.expectProblems("Enter the full name");
      await w.professional("Priya Shah", "Shah & Co Solicitors", "priya@shah.example");
      await w.service("Supported contact");
      await w.completeFamilyAndSafety();
      await expect(page.getByText("Shah & Co Solicitors")).toBeVisible();
      await w.send();
    });

    test("the other parent adds their part by invitation, seeing nothing of the first", async ({ page, browser }) => {
      const w = new Wizard(page, js);
      await w.open(`/refer?centre=${SUPPORTED_ONLY}`);
      await w.press("Start now", /\/refer\/who$/);
      await w.completeAsParent();
      const reference = await w.send();
      await w.press("Create an invitation code", /\/refer\/sent/);
      const code = await codeIn(page, "invitation-code", "Invitation code");

      const other = await otherBrowser(browser, js);
      const o = other.wizard;
      await o.open("/refer/join");
      await o.axe();
      await o.fill("Reference", reference);
      await o.fill("Invitation code", code);
      await o.press("Continue", /\/refer\/join\/who$/);
      await expect(o.page.locator("#own-code")).toBeVisible();
      await o.axe();
      await o.expectProblems("Say whether you are the parent or their solicitor");
      await o.choose("Who is adding this part?", "I am the parent");
      await o.continue(/\/refer\/join\/parent$/);
      await o.expectProblems("Enter the full name");
      await o.adult(ALEX.name, "alex.own@example.com", /\/refer\/join\/court$/, ALEX.born);
      await o.court(/\/refer\/join\/safety$/);
      await o.safety(/\/refer\/join\/practical$/);
      await o.practical(/\/refer\/join\/consent$/);
      await o.consent(/\/refer\/join\/check$/);
      for (const secret of [SAM.name, "Amelia", SAM.email, ALEX.email]) {
        expect(await o.page.content()).not.toContain(secret);
      }
      await o.press("Send my part", /\/refer\/join\/sent$/);
      await expect(o.page.getByRole("heading", { name: "Your part has been sent" })).toBeVisible();
      await o.axe();
      await other.context.close();
    });

    test("answers that need supervised contact never go to a supported-only centre", async ({ page }) => {
      const w = new Wizard(page, js);
      await w.open(`/refer?centre=${SUPPORTED_ONLY}`);
      await w.press("Start now", /\/refer\/who$/);
      await w.who("A parent the children live with");
      await w.service("Supported contact");
      await w.child("Ben Jones", "1", "9", "2020");
      await w.press("Continue", /\/refer\/resident-parent$/);
      await w.adult(SAM.name, SAM.email, /\/refer\/other-parent$/, SAM.born);
      await w.adult(ALEX.name, ALEX.email, /\/refer\/other-people$/, ALEX.born);
      await w.choose(/anyone else come to the centre/, "No");
      await w.continue(/\/refer\/court$/);
      await w.court(/\/refer\/safety$/);
      await w.safety(/\/refer\/supervised$/, "Abuse of the children");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("The children need supervised contact");
      await expect(page.getByText("there has been abuse of the children")).toBeVisible();
      await w.axe();
      // The way on: a centre that offers supervised contact.
      await page.getByRole("link", { name: "Find a centre that offers supervised contact" }).click();
      await page.waitForURL(/service=supervised/);
      await w.open(`/refer?centre=${SUPERVISED_TOO}`);
      await w.press("Use this centre for that referral", /\/refer\/service$/);
      await w.service("Supported contact");
      await w.open("/refer/practical");
      await w.practical(/\/refer\/consent$/);
      await w.consent(/\/refer\/check$/);
      await expect(page.getByText("the centre will offer supervised contact")).toBeVisible();
      await w.send();
    });

    test("save, close the browser, and carry on in another", async ({ page, browser }) => {
      const w = new Wizard(page, js);
      await w.open(`/refer?centre=${SUPPORTED_ONLY}`);
      await w.press("Start now", /\/refer\/who$/);
      await w.who("A parent the children do not live with");
      await w.choose("What kind of contact does the family need?", "Handover only");
      await w.press("Save and come back later", /\/refer\/saved$/);
      await w.axe();
      const reference = await codeIn(page, "saved-code", "Your reference", /^NR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const code = await codeIn(page, "saved-code", "Your code");
      await page.context().close();

      const other = await otherBrowser(browser, js);
      const o = other.wizard;
      await o.open("/refer/resume");
      await o.fill("Reference", reference);
      await o.fill("Code", "2222-2222-2222");
      await o.press("Continue", /\/refer\/resume$/);
      await expect(o.page.locator(".error-summary")).toContainText("do not match");
      await expect(o.page.getByLabel("Reference")).toHaveValue(reference);
      await o.axe();
      await o.fill("Code", code);
      await o.press("Continue", /\/refer\/tasks$/);
      await expect(o.page.getByText("You have completed 2 of")).toBeVisible();
      await o.axe();
      await o.page.getByRole("link", { name: "The centre and the kind of contact" }).click();
      await o.page.waitForURL(/\/refer\/service$/);
      await expect(o.page.getByLabel("Handover only")).toBeChecked();
      await other.context.close();
    });

    test("Exit this page leaves at once and closes the referral in this browser", async ({ page }) => {
      await stubNeutralSite(page);
      const w = new Wizard(page, js);
      await w.open(`/refer?centre=${SUPPORTED_ONLY}`);
      await w.press("Start now", /\/refer\/who$/);
      await page.getByRole("button", { name: "Emergency Exit this page" }).click();
      await page.waitForURL(NEUTRAL_SITE);
      if (js) {
        // The session is ended by a beacon sent as the page left. A beacon is fire-and-forget, so
        // it may land just after the neutral site loads: look again until it has (or time runs out).
        await expect
          .poll(async () => {
            await page.goto("/refer/tasks");
            return page.getByRole("heading", { level: 1 }).textContent();
          })
          .toBe("There is no referral open in this browser");
      }
    });
  });
}
