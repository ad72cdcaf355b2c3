import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";
import { sendReferralToStaffCentre } from "./referral-helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

test("a coordinator asks NACCC for safeguarding advice on one case; the safeguarding lead reads it and advises until the request is closed", async ({ browser }) => {
  test.setTimeout(300_000);
  const reference = await sendReferralToStaffCentre(browser);

  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, "centre.coordinator@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/centre$/);
  await coordinator.goto(`/centre/referrals/${reference}`);
  await coordinator.getByRole("button", { name: "Ask NACCC for safeguarding advice" }).click();
  await expect(coordinator.locator(".error-summary")).toContainText("Say what you would like advice on");
  await expectNoAxeViolations(coordinator);
  await coordinator.getByLabel("What would you like advice on?").fill("The other parent has turned up at the centre uninvited twice.");
  await coordinator.getByRole("button", { name: "Ask NACCC for safeguarding advice" }).click();
  await expect(coordinator.locator("#advice-open")).toContainText("turned up at the centre uninvited");
  await expectNoAxeViolations(coordinator);

  // The demo administrator is a safeguarding lead: the request is listed, the case readable.
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await lead.goto("/admin/safeguarding");
  await expectNoAxeViolations(lead);
  await lead.locator("#advice-requests").getByRole("link", { name: reference }).click();
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText(`Referral ${reference}`);
  await expectNoAxeViolations(lead);
  const casePage = lead.url();
  await lead.getByLabel("Your advice to the centre").fill("Agree a handover plan with separate arrival times, and record each incident.");
  await lead.getByRole("button", { name: "Add advice" }).click();
  await expect(lead.getByRole("status")).toContainText("Advice added");

  // The centre sees the advice, and closes the request: the lead's access ends.
  await coordinator.reload();
  await expect(coordinator.locator("#advice-open")).toContainText("Agree a handover plan");
  await coordinator.getByRole("button", { name: "Close the advice request" }).click();
  await expect(coordinator.locator(".notification")).toContainText("Advice request closed");
  await lead.goto(casePage);
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText("Not open to you");
  await expect(lead.locator("main")).not.toContainText("handover plan");
  await expectNoAxeViolations(lead);
});
