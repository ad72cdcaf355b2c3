import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, withoutAppScripts } from "./helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

const MANAGER = "centre.manager@demo.naccc.org.uk";

/** From the manager's list, opens the latest ended quarter's return, which the demo leaves unsent. */
async function openUnsentReturn(page: Page) {
  await page.goto("/centre/returns");
  const table = page.getByRole("table", { name: "Your centre's returns, newest first" });
  await expect(table).toBeVisible();
  const row = table.getByRole("row").filter({ hasText: "Not started" }).filter({ hasNotText: "Quarter not ended" }).first();
  await row.getByRole("link").click();
  await page.waitForURL(/\/centre\/returns\/\d{4}-Q[1-4]$/);
}

/** Fills every figure left empty (the figures only the centre knows): 100 sessions available, else 0. */
async function fillEmptyFigures(page: Page) {
  const inputs = page.locator("#return-form input.input");
  for (let i = 0; i < (await inputs.count()); i++) {
    const input = inputs.nth(i);
    if ((await input.inputValue()) !== "") continue;
    const id = (await input.getAttribute("id")) ?? "";
    await input.fill(id.endsWith("sessions-available") ? "100" : "0");
  }
}

/** The referrals received of `service` set to what its sources add up to. */
async function totalFromSources(page: Page, service: string) {
  const sources = page.locator(`#return-form input[id^="${service}-source-"]`);
  let sum = 0;
  for (let i = 0; i < (await sources.count()); i++) sum += Number(await sources.nth(i).inputValue());
  await page.locator(`#${service}-referrals`).fill(String(sum));
}

test("a manager corrects the pre-filled return, sees the sum error (JavaScript off, then on), explains a query and submits; NACCC's chase list shows it", async ({ browser }) => {
  test.setTimeout(300_000);

  // JavaScript off: the error comes back from the server, with what was typed.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(plain, MANAGER, PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await openUnsentReturn(plain);
  const address = plain.url();
  await expect(plain.locator("main")).toContainText("Worked out from your referrals");
  await fillEmptyFigures(plain);
  await plain.locator("#supported-referrals").fill("999");
  await plain.getByRole("button", { name: "Submit return" }).click();
  await plain.waitForURL(address);
  await expect(plain.locator(".error-summary")).toContainText("but referrals received is 999");
  await expect(plain.locator("#supported-referrals")).toHaveValue("999");
  await plain.context().close();

  // JavaScript on: the same shared rule, at once, without sending.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, MANAGER, PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await page.goto("/centre/returns");
  await expectNoAxeViolations(page);
  await openUnsentReturn(page);
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expectNoAxeViolations(page);
  await fillEmptyFigures(page);
  await page.locator("#supported-referrals").fill("999");
  let sent = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/centre/return/save") sent++;
  });
  await page.getByRole("button", { name: "Submit return" }).click();
  await expect(page.locator(".error-summary")).toContainText("but referrals received is 999");
  await expect(page.locator("#supported-referrals")).toHaveAttribute("aria-invalid", "true");
  expect(sent).toBe(0);
  await expectNoAxeViolations(page);

  // Put right; then any query (a figure far from last quarter's) needs a word of explanation.
  for (const service of ["supported", "supervised"]) {
    if (await page.locator(`#${service}-referrals`).count()) await totalFromSources(page, service);
  }
  await page.getByRole("button", { name: "Submit return" }).click();
  const explain = page.locator('.error-summary a[href^="#why-"]');
  if (await explain.count()) {
    await expect(page.locator(".error-summary")).toContainText("Explain this figure");
    for (const href of await explain.evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""))) {
      await page.locator(href).fill("A family centre nearby closed, so more families came to us");
    }
    await page.getByRole("button", { name: "Submit return" }).click();
  }
  await page.waitForURL(/\?done=submitted$/);
  await expect(page.locator("#return-state")).toHaveText("Submitted");
  await expectNoAxeViolations(page);
  const quarter = new URL(page.url()).pathname.split("/").pop() ?? "";
  const centre = (await page.locator("#return-facts dd").first().textContent()) ?? "";

  // NACCC: the centre is on the chase list as sent.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await admin.goto(`/admin/returns?quarter=${quarter}`);
  const row = admin.locator("#chase-list tr").filter({ hasText: centre });
  await expect(row).toContainText("Submitted");
  await expect(admin.locator("#chase-summary")).toContainText("centres have sent this return");
  await expectNoAxeViolations(admin);
});

test("the returns pages are accessible without JavaScript", async ({ page }) => {
  // Signing in may wait for the next authenticator code when another test has just used this one.
  test.setTimeout(180_000);
  await signIn(page, MANAGER, PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await withoutAppScripts(page);
  await page.goto("/centre/returns");
  await expectNoAxeViolations(page);
});

test("NACCC adds a question to the quarter's return: checked at once with JavaScript, refused with what was typed without", async ({ browser }) => {
  test.setTimeout(180_000);
  // Without JavaScript: a choice question with one answer comes back from the server, as typed.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(plain, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await plain.getByRole("link", { name: "Questions added to this quarter's statistics return" }).click();
  await plain.waitForURL(/\/admin\/returns\/questions$/);
  await plain.getByLabel("Question", { exact: true }).fill("Which presenting issues did families bring?");
  await plain.getByLabel("One choice from a list").check();
  await plain.getByLabel("Answers to choose from").fill("Domestic abuse");
  await plain.getByRole("button", { name: "Add question" }).click();
  await expect(plain.locator(".error-summary")).toContainText("Enter at least two answers to choose from");
  await expect(plain.getByLabel("Question", { exact: true })).toHaveValue("Which presenting issues did families bring?");
  await plain.context().close();

  // With JavaScript: the same shared rule before anything is sent; then added.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await page.goto("/admin/returns/questions");
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expectNoAxeViolations(page);
  let sent = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/admin/returns/question/add") sent++;
  });
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.locator(".error-summary")).toContainText("Enter the question");
  expect(sent).toBe(0);
  await expectNoAxeViolations(page);
  const text = `How many families came from a refuge? (${Date.now()})`;
  await page.getByLabel("Question", { exact: true }).fill(text);
  await page.getByLabel("A whole number").check();
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.locator("#questions-done")).toContainText("Question added");
  await expect(page.locator("#questions")).toContainText(text);
  await expectNoAxeViolations(page);
});
