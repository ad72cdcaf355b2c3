import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers";
import { SUPPORTED_ONLY, Wizard } from "./referral-helpers";

test("a parent switches to Welsh, searches in Welsh with JavaScript, and the choice is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  const toWelsh = page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Cymraeg" });
  await expect(toWelsh).toHaveAttribute("lang", "cy");
  await expect(toWelsh).toHaveAttribute("hreflang", "cy");
  await toWelsh.click();
  await page.waitForURL(/\/\?lang=cy$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Helpu plant i gadw mewn cysylltiad â'r ddau riant, yn ddiogel");
  await expectNoAxeViolations(page);

  // Remembered: the next page, reached by its own address, is in Welsh too.
  await page.goto("/find-a-centre");
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dod o hyd i ganolfan cyswllt plant");

  // A search in place (no page load): results and problems in Welsh, and the switch follows.
  await page.getByLabel("Cod post").fill("NOT A POSTCODE");
  await page.getByRole("button", { name: "Chwilio" }).click();
  await expect(page.getByRole("link", { name: "Rhowch god post go iawn, fel CF10 1EP" })).toBeVisible();
  await expect(page.getByLabel("Cod post")).toHaveValue("NOT A POSTCODE");
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("href", /^\/find-a-centre\?postcode=NOT\+A\+POSTCODE&.*lang=en$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Cod post").fill("NG1 5FW");
  await page.getByRole("button", { name: "Chwilio" }).click();
  await expect(page.locator("main")).toContainText("yr agosaf at NG1 5FW yn gyntaf");
  await expect(page.locator("main")).toContainText("milltir i ffwrdd");

  // A centre page in Welsh; a page not written in Welsh yet says so, in Welsh, and is marked English.
  await page.locator("#finder-results a[href^='/centres/']").first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.getByText("Amseroedd agor")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/no-such-page");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.locator("p.notice[lang=cy]")).toContainText("Nid yw'r dudalen hon ar gael yn Gymraeg eto.");
  await expectNoAxeViolations(page);

  // The information pages and the contact form are written in Welsh too.
  await page.goto("/information");
  await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  await expect(page.locator("p.notice")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Back to English: the same page, and remembered.
  await page.getByRole("link", { name: "English" }).click();
  await page.waitForURL(/\/information\?lang=en$/);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("link", { name: "Cymraeg" })).toBeVisible();
});

for (const js of [true, false]) {
  test(`switching to Welsh in the middle of a referral keeps the answers, in Welsh questions and problems (${js ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    const w = new Wizard(page, js);
    await w.open(`/refer?centre=${SUPPORTED_ONLY}`);
    await w.press("Start now", /\/refer\/who$/);
    await w.who("A parent the children live with");
    await w.service("Supported contact");
    await w.child("Amelia Jones", "3", "4", "2019");

    // The switch leads to the same page in Welsh, with what was saved.
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Cymraeg" }).click();
    await page.waitForURL(/\/refer\/children\?lang=cy$/);
    if (js) await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Y plant");
    await expect(page.locator("main")).toContainText("Amelia Jones");
    await w.axe();

    // The next question in Welsh; its problems in Welsh, from the browser's check (JavaScript)
    // or the server's (without), with the Welsh words for the date's parts.
    await page.getByRole("button", { name: "Parhau", exact: true }).click();
    await page.waitForURL(/\/refer\/resident-parent$/);
    if (js) await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Y rhiant y mae'r plant yn byw gydag ef neu hi");
    await expect(page.getByLabel("Diwrnod")).toBeVisible();
    await page.getByRole("button", { name: "Cadw a pharhau" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("heading")).toHaveText("Mae problem wedi codi");
    await expect(summary.getByRole("link", { name: "Rhowch yr enw llawn" })).toBeVisible();
    await expect(page.locator(".error-message").first()).toContainText("Gwall:");
    await expect(page.locator("main")).not.toContainText("Enter the full name");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await w.axe();

    // Earlier answers, in Welsh words: the task list and the first question.
    await page.goto("/refer/who");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.getByLabel("Rhiant y mae'r plant yn byw gydag ef neu hi")).toBeChecked();

    // And back to English, still there.
    await page.getByRole("navigation", { name: "Iaith" }).getByRole("link", { name: "English" }).click();
    await page.waitForURL(/\/refer\/who\?lang=en$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(page.getByLabel("A parent the children live with")).toBeChecked();
    await context.close();
  });
}
