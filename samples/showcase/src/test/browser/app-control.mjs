// Usage: node app-control.mjs <baseUrl> <screenshotPath>
// Drives the showcase's app-control page in headless Chromium (Debian's package) against the local service host and
// its demo desktop client: a command the host refuses shows the host's envelope, an unknown app ends in a not_found
// observation, and a run's events appear live, in order, before its observation.
// Exits non-zero on failure.
import assert from 'node:assert/strict';
import { withPage } from './browser.mjs';

const [baseUrl, screenshot] = process.argv.slice(2);

const events = (page) => page.$$eval('#events li', (items) => items.map((item) =>
	[Number(item.dataset.seq), item.dataset.type, item.querySelector('.summary').textContent]));

await withPage(screenshot, async (page) => {
	await page.goto(baseUrl + '/app-control.html');
	await page.waitForSelector('#operation[data-loaded="3"]');
	assert.deepEqual(await page.$$eval('#operation option', (options) => options.map((option) => option.value)),
		['open_app', 'type_text', 'screenshot']);

	// A timeout of 0 ms breaks the command schema: the host refuses it with its 400 envelope, and nothing runs.
	await page.fill('#timeout', '0');
	await page.click('#run');
	await page.waitForSelector('#status[data-state="refused"]');
	assert.equal(await page.getAttribute('#error', 'data-failure-kind'), 'invalid_request');
	assert.equal(await page.textContent('#error-status'), '400 invalid_request');
	assert.match(await page.textContent('#error-message'), /timeoutMs.*\(at \/command\/timeoutMs\)$/);
	assert.equal(await page.isHidden('#observation'), true);
	assert.deepEqual(await events(page), []);
	await page.fill('#timeout', '');

	// An app the demo desktop does not have: the command runs and ends in a not_found observation.
	await page.fill('#arg-app', 'Photoshop');
	await page.click('#run');
	await page.waitForSelector('#observation[data-status="not_found"]');
	assert.equal(await page.textContent('#observation-summary'), 'Photoshop is not installed');
	assert.deepEqual((await events(page)).map(([seq, type]) => [seq, type]),
		[[0, 'started'], [1, 'progress'], [2, 'observation']]);
	assert.equal(await page.isHidden('#error'), true);

	// A run's events are on the page while the command still runs, in order, then its observation. A mutation
	// observer sees every state the page goes through; polling could miss the one with the events but not yet the
	// observation when a busy browser handles several events at once.
	await page.fill('#arg-app', 'TextEdit');
	await page.evaluate(() => {
		window.shownWhileRunning = false;
		const observer = new MutationObserver(() => {
			if (document.querySelectorAll('#events li').length >= 2 && document.getElementById('observation').hidden) {
				window.shownWhileRunning = true;
				observer.disconnect();
			}
		});
		observer.observe(document.body, { childList: true, subtree: true, attributes: true });
	});
	await page.click('#run');
	await page.waitForSelector('#observation[data-status="ok"]');
	assert.equal(await page.evaluate(() => window.shownWhileRunning), true, 'events shown before the observation');
	assert.deepEqual(await events(page), [
		[0, 'started', 'Started open_app'],
		[1, 'progress', 'Looking up TextEdit'],
		[2, 'progress', 'Launching TextEdit'],
		[3, 'progress', 'The TextEdit window is in front'],
		[4, 'observation', 'TextEdit is open and in front']
	]);
	assert.equal(await page.textContent('#observation-summary'), 'TextEdit is open and in front');
	const requestId = await page.textContent('#request-id');
	assert.match(requestId, /^req_[0-9a-f]{32}$/);

	// Another command with arguments of the user's own.
	await page.selectOption('#operation', 'type_text');
	await page.fill('#arg-text', 'Hello, showcase');
	await page.click('#run');
	await page.waitForSelector('#observation[data-status="ok"]');
	assert.deepEqual((await events(page)).map(([, , summary]) => summary), [
		'Started type_text', 'Focusing the text field in TextEdit', 'Typed 7 of 15 characters',
		'Typed 15 of 15 characters', 'Typed 15 characters into TextEdit'
	]);
	const observation = JSON.parse(await page.textContent('#observation-json'));
	assert.equal(observation.observation.typedCharacters, 15);
	assert.notEqual(await page.textContent('#request-id'), requestId);
	assert.equal(await page.textContent('#status'), 'done');
});
