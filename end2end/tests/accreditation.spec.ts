import { expect, type Browser, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, withoutAppScripts } from "./helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

const MANAGER = "centre.manager@demo.naccc.org.uk";
const ADMIN = "naccc.admin@demo.naccc.org.uk";
const ASSESSOR = "assessor@demo.naccc.org.uk";

/** A date as the forms take it, `days` from today (UTC, as the browser counts). */
function isoDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function staff(browser: Browser, email: string, home: RegExp, javaScriptEnabled = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, email, PASSWORD, AUTHENTICATOR_KEY, home);
  return page;
}

/** Opens `path` and checks it with axe-core. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await expectNoAxeViolations(page);
}

/** Presses a form's button and waits for the page it is sent back to. */
async function press(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name, exact: typeof name === "string" }).click()]);
}

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PROGRAM = Buffer.from("MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode");

test("a candidate applies and self-assesses with evidence, the assessor queries a standard, NACCC accredits with conditions, the plan is closed and the public page shows it; a suspended centre leaves the search", async ({ browser }) => {
  // Long: about 90 page loads by four people, several of them signing in as accounts other
  // suites use at the same time (each waits for a fresh authenticator code). Alone it takes about
  // two minutes; beside the whole suite on two cores it has taken over six.
  test.setTimeout(900_000);

  // The application without JavaScript: refused with what was typed kept, then sent.
  const plain = await staff(browser, MANAGER, /\/centre$/, false);
  await plain.goto("/centre/accreditation");
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Apply for accreditation");
  await plain.getByLabel("Who signed NACCC's working agreement for the centre?").fill("Ann Lee");
  await press(plain, "Send the application");
  await expect(plain.locator(".error-summary")).toContainText("Choose the contact you are applying to be accredited for");
  await expect(plain.getByLabel("Who signed NACCC's working agreement for the centre?")).toHaveValue("Ann Lee");
  await plain.getByLabel("Supported contact", { exact: true }).check();
  await plain.getByLabel("A centre with a fixed venue").check();
  await plain.getByLabel("The date it was signed").fill(isoDay(-1));
  await press(plain, "Send the application");
  await expect(plain.locator("#case-stage")).toHaveText("Applied: waiting for NACCC to confirm");
  await expect(plain.locator("#case-facts")).toContainText("NACCC confirms the application by");
  await plain.context().close();

  const manager = await staff(browser, MANAGER, /\/centre$/);
  await visit(manager, "/centre/accreditation");
  const centre = (await manager.locator("#case-centre").innerText()).trim();

  // NACCC confirms it, the fee paid.
  const admin = await staff(browser, ADMIN, /\/admin$/);
  await visit(admin, "/admin/accreditation");
  await admin.locator("#all-cases").getByRole("link", { name: centre }).click();
  await expectNoAxeViolations(admin);
  const casePage = admin.url();
  await admin.getByLabel("Date the fee was paid").fill(isoDay(0));
  await press(admin, "Confirm the application");
  await expect(admin.locator("#case-stage")).toHaveText("Self-assessment");

  // The self-assessment, section by section: a refused file, an evidence file, every standard met.
  await manager.reload();
  await expect(manager.locator("#case-facts")).toContainText("The candidate completes accreditation by");
  await expectNoAxeViolations(manager);
  const sections = await manager.locator(".task-list__name").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
  expect(sections.length).toBe(10);
  for (const [i, href] of sections.entries()) {
    await manager.goto(href);
    if (i === 0) {
      await expectNoAxeViolations(manager);
      await manager.getByLabel("Add a file for 1.1").setInputFiles({ name: "policy.pdf", mimeType: "application/pdf", buffer: PROGRAM });
      await press(manager, "Upload file for 1.1");
      await expect(manager.locator(".error-summary")).toContainText("The file must be a PDF");
      await expectNoAxeViolations(manager);
      await manager.getByLabel("Add a file for 1.1").setInputFiles({ name: "Safeguarding policy.pdf", mimeType: "application/pdf", buffer: PDF });
      await press(manager, "Upload file for 1.1");
      await expect(manager.locator("#accreditation-done")).toHaveText("File added.");
      await expect(manager.locator(".evidence-files")).toContainText("Safeguarding policy.pdf");
    }
    const radios = manager.locator('input[type="radio"][value="met"]');
    for (let j = 0; j < (await radios.count()); j++) await radios.nth(j).check();
    await press(manager, "Save this section");
    await expect(manager.locator("#accreditation-done")).toHaveText("Saved.");
  }
  await manager.goto("/centre/accreditation");
  await expect(manager.locator("#unanswered")).toContainText("Every standard is answered");
  await press(manager, "Send the self-assessment to NACCC");
  await expect(manager.locator("#case-stage")).toHaveText("Submitted: waiting for an assessor");

  // NACCC assigns the demo assessor.
  await admin.goto(casePage);
  await admin.getByLabel("Assessor").selectOption({ index: 1 });
  await press(admin, "Assign");
  await expect(admin.locator("#case-stage")).toHaveText("Desk review");

  // The assessor agrees every standard but one, and queries that one.
  const assessor = await staff(browser, ASSESSOR, /\/assess$/);
  await visit(assessor, "/assess/cases");
  await assessor.locator("#assessor-cases").getByRole("link", { name: centre }).click();
  await expectNoAxeViolations(assessor);
  await assessor.getByLabel("Query on 1.1 for the centre").fill("Which version of the safeguarding policy do volunteers sign?");
  await press(assessor, "Save query on 1.1");
  // Section by section (each page load is long: the whole catalogue is on it), then any single
  // standard left; the section buttons leave 1.1 alone while its query waits.
  for (const name of [/^Agree the rest of /, /^Agree (?!1\.1$)/]) {
    for (;;) {
      const agree = assessor.getByRole("button", { name });
      if ((await agree.count()) === 0) break;
      await Promise.all([assessor.waitForNavigation(), agree.first().click()]);
    }
  }
  await expect(assessor.locator("#standard-national-1-1 h3")).toContainText("Queried");
  await expect(assessor.locator("#standard-national-1-2 h3")).toContainText("Agreed");
  await press(assessor, "Send the queries to the centre");
  await expect(assessor.locator("#case-stage")).toHaveText("Queries for the centre");

  // The centre answers.
  await visit(manager, "/centre/accreditation");
  await expect(manager.locator(".query-reply")).toContainText("Which version of the safeguarding policy");
  await manager.getByLabel("Your answer").fill("Version 3, signed by every volunteer at induction.");
  await press(manager, "Save answer");
  await press(manager, "Send your answers to the assessor");
  await expect(manager.locator("#case-stage")).toHaveText("Desk review");

  // The assessor agrees it, visits and recommends conditions.
  await assessor.reload();
  await expect(assessor.locator("#standard-national-1-1")).toContainText("Version 3, signed by every volunteer");
  await press(assessor, "Agree 1.1");
  await press(assessor, "Complete the desk review");
  await expect(assessor.locator("#case-stage")).toHaveText("Assessor's visit");
  await expectNoAxeViolations(assessor);
  await assessor.getByLabel("Date of the visit").fill(isoDay(0));
  await assessor.getByLabel("Report of the visit").fill("A calm, well-run centre. Two volunteers still to complete safeguarding training.");
  await press(assessor, "Save the visit");
  await assessor.getByLabel("Accredited with conditions").check();
  await press(assessor, "Send the recommendation to NACCC");
  await expect(assessor.locator("#case-stage")).toHaveText("Waiting for NACCC's decision");

  // NACCC accredits with conditions and sets the action plan.
  await visit(admin, casePage);
  await expect(admin.locator("main")).toContainText("The assessor recommends: Accredited with conditions.");
  await press(admin, "Decide: Accredited with conditions");
  await expect(admin.locator("#case-stage")).toHaveText("Accredited with conditions");
  await admin.getByLabel("What the centre must do").fill("Two volunteers to complete safeguarding training");
  await admin.getByLabel("Due by").fill(isoDay(60));
  await press(admin, "Add to the action plan");
  await expectNoAxeViolations(admin);

  // The centre answers the action; NACCC closes the plan.
  await visit(manager, "/centre/accreditation");
  await manager.getByLabel(/What the centre has done/).fill("Both trained on 20 January; certificates on file.");
  await press(manager, "Save answer");
  await admin.reload();
  await press(admin, "Close the action plan: the conditions are met");
  await expect(admin.locator("#case-stage")).toHaveText("Accredited");

  // The centre's public page shows the result.
  const visitor = await (await browser.newContext()).newPage();
  await admin.locator("#case-centre a").click();
  await visitor.goto(admin.url());
  await expect(visitor.locator("main")).toContainText("Accredited");
  await expect(visitor.locator("main")).toContainText("Next renewal due");
  await expectNoAxeViolations(visitor);

  // A centre working outside the standards is suspended: it leaves the search; reinstated, it is back.
  await visit(admin, "/admin/accreditation");
  const renewing = admin.locator("#renewals-due").getByRole("link").first();
  const name = (await renewing.innerText()).trim();
  await renewing.click();
  await admin.getByLabel("Why (the centre sees this)").fill("Working outside the National Standards");
  await press(admin, "Suspend the centre");
  await expect(admin.locator("#case-stage")).toHaveText("Suspended");
  const search = `/find-a-centre?q=${encodeURIComponent(name)}`;
  await visitor.goto(search);
  await expect(visitor.getByRole("link", { name })).toHaveCount(0);
  await press(admin, "Reinstate the centre");
  await visitor.goto(search);
  await expect(visitor.getByRole("link", { name }).first()).toBeVisible();
});

test("the accreditation pages are accessible without JavaScript", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const [email, home, paths] of [
    [ADMIN, /\/admin$/, ["/admin/accreditation"]],
    [ASSESSOR, /\/assess$/, ["/assess/cases"]],
  ] as const) {
    const page = await staff(browser, email, home);
    await withoutAppScripts(page);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    // NACCC's case pages too, whatever stage the demo left them at.
    if (email === ADMIN) {
      const links = await page.locator("#all-cases a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
      for (const href of links.slice(0, 5)) {
        await page.goto(href);
        await expect(page.locator("#case-stage")).toBeVisible();
        await expectNoAxeViolations(page);
      }
    }
    await page.context().close();
  }
});
