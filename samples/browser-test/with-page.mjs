// Shared by the samples' browser scripts: one headless Chromium (Debian's package, never a downloaded browser) per
// script. Only Node's own modules are imported here: each caller passes the chromium of playwright-core from its
// own node_modules.
import { execFileSync } from 'node:child_process';

/**
 * Runs scenario(page) in a new page, saves a full-page screenshot when a path is given, and prints the scenario's
 * result as a JSON line with "ok": true, which the JUnit side (BrowserScript) requires.
 */
export async function withPage(chromium, screenshot, scenario) {
	const executablePath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
	const browser = await chromium.launch({
		executablePath,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		const page = await browser.newPage();
		const result = await scenario(page);
		if (screenshot) {
			await page.screenshot({ path: screenshot, fullPage: true });
		}
		console.log(JSON.stringify({ ok: true, ...result }));
	} finally {
		await browser.close();
	}
}
