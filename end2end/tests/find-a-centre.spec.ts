import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration } from "./helpers";

async function distances(page: Page): Promise<number[]> {
  const texts = await page.locator(".result__distance").allTextContents();
  return texts.map((t) => parseFloat(t));
}

async function expectNottinghamFirst(page: Page) {
  await expect(page.locator("#centre-count")).toContainText("nearest to NG1 5FW first");
  await expect(page.locator(".result__name").first()).toContainText("Nottingham");
  const miles = await distances(page);
  expect(miles.length).toBe(20);
  expect([...miles].sort((a, b) => a - b)).toEqual(miles);
}

async function expectOnlySupervised(page: Page) {
  const services = await page.locator(".result__facts dd:nth-of-type(1)").allTextContents();
  const offered = await page.locator(".result").evaluateAll((items) =>
    items.map((li) => li.querySelectorAll("dd")[1]?.textContent ?? ""),
  );
  expect(services.length).toBeGreaterThan(0);
  expect(offered.length).toBe(20);
  for (const text of offered) expect(text).toMatch(/[Ss]upervised/);
}

test.describe("with JavaScript", () => {
  test("a postcode search lists the nearest centres first", async ({ page }) => {
    await page.goto("/find-a-centre");
    await waitForHydration(page);
    await page.getByLabel("Postcode").fill("NG1 5FW");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/postcode=NG1\+5FW/);
    await expectNottinghamFirst(page);
    await expectNoAxeViolations(page);
  });

  test("changing a filter updates the results at once, without reloading, and the address follows", async ({ page }) => {
    await page.goto("/find-a-centre?postcode=NG1+5FW");
    await waitForHydration(page);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByLabel("Supervised contact").check();
    await page.waitForURL(/service=supervised/);
    await expect(page.locator("#centre-count")).toContainText("160 centres");
    await expectOnlySupervised(page);
    // Same document: a full reload would have lost the marker.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await expect(page.getByLabel("Postcode")).toHaveValue("NG1 5FW");
  });

  test("an invalid postcode is explained, linked from the summary and kept in the box", async ({ page }) => {
    await page.goto("/find-a-centre");
    await waitForHydration(page);
    await page.getByLabel("Postcode").fill("NOT A POSTCODE");
    await page.getByRole("button", { name: "Search" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toContainText("There is a problem");
    await expect(page.locator("#postcode-error")).toContainText("Enter a real postcode, like NG1 5FW");
    await expect(page.getByLabel("Postcode")).toHaveValue("NOT A POSTCODE");
    await expectNoAxeViolations(page);
    await summary.getByRole("link", { name: "Enter a real postcode, like NG1 5FW" }).click();
    await expect(page.getByLabel("Postcode")).toBeFocused();
  });

  test("a result opens the centre's page with all its details", async ({ page }) => {
    await page.goto("/find-a-centre?postcode=NG1+5FW&online=yes");
    await waitForHydration(page);
    const first = page.locator(".result__name a").first();
    const name = (await first.textContent()) ?? "";
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    for (const label of ["Contact offered", "Address", "Opening times", "Accessibility", "Languages", "Online referrals", "NACCC accreditation"]) {
      await expect(page.locator(".summary-list__key", { hasText: label })).toBeVisible();
    }
    const start = page.getByRole("button", { name: "Start a referral to this centre" });
    await expect(start).toHaveAttribute("href", /^\/refer\?centre=[a-z0-9-]+$/);
    await expectNoAxeViolations(page);
  });

  test("pages of results", async ({ page }) => {
    await page.goto("/find-a-centre");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByText("Page 2 of 18")).toBeVisible();
    await expect(page.locator(".result")).toHaveCount(20);
    await expect(page).toHaveURL(/page=2/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same search works as a plain form", async ({ page }) => {
    await page.goto("/find-a-centre");
    await page.getByLabel("Postcode").fill("NG1 5FW");
    await page.getByLabel("Supervised contact").check();
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/postcode=NG1\+5FW/);
    await expect(page).toHaveURL(/service=supervised/);
    await expectNottinghamFirst(page);
    await expectOnlySupervised(page);
  });

  test("an invalid postcode shows the error and keeps what was typed", async ({ page }) => {
    await page.goto("/find-a-centre?postcode=NOT+A+POSTCODE");
    await expect(page.locator(".error-summary")).toContainText("Enter a real postcode, like NG1 5FW");
    await expect(page.getByLabel("Postcode")).toHaveValue("NOT A POSTCODE");
  });

  test("a centre page shows all its details", async ({ page }) => {
    const response = await page.goto("/centres/nottingham-child-contact-centre");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nottingham Child Contact Centre");
    await expect(page.locator(".summary-list__row")).toHaveCount(await page.locator(".summary-list__key").count());
    await expect(page.locator(".summary-list__key", { hasText: "Opening times" })).toBeVisible();
  });
});

test("an invalid search in the browser shows only the field error, not a service error", async ({ page }) => {
  await page.goto("/find-a-centre");
  await waitForHydration(page);
  await page.getByLabel("Postcode").fill("NOT A POSTCODE");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.locator("#postcode-error")).toBeVisible();
  await expect(page.getByText("Sorry, there is a problem with the service")).toHaveCount(0);
  await page.getByLabel("Postcode").fill("AA99 9AA");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "We could not find that postcode" })).toBeVisible();
  await expect(page.getByText("Sorry, there is a problem with the service")).toHaveCount(0);
});

test("the map shows the searched place and the nearest centres, its points lead to centre pages, and nothing is asked of another host", async ({ page }) => {
  const hosts = new Set<string>();
  page.on("request", (r) => hosts.add(new URL(r.url()).host));
  await page.goto("/find-a-centre?postcode=NG1+5FW");
  await waitForHydration(page);
  const map = page.locator("#centre-map svg");
  await expect(map).toBeVisible();
  // The twenty centres listed, numbered as listed; the searched place as a diamond.
  const points = map.locator("a");
  await expect(points).toHaveCount(20);
  const names = await page.locator(".result__name").allTextContents();
  // Drawn from the last listed, so the nearest (1) is last in the drawing and on top.
  const nearest = points.last();
  expect((await nearest.locator("title").textContent())?.trim()).toBe(names[0].trim());
  await expect(nearest.locator("text")).toHaveText("1");
  await expect(map.locator("path[fill='#d4351c']")).toHaveCount(1);
  await expect(page.locator("#centre-map-summary")).toContainText("NG1 5FW as a red diamond");
  // The drawing is for the eye: the list is the way through, so the map is not in the tab order.
  await expect(map).toHaveAttribute("aria-hidden", "true");
  await expect(nearest).toHaveAttribute("tabindex", "-1");
  await expectNoAxeViolations(page);
  // A point leads to its centre's page, which has its own small map.
  const href = await nearest.getAttribute("href");
  await nearest.click();
  await page.waitForURL(new RegExp(`${href}$`));
  await expect(page.locator("#centre-locator svg a")).toHaveCount(1);
  await expect(page.locator("#centre-locator-summary")).toContainText("Map showing where the centre is");
  await expectNoAxeViolations(page);
  expect([...hosts]).toEqual([new URL(page.url()).host]);
});
