import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration, withoutAppScripts } from "./helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

const PAGES = [
  "what-is-a-child-contact-centre",
  "supported-and-supervised-contact",
  "making-a-referral",
  "the-first-visit",
  "costs",
  "information-line",
  "questions",
  "accessibility",
  "privacy",
  "cookies",
];

test("every information page renders, links to the others and is accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Information for families" }).click();
  await page.waitForURL(/\/information$/);
  await expectNoAxeViolations(page);
  const listed = await page.locator("#information-pages a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(listed).toEqual(PAGES.map((slug) => `/information/${slug}`));
  for (const slug of PAGES) {
    const response = await page.goto(`/information/${slug}`);
    expect(response?.status(), slug).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Lifetimes are filled in from the values the server enforces: no placeholder is left.
    await expect(page.locator("main")).not.toContainText("{");
    await expectNoAxeViolations(page);
  }
  await page.goto("/information/privacy");
  await expect(page.locator("main")).toContainText("a referral you have not sent yet: 30 days from when you last saved it");
  await expect(page.locator("main")).toContainText("a referral the centre has closed: 2 years");
  const missing = await page.goto("/information/no-such-page");
  expect(missing?.status()).toBe(404);
  await expectNoAxeViolations(page);
});

test("a parent sends a message with JavaScript: the shared rules answer at once; NACCC reads it and marks it handled", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/contact");
  await waitForHydration(page);
  await expectNoAxeViolations(page);
  let sent = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/contact/send") sent++;
  });
  await page.getByLabel("Your name").fill("Jo Parent");
  await page.getByLabel("By phone").check();
  await page.getByLabel("Phone number (if you chose phone)").fill("call me");
  await page.getByRole("button", { name: "Send message" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Enter a UK phone number");
  await expect(summary).toContainText("Say whether we may leave a message on this phone");
  await expect(summary).toContainText("Enter your message");
  expect(sent).toBe(0);
  await expectNoAxeViolations(page);
  await page.getByLabel("Phone number (if you chose phone)").fill("07700 900 982");
  await page.getByLabel("No", { exact: true }).check();
  const words = `Is there a centre open on Saturdays near Leeds? ${Date.now()}`;
  await page.getByLabel("Your message").fill(words);
  await page.getByRole("button", { name: "Send message" }).click();
  await page.waitForURL(/\/contact\/sent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Message sent");
  await expectNoAxeViolations(page);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await admin.getByRole("link", { name: "Messages from the contact form" }).click();
  const card = admin.locator("#messages section").filter({ hasText: words });
  await expect(card).toContainText("Jo Parent");
  await expect(card).toContainText("Phone 07700900982 (do not leave a message)");
  await expect(card).toContainText("Not yet handled");
  await expectNoAxeViolations(admin);
  await card.getByRole("button", { name: /Mark as handled/ }).click();
  await expect(admin.locator("#marked")).toContainText("Marked as handled.");
  await expect(admin.locator("#messages section").filter({ hasText: words })).toContainText("Handled");
  // The notice to NACCC says there is a message, and nothing of what it says.
  await admin.goto("/admin/outbox");
  await expect(admin.locator("main")).toContainText("A new message from the contact form");
  await expect(admin.locator("main")).not.toContainText("Jo Parent");
});

test("without JavaScript the contact form is refused with what was typed kept, then sent", async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/contact");
  await page.getByLabel("Your name").fill("Sam");
  await page.getByLabel("Your message").fill("The map does not load on my phone.");
  await page.getByRole("button", { name: "Send message" }).click();
  await page.waitForURL(/\/contact$/);
  await expect(page.locator(".error-summary")).toContainText("Choose how we should reply");
  await expect(page.getByLabel("Your name")).toHaveValue("Sam");
  await expect(page.getByLabel("Your message")).toHaveValue("The map does not load on my phone.");
  await page.getByLabel("I do not need a reply").check();
  await page.getByRole("button", { name: "Send message" }).click();
  await page.waitForURL(/\/contact\/sent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Message sent");

  // The same pages as the server draws them, checked by axe-core.
  const checked = await (await browser.newContext()).newPage();
  await withoutAppScripts(checked);
  await checked.goto("/contact");
  await expectNoAxeViolations(checked);
});

for (const js of [true, false]) {
  test(`in Welsh, the information pages and the contact form's problems are Welsh (${js ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    await page.goto("/information?lang=cy");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gwybodaeth i deuluoedd");
    await page.locator("#information-pages a").first().click();
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.locator("main")).not.toContainText("A child contact centre is a safe, friendly place");

    await page.goto("/contact");
    if (js) await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await page.getByLabel("Eich enw").fill("Siôn");
    await page.getByLabel("Eich neges").fill("Ble mae'r ganolfan agosaf?");
    await page.getByRole("button", { name: "Anfon neges" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("heading")).toHaveText("Mae problem wedi codi");
    await expect(summary).toContainText("Dewiswch sut dylen ni ateb");
    await expect(page.getByLabel("Eich enw")).toHaveValue("Siôn");
    await expect(page.getByLabel("Eich neges")).toHaveValue("Ble mae'r ganolfan agosaf?");
    if (js) await expectNoAxeViolations(page);
    await context.close();
  });
}
