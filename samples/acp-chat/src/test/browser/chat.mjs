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

// Installed before the page's scripts: every Socket.IO message the page's socket receives, in arrival order, and
// its connects, disconnects and transport upgrades between them.
export function recordSocketMessages() {
	window.socketMessages = [];
	let wrapped;
	Object.defineProperty(window, 'io', {
		configurable: true,
		get: () => wrapped,
		set: (io) => {
			wrapped = Object.assign((...args) => {
				const socket = io(...args);
				socket.onAny((name, payload) => window.socketMessages.push({ name, payload }));
				socket.on('connect', () => window.socketMessages.push({ name: '(connect)' }));
				socket.on('disconnect', (reason) => window.socketMessages.push({ name: '(disconnect: ' + reason + ')' }));
				socket.io.on('open', () => socket.io.engine.on('upgrade',
					(transport) => window.socketMessages.push({ name: '(upgrade: ' + transport.name + ')' })));
				window.recordedSocket = socket;
				return socket;
			}, io);
		}
	});
}

async function ask(page, question, answers) {
	// Live: the answer reaches the page as several message events of the run, each pushed before the event that
	// completes the run. Checked on the messages the socket received, in order: what the page shows in between
	// cannot be observed reliably, because a busy browser may handle several pushes in one task.
	const from = await page.evaluate(() => window.socketMessages.length);
	await page.fill('#text', question);
	await page.press('#text', 'Enter');
	await page.waitForFunction((start) => window.socketMessages.slice(start)
		.some((message) => message.name === 'event' && message.payload.type === 'run.completed'), from);
	await page.waitForSelector('#run-status[data-status="completed"]');
	const pushed = (await page.evaluate((start) => window.socketMessages.slice(start), from))
		.filter((message) => message.name === 'event')
		.map((message) => message.payload);
	const completed = pushed.findIndex((event) => event.type === 'run.completed');
	assert.ok(completed > 0, 'the run.completed event is pushed live');
	const chunksBefore = pushed.slice(0, completed)
		.filter((event) => event.type === 'message' && event.run_id === pushed[completed].run_id);
	assert.ok(chunksBefore.length > 1, 'the answer is pushed as several message events before the run completes');
	const bubble = page.locator('#log li.answer').nth(answers - 1);
	assert.equal(await bubble.locator('.chunk').count(), chunksBefore.length, 'every pushed part is shown');
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
	await page.addInitScript(recordSocketMessages);
	try {
		return await converse(page, baseUrl, path, screenshot);
	} catch (failure) {
		console.error('page status: ' + await page.textContent('#connection') + ' / ' + await page.textContent('#error'));
		console.error('page state: ' + JSON.stringify(await pageState(page)));
		throw failure;
	}
}

// What a failure report needs to tell where a question stopped: the composer's text (still there if message:send
// was never acknowledged), the run's status, the socket's transport, and every message the socket received.
function pageState(page) {
	return page.evaluate(() => ({
		composerText: document.getElementById('text').value,
		runStatus: document.getElementById('run-status').dataset.status,
		transport: window.recordedSocket && window.recordedSocket.io.engine
			? window.recordedSocket.io.engine.transport.name : null,
		connected: window.recordedSocket ? window.recordedSocket.connected : null,
		received: window.socketMessages.map((message) => message.name
			+ (message.payload && message.payload.type ? ' ' + message.payload.type : '')
			+ (message.payload && message.payload.status ? ' ' + message.payload.status : ''))
	}));
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
