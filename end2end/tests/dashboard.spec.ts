import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, withoutAppScripts } from "./helpers";
import { Wizard } from "./referral-helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

// The demo coordinator's and manager's centre (the seed is deterministic).
const STAFF_CENTRE = process.env.E2E_STAFF_CENTRE ?? "bangor-child-contact-centre-antrim-and-down";
const CHARTS = ["by-source", "by-stage", "referrals-trend", "no-show-trend", "capacity-trend"];

test("the dashboard moves within 2 seconds of a referral sent in another browser; every chart has its table", async ({ page, browser }) => {
  test.setTimeout(120_000);
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

  // A parent sends a referral to this centre, in another browser, without JavaScript.
  const parent = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const w = new Wizard(parent, false);
  await w.open(`/refer?centre=${STAFF_CENTRE}`);
  await w.press("Start now", /\/refer\/who$/);
  await w.completeAsParent();
  await w.send();

  // The open dashboard changes by itself (no reload), within 2 seconds of the referral arriving.
  await expect.poll(async () => Number(await received.textContent()), { timeout: 2_000 }).toBeGreaterThan(before);
  await expect.poll(async () => Number(await online.textContent())).toBeGreaterThan(onlineBefore);
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expectNoAxeViolations(page);
  await parent.context().close();
});

test("the dashboard works and is accessible without JavaScript, and prints without its controls", async ({ page }) => {
  await signIn(page, "centre.manager@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await withoutAppScripts(page);
  await page.goto("/centre");
  await expect(page.getByRole("link", { name: "Statistics returns" })).toBeVisible();
  for (const id of CHARTS) await expect(page.locator(`#${id}-table`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.locator(".chart__download").first()).toBeHidden();
  await expect(page.locator("#referrals-trend-table")).toBeVisible();
});
