import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; no test tool downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where screenshots of each page template are saved (git-ignored). */
export const SCREENSHOT_DIR = resolve('test-results/screenshots');
/** WCAG 2.1 A and AA, as the Danish web accessibility law requires (EN 301 549). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Launches Chromium headless with no background network of its own. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--disable-gpu',
			'--disable-quic',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-sync',
		],
	});
}

function isLoopback(url: string): boolean {
	try {
		const { hostname, protocol } = new URL(url);
		if (protocol === 'data:' || protocol === 'blob:') return true;
		return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
	} catch {
		return false;
	}
}

/** What a page did wrong while it was open: CSP violations, script errors, blocked requests. */
export interface PageProblems {
	cspViolations: string[];
	pageErrors: string[];
	blocked: string[];
}

/** A browser context that blocks every request outside loopback, and records problems. */
export async function openContext(
	browser: Browser,
	options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
		locale: 'da-DK',
	});
	const problems: PageProblems = { cspViolations: [], pageErrors: [], blocked: [] };
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (isLoopback(url)) return route.continue();
		problems.blocked.push(url);
		return route.abort('blockedbyclient');
	});
	// Generous: the suite also has to pass on a busy shared CI machine.
	context.setDefaultNavigationTimeout(60_000);
	context.setDefaultTimeout(30_000);
	const page = await context.newPage();
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text()))
			problems.cspViolations.push(message.text());
	});
	page.on('pageerror', (error) => problems.pageErrors.push(error.message));
	return { context, page, problems };
}

/** Runs axe with the WCAG 2.1 A/AA tags and returns the violations, readable in a failure. */
export async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	return result.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join('; ')}`,
	);
}

/** Saves a full-page screenshot of a page template as a test artefact. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, `${name}.png`);
	await page.screenshot({ path, fullPage: true });
	return path;
}

/** Waits until a page's map has drawn its markers (or failed), and returns its state. */
export async function waitForMap(page: Page): Promise<{ state: string; markers: number }> {
	const map = page.locator('register-map').first();
	await map.waitFor();
	await page.waitForFunction(
		() => {
			const element = document.querySelector('register-map') as HTMLElement | null;
			return element?.dataset.state === 'ready' || element?.dataset.state === 'failed';
		},
		undefined,
		{ timeout: 15_000 },
	);
	return {
		state: (await map.getAttribute('data-state')) ?? '',
		markers: Number(await map.getAttribute('data-markers')),
	};
}
