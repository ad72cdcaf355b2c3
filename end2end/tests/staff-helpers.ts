import { createHmac } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  await enterCode(page, email, key, home);
}

const STEP_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `use` while holding this account's sign-in turn on this server, shared by every Playwright
 * worker through a directory only one process can create. `use` gets the last 30-second step any
 * test used for the account and returns the step it used. A code is accepted once per account
 * (that is the point of it), so parallel tests signing in as the same demo account take turns
 * instead of racing for the same code.
 */
async function takingTurns(server: string, email: string, use: (lastStep: number) => Promise<number>) {
  const dir = join(tmpdir(), "naccc-hub-e2e-sign-in", server.replace(/[^a-z0-9]+/gi, "-"), email);
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, "turn");
  const lastFile = join(dir, "last-step");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A turn older than two minutes belongs to a test that was stopped while holding it.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      await sleep(100);
    }
  }
  try {
    const last = existsSync(lastFile) ? Number(readFileSync(lastFile, "utf8")) || 0 : 0;
    writeFileSync(lastFile, String(await use(last)));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** On the code page, enters the authenticator code for `key` until it lands on `home`. */
export async function enterCode(page: Page, email: string, key: string, home: RegExp) {
  const summary = page.locator(".error-summary");
  const atHome = () => home.test(new URL(page.url()).pathname);
  const server = new URL(page.url()).host;
  for (let attempt = 0; attempt < 3 && !atHome(); attempt++) {
    await takingTurns(server, email, async (lastStep) => {
      // Each code works once per account: wait for a step no test has used yet.
      let step = Math.floor(Date.now() / STEP_MS);
      if (step <= lastStep || attempt > 0) {
        const next = Math.max(step, lastStep) + 1;
        await sleep(next * STEP_MS - Date.now() + 300);
        step = next;
      }
      await page.getByLabel("Code").fill(authenticatorCode(key, step * STEP_MS + 1));
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/login/code");
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
      return step;
    });
    // Either signed in, or told the code was refused (with JavaScript the address stays put).
    await expect.poll(async () => atHome() || (await summary.isVisible()), { timeout: 15_000 }).toBe(true);
  }
  if (!atHome()) throw new Error(`signing in as ${email}: ${await summary.textContent()}`);
  await page.waitForURL(home);
  await expect(page.locator("#signed-in-as")).toContainText("Signed in as");
}
