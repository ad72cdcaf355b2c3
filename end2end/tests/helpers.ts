import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The neutral site "Exit this page" goes to; answered locally because the network is closed. */
export const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";

export async function stubNeutralSite(page: Page) {
  await page.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Weather</title><h1>Weather</h1>" }),
  );
}

/** Every rule axe-core has (WCAG 2.0–2.2 A/AA and best practice); any violation fails the test. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, "axe-core violations").toEqual([]);
}

/**
 * Waits until the wasm has hydrated the page: the Shift-key hint only appears with JavaScript
 * running, and `<main>` is marked once every island on the page (lazy ones too) is live.
 */
export async function waitForHydration(page: Page) {
  await expect(page.locator(".exit-this-page__hint")).toBeVisible();
  await expect(page.locator("main[data-hydrated]")).toBeAttached();
}

/**
 * Serves pages without the app's scripts, so the browser shows exactly the server-rendered HTML.
 * axe-core needs JavaScript to run, so this is how the no-JavaScript pages are checked by axe.
 */
export async function withoutAppScripts(page: Page) {
  await page.route("**/pkg/**", (route) => route.abort());
  await page.route("**/*", async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await route.fetch();
    const body = (await response.text())
      .replace(/<script\b[\s\S]*?<\/script>/gi, "")
      .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
    await route.fulfill({ response, body });
  });
}

/** Collects Content-Security-Policy violations the browser reports while the page runs. */
export function trackCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    // With the page's address, so a failure says which response lacked the page's policy.
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(`${page.url()} (${message.location().url}): ${message.text()}`);
    }
  });
  // Every page the browser shows must carry the page policy (with its script nonce): a shown
  // document without it is reported with how it was reached.
  page.on("response", async (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || response.status() >= 300 && response.status() < 400) return;
    const policy = (await response.allHeaders())["content-security-policy"] ?? "(none)";
    if (!policy.includes("script-src")) {
      const chain: string[] = [];
      for (let r = request.redirectedFrom(); r; r = r.redirectedFrom()) chain.push(`${r.method()} ${r.url()}`);
      violations.push(
        `document ${request.method()} ${response.url()} → ${response.status()} with policy "${policy}"` +
          (chain.length ? ` (redirected from ${chain.join(" ← ")})` : ""),
      );
    }
  });
  return violations;
}
