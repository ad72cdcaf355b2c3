import { expect, type Page, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expectNoAxeViolations, withoutAppScripts } from "./helpers";
import { sendReferralToStaffCentre } from "./referral-helpers";
import { AUTHENTICATOR_KEY, PASSWORD, signIn } from "./staff-helpers";

const BOARD = "board@demo.naccc.org.uk";

/** Each page of a PDF as its text. */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/\s+/g, " "));
  }
  return pages;
}

/** A table's body rows as the text of their cells. */
async function rows(page: Page, id: string): Promise<string[][]> {
  return page.locator(`#${id} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").trim())),
  );
}

/** CSV records after the header (RFC 4180: quoted fields may hold commas and doubled quotes). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== "," && c !== "\n" && c !== "\r")) {
      field += c;
    } else if (c === ",") {
      endField();
    } else if (c === "\n") {
      endField();
      records.push(record);
      record = [];
    }
  }
  if (field || record.length) {
    endField();
    records.push(record);
  }
  return records.slice(1);
}

test("a board member sees the overview, filters to Wales, opens an objective and prints the pack; page and CSV hide the same small numbers", async ({ page }) => {
  // Signing in may wait for the next authenticator code.
  test.setTimeout(300_000);
  await signIn(page, BOARD, PASSWORD, AUTHENTICATOR_KEY, /\/board$/);
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strategic indicators");
  await expect(page.locator("#board-summary")).toContainText("indicators with a target");
  for (const n of [1, 2, 3, 4]) await expect(page.locator(`#objective-${n}`)).toBeVisible();
  await expect(page.locator("#objective-2 [data-rag]").first()).toBeVisible();
  await expectNoAxeViolations(page);
  const quarter = (await page.getByLabel("Quarter", { exact: true }).inputValue()).trim();

  // Filtered to Wales: the address says so, and red/amber/green is the UK's alone.
  await page.getByLabel("Nation").selectOption("wales");
  await page.getByRole("button", { name: "Show these figures" }).click();
  await page.waitForURL(/nation=wales/);
  await expect(page.locator("#board-as-of")).toContainText("Wales.");
  await expect(page.locator("#board-summary")).toContainText("targets apply to the whole UK");
  await expect(page.locator("#objective-4 [data-rag]")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // One objective in detail: trend charts with their tables, splits by nation.
  await page.getByRole("link", { name: "Objective 4 in detail: trends, nations and parts" }).click();
  await page.waitForURL(/\/board\/objectives\/4\?.*nation=wales/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Objective 4:");
  await expect(page.locator("#chart-referrals svg")).toBeVisible();
  await expect(page.locator("#referrals-table tbody tr")).toHaveCount(8);
  await expectNoAxeViolations(page);

  // For the whole UK, the split by nation hides the Channel Islands' handful of referrals and one
  // other figure beside it; the CSV shows exactly the same.
  await page.goto("/board/objectives/4");
  const nations = await rows(page, "referrals-nations");
  expect(nations.find((r) => r[0] === "Channel Islands")?.[1]).toBe("<5");
  expect(nations.filter((r) => r[1] === "[c]")).toHaveLength(1);
  const csv = await page.request.get("/board/indicators.csv?indicator=referrals");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const records = csvRecords(await csv.text());
  for (const [nation, shown] of nations) {
    const record = records.find((r) => r[4] === nation && r[3] === quarter && r[5] === "");
    expect(record?.[6], `${nation} in the CSV`).toBe(shown);
  }

  // The pack, printed to PDF by Chromium: each objective starts a page, and every page carries
  // the period and the nation.
  await page.goto("/board/pack?nation=wales");
  await expect(page.locator(".pack-page")).toHaveCount(4);
  await expectNoAxeViolations(page);
  const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" } });
  const pages = await pdfPages(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(4);
  for (const [n, text] of pages.entries()) {
    expect(text, `page ${n + 1}`).toContain("NACCC board pack");
    expect(text, `page ${n + 1}`).toContain("Wales");
    expect(text, `page ${n + 1}`).toContain(quarter);
  }
  const starts = [1, 2, 3, 4].map((o) => pages.findIndex((text) => text.includes(`Objective ${o}:`)));
  expect(starts.every((s) => s >= 0), `${starts}`).toBe(true);
  // Each objective begins on a later page than the one before, never sharing it.
  for (let o = 1; o < 4; o++) expect(starts[o]).toBeGreaterThan(starts[o - 1]);
  for (let o = 1; o < 4; o++) expect(pages[starts[o]]).not.toContain(`Objective ${o}:`);
  expect(pages.join(" ")).not.toContain("Show these figures");
});

test("the board's pages work and are accessible without JavaScript", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, BOARD, PASSWORD, AUTHENTICATOR_KEY, /\/board$/);
  await withoutAppScripts(page);
  await page.goto("/board");
  await expect(page.locator("#objective-1")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Nation").selectOption("northern_ireland");
  await page.getByRole("button", { name: "Show these figures" }).click();
  await page.waitForURL(/nation=northern_ireland/);
  await expect(page.locator("#board-as-of")).toContainText("Northern Ireland.");
  await expectNoAxeViolations(page);
  for (const n of [1, 2, 3]) {
    await page.goto(`/board/objectives/${n}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Objective ${n}:`);
    await expectNoAxeViolations(page);
  }
  await page.goto("/board/objectives/9");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Objective not found");
  await expectNoAxeViolations(page);
  // Nothing about a family or a referral is open to the board.
  for (const path of ["/centre/referrals", "/admin/users", "/admin/board"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("NACCC records training and sets a target without JavaScript; refused, what was typed is kept", async ({ browser }) => {
  test.setTimeout(300_000);
  // A browser with JavaScript off posts the forms itself (as a person's would).
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await page.goto("/admin/board");
  const form = page.locator("#training-form");
  await form.getByLabel("Course").fill("Supervised contact refresher");
  await form.getByLabel("How many attended").fill("lots");
  await form.getByRole("button", { name: "Record the training" }).click();
  await expect(page.locator(".error-summary")).toContainText("Enter the date");
  await expect(page.locator(".error-summary")).toContainText("Choose who the course was for");
  await expect(form.getByLabel("Course")).toHaveValue("Supervised contact refresher");
  await form.getByLabel("Date").fill("2026-01-15");
  await form.getByLabel("Centre staff").check();
  await form.getByLabel("How many attended").fill("18");
  await form.getByRole("button", { name: "Record the training" }).click();
  await expect(page.locator("#done")).toContainText("Training recorded.");
  await expect(page.locator("#training-table")).toContainText("Supervised contact refresher");

  const target = page.locator("#target-form");
  await target.getByLabel("Indicator").selectOption("judges-trained");
  await target.getByLabel("Target", { exact: true }).fill("80");
  await target.getByLabel("Red threshold").fill("90");
  await target.getByRole("button", { name: "Save the target" }).click();
  await expect(page.locator(".error-summary")).toContainText("must be at or below the target");
  await expect(page.locator("#target-form").getByLabel("Red threshold")).toHaveValue("90");
  await page.locator("#target-form").getByLabel("Red threshold").fill("40");
  await page.locator("#target-form").getByRole("button", { name: "Save the target" }).click();
  await expect(page.locator("#done")).toContainText("Target saved.");
  await expect(page.locator("#targets-table")).toContainText("80 (red below 40)");

  // The page and a refused form's page, checked by axe-core (in a browser that runs scripts).
  const checked = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await checked.goto("/admin/board");
  await expectNoAxeViolations(checked);
  await checked.locator("#inspection-form").getByRole("button", { name: "Record the inspection" }).click();
  await expect(checked.locator(".error-summary")).toContainText("Choose the centre");
  await expectNoAxeViolations(checked);
});

test("NACCC chooses a quarter of the national statistics without JavaScript and downloads the same figures as CSV", async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, "naccc.admin@demo.naccc.org.uk", PASSWORD, AUTHENTICATOR_KEY, /\/admin$/);
  await page.getByRole("link", { name: "National statistics for the Ministry of Justice and Cafcass (CSV)" }).click();
  await page.waitForURL(/\/admin\/exports$/);
  const latest = await page.getByLabel("Quarter", { exact: true }).inputValue();
  const earlier = await page.locator("#quarter option").nth(1).getAttribute("value");
  await page.getByLabel("Quarter", { exact: true }).selectOption(earlier ?? "");
  await page.getByRole("button", { name: "Show this quarter" }).click();
  await page.waitForURL(new RegExp(`quarter=${earlier}`));
  expect(earlier).not.toBe(latest);
  await expect(page.locator("#exports-summary")).toContainText(`(${earlier})`);

  // The CSV of the quarter shown: every line of every table, the same words and figures.
  const link = page.locator("#national-csv");
  const response = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain(`naccc-national-statistics-${earlier}.csv`);
  const records = csvRecords(await response.text());
  for (const id of ["national-referrals", "national-seen", "national-services", "national-workforce", "national-returns"]) {
    const lines = await rows(page, id);
    expect(lines.length, id).toBeGreaterThan(0);
    for (const line of lines) {
      const record = records.find((r) => r[1] === line[0]);
      expect(record?.slice(2), `${line[0]} in the CSV`).toEqual(line.slice(1));
    }
  }
  // Counts of people by nation are never shown under 5.
  const all = (await rows(page, "national-referrals")).find((r) => r[0] === "All referrals") ?? [];
  for (const cell of all.slice(1, 5)) {
    const n = Number(cell.replace(/,/g, ""));
    if (!Number.isNaN(n)) expect(n).toBeGreaterThanOrEqual(5);
  }

  // The page checked by axe-core (in a browser that runs scripts).
  const checked = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await checked.goto(`/admin/exports?quarter=${earlier}`);
  await expect(checked.locator("#national-referrals")).toBeVisible();
  await expectNoAxeViolations(checked);
});

test("the board's figures update by themselves when a referral arrives in another browser", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await signIn(page, BOARD, PASSWORD, AUTHENTICATOR_KEY, /\/board$/);
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
  const asOf = page.locator("#board-as-of");
  await expect(asOf).toContainText("changed");
  // Marks this very page and what its regions show now: a reload would lose the first, and a
  // region swapped in from the server the second.
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
    for (const id of ["board-as-of", "board-figures"]) {
      const mark = document.createElement("span");
      mark.className = "test-mark";
      document.getElementById(id)?.append(mark);
    }
  });
  await expect(page.locator(".test-mark")).toHaveCount(2);

  // A parent sends a referral, in another browser, without JavaScript.
  await sendReferralToStaffCentre(browser);

  // The open board fetches itself again and swaps both regions in, without a reload.
  await expect(page.locator(".test-mark")).toHaveCount(0, { timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere), "not reloaded").toBe(true);
  await expect(asOf).toContainText("changed");
  await expect(page.locator("#board-figures table").first()).toBeVisible();
  await expectNoAxeViolations(page);
});
