// The showcase's browser scripts run their scenario through the samples' shared withPage, with this folder's
// playwright-core. Every page they end on must be styled by the stylesheet all demo pages share with the landing
// page (samples/demo-style/demo.css): linked, served as CSS, loaded, and deciding the page's look.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { withPage as run } from '../../../../browser-test/with-page.mjs';

// What demo.css gives the body of every page, the landing page included.
const SHARED_LOOK = {
	backgroundColor: 'rgb(245, 245, 247)',
	color: 'rgb(29, 29, 31)',
	fontFamily: 'system-ui, sans-serif',
	margin: '0px'
};

export function withPage(screenshot, scenario) {
	return run(chromium, screenshot, async (page) => {
		const result = await scenario(page);
		await assertSharedLook(page);
		return result;
	});
}

async function assertSharedLook(page) {
	const where = page.url();
	const href = await page.$eval('link[rel="stylesheet"][href="demo.css"]', (link) => link.href);
	const response = await fetch(href);
	assert.equal(response.status, 200, `${href} from ${where}`);
	assert.match(response.headers.get('content-type'), /^text\/css/, href);
	const rules = await page.evaluate((url) => {
		const sheet = [...document.styleSheets].find((candidate) => candidate.href === url);
		return sheet ? sheet.cssRules.length : 0;
	}, href);
	assert.ok(rules > 0, `demo.css is not loaded in ${where}`);
	const look = await page.evaluate(() => {
		const style = getComputedStyle(document.body);
		return { backgroundColor: style.backgroundColor, color: style.color, fontFamily: style.fontFamily,
			margin: style.margin };
	});
	assert.deepEqual(look, SHARED_LOOK, where);
}
