// Usage: node happy.mjs <baseUrl> <screenshotPath>
// Drives the showcase's Happy page in headless Chromium (Debian's package) against the in-process fake Happy
// server and daemon: a session is spawned, two prompts get their turns live, the session is listed and stopped,
// and the next prompt runs in a new session.
// Exits non-zero on failure.
import assert from 'node:assert/strict';
import { withPage } from './browser.mjs';

const [baseUrl, screenshot] = process.argv.slice(2);

const lines = (page) => page.$$eval('#messages li', (items) => items.map((item) => item.textContent));
const messageCount = (page, count) => page.waitForFunction(
	(expected) => document.querySelectorAll('#messages li').length >= expected, count);

await withPage(screenshot, async (page) => {
	await page.goto(baseUrl + '/happy.html');
	await page.waitForSelector('#machine[data-loaded="1"]');

	await page.click('#send');
	await page.waitForSelector('#status[data-state="completed"]');
	const sessionId = await page.textContent('#session-id');
	assert.match(sessionId, /^[a-z0-9]{20,}$/);
	await messageCount(page, 4);
	assert.deepEqual(await lines(page), [
		"user: Summarise this week's PRs", 'turn started', "agent: Echo: Summarise this week's PRs",
		'turn ended: completed'
	]);
	await page.waitForSelector(`#sessions tr[data-id="${sessionId}"][data-active="true"]`);

	// The open stream shows the next turn of the same session as it is stored.
	await page.fill('#prompt', 'And the open issues?');
	await page.click('#send');
	await messageCount(page, 8);
	await page.waitForSelector('#status[data-state="completed"]');
	assert.deepEqual((await lines(page)).slice(4), [
		'user: And the open issues?', 'turn started', 'agent: Echo: And the open issues?', 'turn ended: completed'
	]);
	assert.equal(await page.textContent('#session-id'), sessionId);

	await page.click('#stop');
	await page.waitForSelector('#status[data-state="stopped"]');
	let row;
	for (let attempt = 0; attempt < 150 && !row; attempt++) {
		await page.click('#refresh');
		await page.waitForTimeout(200);
		row = await page.$(`#sessions tr[data-id="${sessionId}"][data-active="false"]`);
	}
	assert.ok(row, 'the stopped session is listed as inactive');

	// After the stop, the next prompt runs in a new session.
	await page.fill('#prompt', 'Once more');
	await page.click('#send');
	await page.waitForSelector('#status[data-state="completed"]');
	await messageCount(page, 4);
	assert.notEqual(await page.textContent('#session-id'), sessionId);
	assert.deepEqual(await lines(page), ['user: Once more', 'turn started', 'agent: Echo: Once more', 'turn ended: completed']);
	assert.equal(await page.isHidden('#error'), true);
	return { sessionId };
});
