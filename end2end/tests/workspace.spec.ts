import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";
import { ALEX, SAM, Wizard, codeIn } from "./referral-helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

// The demo coordinator's and manager's centre (the seed is deterministic).
const STAFF_CENTRE = process.env.E2E_STAFF_CENTRE ?? "bangor-child-contact-centre-antrim-and-down";

/** A parent's referral to the staff centre, sent without JavaScript; its reference and a status code. */
async function referral(browser: Browser): Promise<{ reference: string; code: string; parent: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const parent = await context.newPage();
  const w = new Wizard(parent, false);
  await w.open(`/refer?centre=${STAFF_CENTRE}`);
  await w.press("Start now", /\/refer\/who$/);
  await w.completeAsParent();
  const reference = await w.send();
  await w.press("Get a code for checking progress", /\/refer\/sent/);
  const code = await codeIn(parent, "status-code", "Your code");
  await w.open("/refer/status");
  await w.fill("Reference", reference);
  await w.fill("Code", code);
  await w.press("Check progress", /\/refer\/status$/);
  return { reference, code, parent };
}

/** Day, month and year of the date `days` from today (negative: in the past). */
function day(days: number): [string, string, string] {
  const d = new Date(Date.now() + days * 86_400_000);
  return [String(d.getUTCDate()), String(d.getUTCMonth() + 1), String(d.getUTCFullYear())];
}

async function fillDate(form: ReturnType<Page["locator"]>, [d, m, y]: [string, string, string]) {
  await form.getByLabel("Day").fill(d);
  await form.getByLabel("Month").fill(m);
  await form.getByLabel("Year").fill(y);
}

async function hydrated(page: Page) {
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expectNoAxeViolations(page);
}

test("a new referral appears live in the coordinator's inbox, who works it to closing", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page, "centre.coordinator@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await page.getByRole("link", { name: "Referrals", exact: true }).click();
  await page.waitForURL(/\/centre\/referrals$/);
  await hydrated(page);

  // Sent in another browser: on the open inbox within 2 seconds, without reloading.
  const { reference, parent } = await referral(browser);
  await expect(page.locator("#referrals")).toContainText(reference, { timeout: 2_000 });
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: reference }).click();
  await page.waitForURL(new RegExp(`/centre/referrals/${reference}$`));
  await expect(page.locator("#case-stage")).toHaveText("New");
  await expect(page.locator("main")).toContainText("Amelia Jones");
  // Each parent's details under their own heading, never the other's.
  const resident = page.locator('h3:text-is("The parent the children live with") + dl');
  const other = page.locator('h3:text-is("The parent the children do not live with") + dl');
  await expect(resident).toContainText(SAM.email);
  await expect(resident).not.toContainText(ALEX.email);
  await expect(other).toContainText(ALEX.email);
  await expect(other).not.toContainText(SAM.email);
  await hydrated(page);

  const act = async (button: string, stage: string) => {
    await page.locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) })
      .getByRole("button", { name: button, exact: true }).click();
    await expect(page.locator("#case-stage")).toHaveText(stage);
    await expect(page.getByRole("status").filter({ hasText: "Done:" })).toBeVisible();
  };
  await act("Start screening", "Screening");
  await act("Accept", "Accepted");
  await expectNoAxeViolations(page);

  const book = page.locator("#action-book_pre_visit");
  await book.getByLabel("The referring parent").check();
  await fillDate(book, day(-5));
  await book.getByRole("button", { name: "Book a pre-visit" }).click();
  await expect(page.locator("#case-stage")).toHaveText("Pre-visits");
  await page.locator("#action-book_pre_visit").getByLabel("The other parent").check();
  await fillDate(page.locator("#action-book_pre_visit"), day(-4));
  await page.locator("#action-book_pre_visit").getByRole("button", { name: "Book a pre-visit" }).click();
  await expect(page.getByText("Done: Book a pre-visit.")).toBeVisible();
  // The page shows the case as it now is (both pre-visits) before the next action.
  await expect(page.locator("#case-history li").filter({ hasText: "Book a pre-visit" })).toHaveCount(2);

  // The first session on a pre-visit day is refused, clearly.
  const start = page.locator("#action-start_contact");
  await fillDate(start, day(-4));
  await start.getByRole("button", { name: "Start contact" }).click();
  await expect(page.locator(".error-summary")).toContainText("cannot be on the same day as a pre-visit");
  await expectNoAxeViolations(page);
  await fillDate(start, day(-2));
  await start.getByRole("button", { name: "Start contact" }).click();
  await expect(page.locator("#case-stage")).toHaveText("Contact under way");

  const session = page.locator("#action-record_session");
  await fillDate(session, day(-1));
  await session.getByLabel("Attended", { exact: true }).check();
  await session.getByRole("button", { name: "Record a session" }).click();
  await expect(page.getByText("Done: Record a session.")).toBeVisible();
  await expect(page.locator("#case-summary")).toContainText("1 session recorded");

  const close = page.locator("#action-close");
  await close.getByLabel("Withdrawn").check();
  await close.getByLabel(/this ends the case/).check();
  await close.getByRole("button", { name: "Close the case" }).click();
  await expect(page.locator("#case-stage")).toHaveText("Closed");
  await expect(page.locator("#case-history")).toContainText("Close the case");
  await hydrated(page);

  // The referrer's status page follows.
  await parent.reload();
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Contact at the centre has ended");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the manager screens and declines a referral, confirming it", async ({ page, browser }) => {
    test.setTimeout(300_000);
    const { reference, parent } = await referral(browser);
    await signIn(page, "centre.manager@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
    await page.goto(`/centre/referrals?q=${reference}`);
    await expect(page.locator("#inbox-summary")).toHaveText("1 referral matches");
    await page.getByRole("link", { name: reference }).click();
    await page.locator("#action-start_screening").getByRole("button", { name: "Start screening" }).click();
    await expect(page.locator("#case-stage")).toHaveText("Screening");

    const decline = page.locator("#action-decline");
    await decline.getByLabel("No capacity").check();
    await decline.getByRole("button", { name: "Decline" }).click();
    await expect(page.locator(".error-summary")).toContainText("Tick the box to confirm");
    await expect(page.locator("#action-decline").getByLabel("No capacity")).toBeChecked();
    await page.locator("#action-decline").getByLabel(/this ends the case/).check();
    await page.locator("#action-decline").getByRole("button", { name: "Decline" }).click();
    await expect(page.locator("#case-stage")).toHaveText("Declined");

    await page.goto("/centre/referrals?stage=declined");
    await expect(page.locator("#referrals")).toContainText(reference);
    await parent.reload();
    await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Not accepted — what you can do next");
  });
});
