import { type Browser, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers";

/** Demo centres (the seed is deterministic) that take online referrals: supported only, and both. */
export const SUPPORTED_ONLY = process.env.E2E_SUPPORTED_CENTRE ?? "bedford-family-contact-centre";
export const SUPERVISED_TOO = process.env.E2E_SUPERVISED_CENTRE ?? "chelmsford-child-contact-centre";

/** The two parents: every detail differs, so a swap of their details cannot pass unnoticed. */
export const SAM = { name: "Sam Jones", email: "sam@example.com", born: ["12", "6", "1990"] as [string, string, string] };
export const ALEX = { name: "Alex Jones", email: "alex@example.com", born: ["23", "9", "1987"] as [string, string, string] };

/** How a test drives the wizard: with JavaScript (and axe on every page and error) or without. */
export class Wizard {
  constructor(
    readonly page: Page,
    readonly js: boolean,
  ) {}

  async open(path: string) {
    await this.page.goto(path);
    if (this.js) await waitForHydration(this.page);
  }

  /** Checks the page with axe when JavaScript runs (axe needs it). */
  async axe() {
    if (this.js) await expectNoAxeViolations(this.page);
  }

  async choose(group: string | RegExp, option: string) {
    await this.page.getByRole("group", { name: group }).getByLabel(option, { exact: true }).check();
  }

  async tick(label: string | RegExp) {
    await this.page.getByLabel(label).check();
  }

  async fill(label: string | RegExp, value: string) {
    await this.page.getByLabel(label, { exact: typeof label === "string" }).fill(value);
  }

  /** Presses a button and waits for the address to change to `to`. */
  async press(button: string, to: string | RegExp) {
    await this.page.getByRole("button", { name: button, exact: true }).click();
    await this.page.waitForURL(to);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
    if (this.js) await waitForHydration(this.page);
  }

  /** Presses "Save and continue" with nothing answered: the error summary appears and takes focus. */
  async expectProblems(firstMessage: string | RegExp) {
    await this.page.getByRole("button", { name: "Save and continue" }).click();
    const summary = this.page.locator(".error-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(firstMessage);
    if (this.js) await expect(summary).toBeFocused();
    else await waitForSettled(this.page);
    await this.axe();
  }

  async continue(to: string | RegExp) {
    await this.press("Save and continue", to);
    await this.axe();
  }

  async who(kind: string) {
    await this.choose("Who is making this referral?", kind);
    await this.continue(kind.startsWith("A parent") ? /\/refer\/service$/ : /\/refer\/your-details$/);
  }

  async professional(name: string, organisation: string, email: string) {
    await this.fill("Your full name", name);
    await this.fill("Your organisation", organisation);
    await this.fill("Your work email address", email);
    await this.continue(/\/refer\/service$/);
  }

  async service(kind: string) {
    await this.choose("What kind of contact does the family need?", kind);
    await this.continue(/\/refer\/children$/);
  }

  async child(name: string, day: string, month: string, year: string) {
    await this.page.getByRole("link", { name: /Add (a|another) child/ }).click();
    await this.page.waitForURL(/\/refer\/children\/\d+$/);
    if (this.js) await waitForHydration(this.page);
    await this.fillChild(name, day, month, year);
  }

  async fillChild(name: string, day: string, month: string, year: string) {
    await this.fill("The child's full name", name);
    await this.fill("Day", day);
    await this.fill("Month", month);
    await this.fill("Year", year);
    await this.continue(/\/refer\/children$/);
  }

  async adult(name: string, email: string, next: RegExp, [day, month, year] = SAM.born) {
    await this.fill("Full name", name);
    await this.fill("Day", day);
    await this.fill("Month", month);
    await this.fill("Year", year);
    await this.choose("How can the centre contact them safely?", "By email");
    await this.fill("Email address (if by email)", email);
    await this.choose("Do they have parental responsibility for the children?", "Yes");
    await this.continue(next);
  }

  async court(next: RegExp) {
    await this.choose(/court proceedings about the children/, "No");
    await this.choose(/social services involved/, "No");
    await this.continue(next);
  }

  async safety(next: RegExp, abuse = "None of these") {
    await this.tick(abuse);
    await this.choose(/convicted of an offence against a child/, "No");
    await this.choose(/taken out of the country or hidden/, "No");
    await this.choose(/drug or alcohol use/, "No");
    await this.choose(/mental health/, "No");
    await this.choose(/any other concerns/, "No");
    await this.continue(next);
  }

  async practical(next: RegExp) {
    await this.tick("Saturday");
    await this.continue(next);
  }

  async consent(next: RegExp) {
    await this.tick("What I have told you is true, as far as I know");
    await this.tick("The centre may use this information to arrange contact for the children");
    await this.continue(next);
  }

  /** From `/refer/who`, answers every page validly for a parent, ending on check your answers. */
  async completeAsParent(kind = "A parent the children live with", checkErrors = false) {
    if (checkErrors) await this.expectProblems("Choose who is making the referral");
    await this.who(kind);
    if (checkErrors) await this.expectProblems("Choose the kind of contact the family needs");
    await this.service("Supported contact");
    await this.completeFamilyAndSafety(checkErrors);
  }

  async completeFamilyAndSafety(checkErrors = false) {
    if (checkErrors) {
      await this.page.getByRole("button", { name: "Continue", exact: true }).click();
      await expect(this.page.locator(".error-summary")).toContainText("Add at least one child");
      await this.axe();
    }
    if (checkErrors) {
      await this.page.getByRole("link", { name: "Add a child" }).click();
      await this.page.waitForURL(/\/refer\/children\/1$/);
      if (this.js) await waitForHydration(this.page);
      await this.expectProblems("Enter the full name");
      await this.fillChild("Amelia Jones", "3", "4", "2019");
    } else {
      await this.child("Amelia Jones", "3", "4", "2019");
    }
    await this.press("Continue", /\/refer\/resident-parent$/);
    if (checkErrors) await this.expectProblems("Enter the full name");
    await this.adult(SAM.name, SAM.email, /\/refer\/other-parent$/, SAM.born);
    await this.adult(ALEX.name, ALEX.email, /\/refer\/other-people$/, ALEX.born);
    if (checkErrors) await this.expectProblems("Say whether anyone else will come to the centre");
    await this.choose(/anyone else come to the centre/, "No");
    await this.continue(/\/refer\/court$/);
    if (checkErrors) await this.expectProblems(/court proceedings/);
    await this.court(/\/refer\/safety$/);
    if (checkErrors) await this.expectProblems("Select the kinds of abuse");
    await this.safety(/\/refer\/practical$/);
    if (checkErrors) await this.expectProblems("Select at least one day");
    await this.practical(/\/refer\/consent$/);
    if (checkErrors) await this.expectProblems("Confirm that what you have told us is true");
    await this.consent(/\/refer\/check$/);
  }

  /** Sends from check your answers; returns the reference shown on the confirmation. */
  async send(): Promise<string> {
    await this.axe();
    await this.press("Send referral", /\/refer\/sent$/);
    await expect(this.page.getByRole("heading", { name: "Referral sent" })).toBeVisible();
    await this.axe();
    const reference = (await this.page.locator(".panel--confirmation .code").textContent()) ?? "";
    expect(reference).toMatch(/^NR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    return reference;
  }
}

/** After a no-JavaScript form post the browser loads a new page; wait until it has. */
async function waitForSettled(page: Page) {
  await page.waitForLoadState("load");
}

/** Reads a code shown in the panel with this id (the value after `label`). */
export async function codeIn(
  page: Page,
  panelId: string,
  label: string,
  pattern = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/,
): Promise<string> {
  const panel = page.locator(`#${panelId}`);
  await expect(panel).toBeVisible();
  const titles = await panel.locator(".panel__title").allTextContents();
  const bodies = await panel.locator(".panel__body").allTextContents();
  const code = (bodies[titles.indexOf(label)] ?? "").trim();
  expect(code).toMatch(pattern);
  return code;
}

/** The demo coordinator's and manager's centre (the seed is deterministic). */
export const STAFF_CENTRE = process.env.E2E_STAFF_CENTRE ?? "bangor-child-contact-centre-antrim-and-down";

/** A parent's referral to the staff centre, sent in a browser of its own without JavaScript; its reference. */
export async function sendReferralToStaffCentre(browser: Browser): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const w = new Wizard(await context.newPage(), false);
  await w.open(`/refer?centre=${STAFF_CENTRE}`);
  await w.press("Start now", /\/refer\/who$/);
  await w.completeAsParent();
  const reference = await w.send();
  await context.close();
  return reference;
}
