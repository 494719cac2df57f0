// Usage: node spring-ai-chat.mjs <baseUrl> <screenshotPath>
// Drives the chat page with the Spring AI assistant on the scripted demo model: a question about the weather, whose
// tool call, tool result and answer appear live, one after the other; then a city the tool does not know, whose
// error result and answer appear. Exits non-zero on failure.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { withPage } from '../../../../browser-test/with-page.mjs';
import { recordSocketMessages } from './chat.mjs';

const user = 'ada';

// Installed before the page's scripts: the classes of the log's items in the order the page adds them.
function recordShownItems() {
	window.shownItems = [];
	document.addEventListener('DOMContentLoaded', () => new MutationObserver((mutations) => mutations
		.forEach((mutation) => mutation.addedNodes.forEach((node) => window.shownItems.push(node.className))))
		.observe(document.getElementById('log'), { childList: true }));
}

// Sends the question and waits for its run to complete; returns the types of the run's events as the socket
// received them, and the classes of the log's items the page added meanwhile, in order.
async function ask(page, question) {
	const [messages, items] = await page.evaluate(() => [window.socketMessages.length, window.shownItems.length]);
	await page.fill('#text', question);
	await page.press('#text', 'Enter');
	await page.waitForFunction((start) => window.socketMessages.slice(start)
		.some((message) => message.name === 'event' && message.payload.type === 'run.completed'), messages);
	await page.waitForSelector('#run-status[data-status="completed"]');
	const pushed = (await page.evaluate((start) => window.socketMessages.slice(start), messages))
		.filter((message) => message.name === 'event' && message.payload.run_id)
		.map((message) => message.payload.type);
	const shown = (await page.evaluate((start) => window.shownItems.slice(start), items))
		.filter((classes) => /tool|answer/.test(classes));
	return { pushed, shown };
}

async function converse(page, baseUrl, path) {
	await page.goto(baseUrl + path + '?user=' + user + '&assistant=spring-ai');
	await page.waitForSelector('#connection[data-state="connected"]');
	assert.equal(new URL(page.url()).searchParams.get('assistant'), 'spring-ai');

	const paris = await ask(page, 'What is the weather in Paris?');
	assert.deepEqual(paris.pushed, ['run.started', 'tool.call', 'tool.result', 'message', 'run.completed']);
	assert.deepEqual(paris.shown, ['tool tool-call', 'tool tool-result', 'message assistant answer'],
		'the tool call, its result and the answer are shown as they arrive');
	assert.equal(await page.textContent('#log li.tool-call'), 'tool callweather({"city":"Paris"})');
	assert.deepEqual(JSON.parse((await page.textContent('#log li.tool-result')).replace(/^tool result/, '')),
		{ city: 'Paris', sky: 'sunny', celsius: 21 });
	const answer = page.locator('#log li.answer').first();
	assert.equal(await answer.locator('.author').textContent(), 'Spring AI assistant');
	assert.equal(await answer.locator('.chunks').textContent(),
		'In Paris the sky is sunny and it is 21 °C, says the weather tool.');

	const atlantis = await ask(page, 'And the weather in Atlantis?');
	assert.deepEqual(atlantis.pushed, ['run.started', 'tool.call', 'tool.result', 'message', 'run.completed']);
	const error = JSON.parse((await page.locator('#log li.tool-result').nth(1).textContent())
		.replace(/^tool resulterror /, ''));
	assert.deepEqual(error, { code: 'tool_error', message: 'no weather data for Atlantis: try Paris, London or Tokyo' });
	assert.equal(await page.locator('#log li.answer').nth(1).locator('.chunks').textContent(),
		'The weather tool could not tell: no weather data for Atlantis: try Paris, London or Tokyo');
	return { threadId: new URL(page.url()).searchParams.get('thread') };
}

/**
 * Opens baseUrl + path (the chat page, or a path redirecting to it) with the Spring AI assistant and has two
 * exchanges with it; returns the thread id.
 */
export async function springAiChat(page, baseUrl, path) {
	page.on('pageerror', (error) => console.error('page error: ' + error.message));
	await page.addInitScript(recordSocketMessages);
	await page.addInitScript(recordShownItems);
	try {
		return await converse(page, baseUrl, path);
	} catch (failure) {
		console.error('page status: ' + await page.textContent('#connection') + ' / ' + await page.textContent('#error'));
		console.error('page log: ' + await page.textContent('#log'));
		throw failure;
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { chromium } = await import('playwright-core');
	const [baseUrl, screenshot] = process.argv.slice(2);
	await withPage(chromium, screenshot, (page) => springAiChat(page, baseUrl, '/'));
}
