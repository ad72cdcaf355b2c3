import { type Browser, expect, test } from "@playwright/test";
import { expectNoAxeViolations, withoutAppScripts } from "./helpers";
import { sendReferralToStaffCentre } from "./referral-helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

/** A parent's referral to the staff centre, sent in a browser of its own without JavaScript. */
async function sendReferral(browser: Browser) {
  await sendReferralToStaffCentre(browser);
}

const CHARTS = ["by-source", "by-stage", "referrals-trend", "no-show-trend", "capacity-trend"];

test("the dashboard moves within 2 seconds of a referral sent in another browser; every chart has its table", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page, "centre.coordinator@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Your centre:");

  // Every chart: an SVG named by its title, a sentence, a table of its figures and its CSV.
  for (const id of CHARTS) {
    const figure = page.locator(`#chart-${id}`);
    await expect(figure.locator(`svg[role="img"][aria-labelledby="${id}-title ${id}-desc"]`)).toBeVisible();
    await expect(figure.locator(`#${id}-summary`)).not.toBeEmpty();
    await expect(figure.getByRole("table")).toBeVisible();
    expect(await figure.locator("tbody tr").count()).toBeGreaterThan(1);
    const csv = await page.request.get(`/centre/dashboard/${id}.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
  }
  await expectNoAxeViolations(page);

  const received = page.locator("#dashboard-headline .figure-card").filter({ hasText: "Referrals received" }).locator(".figure-card__value");
  const online = page.locator("#by-source-table tbody tr").first().locator("td");
  const before = Number(await received.textContent());
  const onlineBefore = Number(await online.textContent());

  // Marks this very page: a reload would lose the mark.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  // A parent sends a referral to this centre, in another browser, without JavaScript.
  await sendReferral(browser);

  // The open dashboard changes by itself (no reload), within 2 seconds of the referral arriving.
  await expect.poll(async () => Number(await received.textContent()), { timeout: 2_000 }).toBeGreaterThan(before);
  await expect.poll(async () => Number(await online.textContent())).toBeGreaterThan(onlineBefore);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere), "not reloaded").toBe(true);
  await expect(page.locator("#dashboard-as-of")).toContainText("Figures as of");

  // Paused, news does not move the page; resumed, it catches up at once.
  const pause = page.getByRole("button", { name: "Pause live updates" });
  await pause.click();
  await expect(pause).toHaveAttribute("aria-pressed", "true");
  const held = Number(await received.textContent());
  await sendReferral(browser);
  await page.waitForTimeout(2_500);
  expect(Number(await received.textContent()), "held still while paused").toBe(held);
  await pause.click();
  await expect(pause).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => Number(await received.textContent()), { timeout: 2_000 }).toBeGreaterThan(held);
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expectNoAxeViolations(page);
});

test("the dashboard works and is accessible without JavaScript, and prints without its controls", async ({ page, browser }) => {
  // Signing in may wait for the next authenticator code when another test has just used this one.
  test.setTimeout(180_000);
  await signIn(page, "centre.manager@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await withoutAppScripts(page);
  await page.goto("/centre");
  await expect(page.getByRole("link", { name: "Statistics returns" })).toBeVisible();
  for (const id of CHARTS) await expect(page.locator(`#${id}-table`)).toBeVisible();
  await expectNoAxeViolations(page);

  // Printed (with the stylesheet, which the no-JavaScript view above does without): the
  // figures and tables, not the controls.
  const printed = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await printed.goto("/centre");
  await printed.emulateMedia({ media: "print" });
  await expect(printed.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(printed.locator(".chart__download").first()).toBeHidden();
  await expect(printed.locator("#referrals-trend-table")).toBeVisible();
  await printed.context().close();
});
