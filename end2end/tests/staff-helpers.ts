import { createHmac } from "node:crypto";
import { expect, type Page } from "@playwright/test";

// The demo accounts `serve --demo` creates and prints (demo mode only).
export const PASSWORD = "demo contact hub 2026";
export const AUTHENTICATOR_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

function base32(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of text.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** The code an authenticator app shows now (RFC 6238: HMAC-SHA-1, 30 s, 6 digits). */
export function authenticatorCode(key: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac("sha1", base32(key)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0xf;
  return ((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, "0");
}

/** Signs in with a password and the authenticator code for `key`, landing on `home`. */
export async function signIn(page: Page, email: string, password: string, key: string, home: RegExp) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/login\/code$/);
  await enterCode(page, key, home);
}

/** On the code page, enters the authenticator code for `key` until it lands on `home`. */
export async function enterCode(page: Page, key: string, home: RegExp) {
  // Each code works once per account: if another test just used this one, wait for the next.
  const summary = page.locator(".error-summary");
  const atHome = () => home.test(new URL(page.url()).pathname);
  for (let attempt = 0; attempt < 3 && !atHome(); attempt++) {
    if (attempt > 0) {
      await expect(summary).toContainText("has been used");
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    }
    await page.getByLabel("Code").fill(authenticatorCode(key));
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/login/code");
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    // Either signed in, or told the code was refused (with JavaScript the address stays put).
    await expect.poll(async () => atHome() || (await summary.isVisible()), { timeout: 15_000 }).toBe(true);
  }
  await page.waitForURL(home);
  await expect(page.locator("#signed-in-as")).toContainText("Signed in as");
}
