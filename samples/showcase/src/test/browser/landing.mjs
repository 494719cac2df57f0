// Usage: node landing.mjs <baseUrl> <screenshotPath>
// The showcase's landing page in headless Chromium: one link per protocol's demo page with its sentence, and the
// agentProtocols health group live, one row per protocol, each UP; a new HPP session shows in the next poll.
import assert from 'node:assert/strict';
import { withPage } from './browser.mjs';

const [baseUrl, screenshot] = process.argv.slice(2);
const PROTOCOLS = ['hpp', 'acp', 'lime', 'appControl', 'happy'];
const PAGES = ['/hpp-form-fill.html', '/acp-chat.html', '/lime-login.html', '/app-control.html', '/happy.html'];

const sessions = (page) => page.$eval('#health tr[data-component="hpp"] .details',
	(cell) => Number(/sessions: (\d+)/.exec(cell.textContent)[1]));

await withPage(screenshot, async (page) => {
	await page.goto(baseUrl + '/');
	const demos = await page.$$eval('#demos li', (items) => items.map((item) => ({
		protocol: item.dataset.protocol,
		href: item.querySelector('a').getAttribute('href'),
		sentence: item.querySelector('p').textContent.trim()
	})));
	assert.deepEqual(demos.map((demo) => demo.protocol), PROTOCOLS);
	assert.deepEqual(demos.map((demo) => demo.href), PAGES);
	demos.forEach((demo) => assert.match(demo.sentence, /^[A-Z].{30,}\.$/s, demo.protocol));
	for (const path of PAGES) {
		const response = await fetch(baseUrl + path);
		assert.equal(response.status, 200, path);
		assert.match(await response.text(), /^<!doctype html>/i, path);
	}

	for (const protocol of PROTOCOLS) {
		await page.waitForSelector(`#health tr[data-component="${protocol}"][data-status="UP"]`);
	}
	await page.waitForSelector('#overall[data-status="UP"]');
	assert.deepEqual(await page.$$eval('#health tr', (rows) => rows.map((row) => row.dataset.component)), PROTOCOLS);
	assert.deepEqual(await page.$$eval('#health tr .name', (cells) => cells.map((cell) => cell.textContent)),
		['HPP', 'ACP', 'LIME', 'app-control', 'Happy']);
	assert.match(await page.textContent('#health tr[data-component="lime"] .details'), /stream: connected/);
	assert.match(await page.textContent('#health tr[data-component="happy"] .details'), /^server: http:\/\/127\.0\.0\.1:\d+$/m);

	// Live: a session created now is counted in the next poll, without a reload.
	const before = await sessions(page);
	const created = await fetch(baseUrl + '/handshake/session', {
		method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"mode":"form-fill"}'
	});
	assert.equal(created.status, 200);
	await page.waitForFunction((count) => {
		const cell = document.querySelector('#health tr[data-component="hpp"] .details');
		return Number(/sessions: (\d+)/.exec(cell.textContent)[1]) > count;
	}, before);
	assert.equal(await page.isHidden('#health-error'), true);
	return { sessionsBefore: before, sessionsAfter: await sessions(page) };
});
