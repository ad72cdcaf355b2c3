import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";
import { AUTHENTICATOR_KEY, PASSWORD, authenticatorCode, signIn } from "./staff-helpers";

// One journey across two browsers: the demo administrator (JavaScript on) invites a new
// administrator, who accepts by the emailed link with JavaScript off, sets up an authenticator and
// works the account pages without JavaScript; then a password reset by link, the audit log's
// filters, and disabling the new account, which takes effect on its next request.

async function hydrated(page: Page) {
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expectNoAxeViolations(page);
}

/** The link in the newest outbox email to `recipient`, as a path on this site. */
async function linkFor(admin: Page, recipient: string): Promise<string> {
  await admin.goto("/admin/outbox");
  await hydrated(admin);
  const message = admin.locator("#outbox li").filter({ hasText: `To ${recipient}` }).first();
  const body = (await message.locator(".message-body").textContent()) ?? "";
  const url = body.match(/https?:\/\/\S+/)?.[0];
  expect(url, "a link in the email").toBeTruthy();
  const parsed = new URL(url as string);
  return parsed.pathname + parsed.search;
}

async function noJsPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

test("an administrator invites a colleague, who signs up by link without JavaScript", async ({ page: admin, browser }) => {
  test.setTimeout(240_000);
  const email = `ada.${Date.now()}@naccc.example`;

  await signIn(admin, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await hydrated(admin);
  await admin.getByRole("link", { name: "Staff accounts" }).click();
  await admin.waitForURL(/\/admin\/users$/);
  await expect(admin.locator("#staff-accounts")).toContainText("Demo Board member");
  await hydrated(admin);
  await admin.getByRole("link", { name: "Invite someone" }).click();
  await admin.waitForURL(/\/admin\/users\/invite$/);
  await hydrated(admin);

  // The shared rules answer at once in the browser, beside each field.
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.locator(".error-summary")).toContainText("Enter the full name");
  await expect(admin.locator(".error-summary")).toContainText("Choose a role");
  await expectNoAxeViolations(admin);
  await admin.getByLabel("Email address").fill(email);
  await admin.getByLabel("Full name").fill("Ada Lovelace");
  await admin.getByLabel("NACCC administrator").check();
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await admin.waitForURL(/\/admin\/users\/\d+\?done=invited$/);
  await expect(admin.getByText("Invitation sent.")).toBeVisible();
  await expect(admin.locator("#account-status")).toHaveText("Invited");
  await hydrated(admin);
  const accountPage = new URL(admin.url()).pathname;

  // The invitee, without JavaScript: a too-easy password is explained, then a good one.
  const ada = await noJsPage(browser);
  await ada.goto(await linkFor(admin, email));
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText("Choose your password");
  await ada.getByLabel("New password").fill("password123");
  await ada.getByRole("button", { name: "Save password" }).click();
  await expect(ada.locator(".error-summary")).toContainText("harder to guess");
  await ada.getByLabel("New password").fill("copper lantern meadow swim");
  await ada.getByRole("button", { name: "Save password" }).click();
  await ada.waitForURL(/\/login\/enrol$/);
  const key = (await ada.locator("#totp-key").textContent())?.trim() ?? "";
  await ada.getByLabel("Code from the app").fill(authenticatorCode(key));
  const enrolledStep = Math.floor(Date.now() / 30_000); // not before the step of the code used
  await ada.getByRole("button", { name: "Finish setting up" }).click();
  await ada.waitForURL(/\/login\/recovery-codes$/);
  await expect(ada.locator("#recovery-codes li")).toHaveCount(8);
  await ada.getByRole("link", { name: "Continue" }).click();
  await ada.waitForURL(/\/admin$/);

  // Without JavaScript too: an administrator cannot disable their own account…
  await ada.goto("/admin/users");
  await ada.getByRole("link", { name: "Ada Lovelace" }).click();
  await ada.getByRole("button", { name: "Disable account" }).click();
  await expect(ada.locator(".error-summary")).toContainText("cannot change your own role or disable your own account");

  // The audit log shows who did what, filtered (axe on the page with JavaScript).
  await admin.goto("/admin/audit?action=admin.user");
  await hydrated(admin);
  await expect(admin.locator("#audit-entries")).toContainText("admin.user.invite");
  await expect(admin.locator("#audit-entries")).not.toContainText("staff.sign_in");
  await admin.getByLabel("From").fill("2001-01-01");
  await admin.getByLabel("To").fill("2001-01-02");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByText("No entries match.")).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.goto("/admin/subject-access?reference=NR-AAAA-AAAA&requester=resident_parent");
  await expect(admin.getByText("No referral with that reference")).toBeVisible();
  await hydrated(admin);

  // A forgotten password, with JavaScript: the link in the email sets a new one.
  const resetter = await (await browser.newContext()).newPage();
  await resetter.goto("/login");
  await hydrated(resetter);
  await resetter.getByRole("link", { name: "Forgotten your password?" }).click();
  await resetter.waitForURL(/\/login\/forgot$/);
  await hydrated(resetter);
  await resetter.getByLabel("Email address").fill(email);
  await resetter.getByRole("button", { name: "Send the link" }).click();
  await expect(resetter.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expectNoAxeViolations(resetter);
  await resetter.goto(await linkFor(admin, email));
  await expect(resetter.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await hydrated(resetter);
  await resetter.getByLabel("New password").fill("amber thistle rowing boat");
  await resetter.getByRole("button", { name: "Save password" }).click();
  await resetter.waitForURL(/\/login\?password-changed=1$/);
  await expect(resetter.getByText("Your password has been changed.")).toBeVisible();
  await hydrated(resetter);
  // The reset ended Ada's session.
  await ada.goto("/admin");
  await ada.waitForURL(/\/login$/);

  // An administrator ends every session of another account: Ada, signed in again, is signed out
  // on her next request. (Ada's own account, not a demo one: other suites running at the same
  // time are signed in as those.) Her authenticator code from enrolment is spent: a fresh one.
  while (Math.floor(Date.now() / 30_000) === enrolledStep) await new Promise((r) => setTimeout(r, 500));
  await signIn(ada, email, "amber thistle rowing boat", key, /\/admin$/);
  await admin.goto(accountPage);
  await hydrated(admin);
  await admin.getByRole("button", { name: "End all sessions" }).click();
  await expect(admin.getByText("Every session of this account has ended.")).toBeVisible();
  await ada.goto("/admin");
  await ada.waitForURL(/\/login$/);
  await admin.goto("/admin/audit?action=admin.user");
  await expect(admin.locator("#audit-entries")).toContainText("admin.user.end_sessions");

  // Disabling the account: refused on its next sign-in.
  await admin.goto(accountPage);
  await hydrated(admin);
  await admin.getByRole("button", { name: "Disable account" }).click();
  await expect(admin.getByText("Account disabled.")).toBeVisible();
  await expect(admin.locator("#account-status")).toHaveText("Disabled");
  await ada.goto("/login");
  await ada.getByLabel("Email address").fill(email);
  await ada.getByLabel("Password").fill("amber thistle rowing boat");
  await ada.getByRole("button", { name: "Continue" }).click();
  await expect(ada.locator(".error-summary")).toContainText("The email address or password is not right");
});

test("the sign-out page offers a button and changes nothing by itself", async ({ page }) => {
  await page.goto("/logout");
  await hydrated(page);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
