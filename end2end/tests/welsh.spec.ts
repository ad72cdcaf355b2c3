import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers";

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
  await page.goto("/contact");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.locator("p.notice[lang=cy]")).toContainText("Nid yw'r dudalen hon ar gael yn Gymraeg eto.");
  await expectNoAxeViolations(page);

  // Back to English: the same page, and remembered.
  await page.getByRole("link", { name: "English" }).click();
  await page.waitForURL(/\/contact\?lang=en$/);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("link", { name: "Cymraeg" })).toBeVisible();
});
