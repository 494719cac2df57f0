// Usage: node chat.mjs <baseUrl> <screenshotPath>
// Drives the chat page in headless Chromium (Debian's package): a question to the demo assistant, whose
// reasoning, tool call, tool result, streamed answer and run status appear live; then a reload, after which
// the history is shown once, and a second question. Exits non-zero on failure.
// The showcase, which serves the same page, runs the exported chat in its own browser.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { withPage } from '../../../../browser-test/with-page.mjs';

const user = 'ada';

async function storedEventIds(baseUrl, threadId) {
	const response = await fetch(baseUrl + '/acp/threads/' + threadId + '/events?limit=500', {
		headers: { 'X-Demo-User': user }
	});
	assert.equal(response.status, 200);
	return (await response.json()).items.map((event) => event.id);
}

// The ids of the events the page shows, in the order it shows them.
function shownEventIds(page) {
	return page.$$eval('#log [data-event-id]', (elements) => elements.map((element) => element.dataset.eventId));
}

async function ask(page, question, answers) {
	// Live: the run is seen running with the answer part-way, before the run completes. A mutation observer sees
	// every state the page goes through; polling could miss that one when a busy browser handles several events at
	// once.
	await page.evaluate((count) => {
		window.answerSeenPartWay = false;
		const observer = new MutationObserver(() => {
			const bubbles = document.querySelectorAll('#log li.answer');
			if (bubbles.length === count && bubbles[count - 1].querySelectorAll('.chunk').length >= 1
				&& document.getElementById('run-status').dataset.status === 'running') {
				window.answerSeenPartWay = true;
				observer.disconnect();
			}
		});
		observer.observe(document.body, { childList: true, subtree: true, attributes: true });
	}, answers);
	await page.fill('#text', question);
	await page.press('#text', 'Enter');
	await page.waitForFunction(() => window.answerSeenPartWay);
	await page.waitForSelector('#run-status[data-status="completed"]');
	const bubble = page.locator('#log li.answer').nth(answers - 1);
	assert.ok(await bubble.locator('.chunk').count() > 1, 'the answer arrives as several message events');
	return (await bubble.locator('.chunks').textContent());
}

/**
 * Opens baseUrl + path + '?user=ada' (the chat page, or a path redirecting to it) and has two exchanges with the
 * demo assistant around a reload; the screenshot, if given, is taken after the first one ('-live' added to its
 * name). Returns the thread id and the number of events shown.
 */
export async function chat(page, baseUrl, path, screenshot) {
	page.on('pageerror', (error) => console.error('page error: ' + error.message));
	page.on('console', (message) => console.error('page console: ' + message.text()));
	try {
		return await converse(page, baseUrl, path, screenshot);
	} catch (failure) {
		console.error('page status: ' + await page.textContent('#connection') + ' / ' + await page.textContent('#error'));
		throw failure;
	}
}

async function converse(page, baseUrl, path, screenshot) {
	await page.goto(baseUrl + path + '?user=' + user);
	await page.waitForSelector('#connection[data-state="connected"]');
	const threadId = new URL(page.url()).searchParams.get('thread');
	assert.match(threadId, /^th_/);

	const answer = await ask(page, 'What time is it?', 1);
	assert.match(answer, /^You wrote “What time is it\?”\. It is \d\d:\d\d UTC on /);
	assert.match(await page.textContent('#log li.reasoning'), /Thinking… the user wrote “What time is it\?”/);
	assert.equal(await page.textContent('#log li.tool-call'), 'tool callclock({"zone":"UTC"})');
	const result = JSON.parse((await page.textContent('#log li.tool-result')).replace(/^tool result/, ''));
	assert.equal(result.zone, 'UTC');
	assert.ok(answer.includes('It is ' + result.time + ' UTC on ' + result.date), 'the answer uses the tool result');
	assert.deepEqual(await page.$$eval('#log li.message.user', (elements) => elements.map((e) => e.lastChild.textContent)),
		['What time is it?']);

	// Every stored event is shown once, in log order, whatever way it reached the page.
	let shown = await shownEventIds(page);
	assert.deepEqual(shown, await storedEventIds(baseUrl, threadId));
	if (screenshot) {
		await page.screenshot({ path: screenshot.replace(/\.png$/, '-live.png'), fullPage: true });
	}

	// A reload opens the same thread: the history once, then joined with since = the newest event.
	await page.reload();
	await page.waitForSelector('#connection[data-state="connected"]');
	assert.equal(new URL(page.url()).searchParams.get('thread'), threadId);
	assert.deepEqual(await shownEventIds(page), shown);
	assert.equal(await page.getAttribute('#run-status', 'data-status'), 'completed');

	const second = await ask(page, 'And now?', 2);
	assert.match(second, /^You wrote “And now\?”\./);
	shown = await shownEventIds(page);
	assert.equal(new Set(shown).size, shown.length, 'no event is shown twice');
	assert.deepEqual(shown, await storedEventIds(baseUrl, threadId));

	return { threadId, events: shown.length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { chromium } = await import('playwright-core');
	const [baseUrl, screenshot] = process.argv.slice(2);
	await withPage(chromium, screenshot, (page) => chat(page, baseUrl, '/', screenshot));
}
