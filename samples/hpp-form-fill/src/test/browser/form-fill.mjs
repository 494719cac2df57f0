// Usage: node form-fill.mjs <baseUrl> <screenshotPath>
// The page is driven in headless Chromium (Debian's package); this script also plays the agent
// over HTTP with the credentials it reads from the prompt the page shows. Exits non-zero on failure.
// The showcase, which serves the same page, runs the exported fillForm in its own browser.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { withPage } from '../../../../browser-test/with-page.mjs';

/** The prompt's `- name: value` lines, first occurrence of each, as the agent reads them. */
export function credentials(prompt) {
	const found = {};
	for (const line of prompt.split('\n')) {
		const match = /^\s*-?\s*(\w+)\s*:\s*(.*)$/.exec(line);
		if (match && !(match[1] in found)) {
			found[match[1]] = match[2].trim();
		}
	}
	return found;
}

/** One agent request: GET without a body, POST with one. */
export async function agent(baseUrl, path, token, body) {
	const response = await fetch(baseUrl + path, {
		method: body ? 'POST' : 'GET',
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Handshake-Token': token },
		body: body ? JSON.stringify(body) : undefined
	});
	return { status: response.status, body: await response.json() };
}

// Reads the session's fields as the agent does until check(fields) holds: the page reports the user's edits over the
// WebSocket or POST notify, and nothing tells it when the server has applied them. Four reads a second for at most
// ten seconds stay within the session's budget of 60 agent requests a minute.
export async function untilFields(baseUrl, sessionId, token, check) {
	const deadline = Date.now() + 10000;
	for (;;) {
		const context = await agent(baseUrl, '/handshake/context/' + sessionId, token);
		if (context.status === 200 && check(context.body.context)) {
			return;
		}
		assert.ok(Date.now() < deadline, 'the edit did not reach the server: ' + JSON.stringify(context.body));
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * Opens baseUrl + path (the form page, or a path redirecting to it) and plays the agent: fields appear live, the
 * fields the user edited are kept. Returns the session id.
 */
export async function fillForm(page, baseUrl, path) {
	await page.goto(baseUrl + path);
	assert.equal(new URL(page.url()).pathname, '/hpp-form-fill.html');
	await page.click('#ask');
	await page.waitForSelector('#status[data-state="connected"]');
	const prompt = await page.inputValue('#prompt');
	const { sessionId, token, baseUrl: advertised } = credentials(prompt);
	assert.match(sessionId, /^[0-9a-f]{32}$/);
	assert.match(token, /^[A-Za-z0-9_-]{32}$/);
	assert.equal(advertised, baseUrl);

	// The user types their own name before the agent starts: that field is theirs.
	await page.fill('input[name="name"]', 'Bob');
	await page.press('input[name="name"]', 'Tab');
	await untilFields(baseUrl, sessionId, token, (fields) => fields.name && fields.name.by === 'user');

	const context = await agent(baseUrl, '/handshake/context/' + sessionId, token);
	assert.equal(context.status, 200);
	assert.deepEqual(context.body.schema.map((field) => field.key), ['name', 'age', 'price', 'dept', 'vip']);
	assert.deepEqual(context.body.missing, ['price']);

	// Each action event fills its field, then says so in the status line, in a task of its own: a note taken at each
	// change of the status line shows the fields as the user saw them then, however fast the events came.
	await page.evaluate(() => {
		const status = document.getElementById('status');
		const value = (name) => document.querySelector('[name="' + name + '"]').value;
		window.statusChanges = [];
		new MutationObserver(() => window.statusChanges.push({ status: status.textContent, age: value('age'), price: value('price') }))
			.observe(status, { childList: true, characterData: true, subtree: true });
	});
	const action = await agent(baseUrl, '/handshake/action/' + sessionId, token, {
		actions: [
			{ type: 'set', key: 'name', value: 'Alice' },
			{ type: 'set', key: 'age', value: 30 },
			{ type: 'set', key: 'price', value: 12.5 },
			{ type: 'set', key: 'dept', value: 'Eng' },
			{ type: 'set', key: 'vip', value: true }
		],
		intervalMs: 150
	});
	assert.equal(action.status, 200);
	assert.deepEqual(action.body.rejected, ['name']);
	assert.deepEqual(action.body.applied, ['age', 'price', 'dept', 'vip']);

	// The fields appear live, one after another, while the user watches.
	await page.waitForFunction(() => document.querySelector('input[name="age"]').value === '30');
	await page.waitForSelector('#status[data-state="done"]');
	const ageArrived = (await page.evaluate(() => window.statusChanges)).find((change) => change.status === 'Agent filled age.');
	assert.deepEqual(ageArrived, { status: 'Agent filled age.', age: '30', price: '' }, 'price arrives 150 ms after age');
	assert.equal(await page.inputValue('input[name="price"]'), '12.5');
	assert.equal(await page.inputValue('select[name="dept"]'), 'Eng');
	assert.equal(await page.isChecked('input[name="vip"]'), true);
	assert.equal(await page.inputValue('input[name="name"]'), 'Bob');
	assert.match(await page.textContent('#status'), /kept your name/);

	// The user corrects the agent's price; the agent may no longer change it.
	await page.fill('input[name="price"]', '99');
	await page.press('input[name="price"]', 'Tab');
	await untilFields(baseUrl, sessionId, token, (fields) => fields.price.by === 'user_edit');
	const retry = await agent(baseUrl, '/handshake/action/' + sessionId, token, {
		actions: [{ type: 'set', key: 'price', value: 1 }], stream: false
	});
	assert.deepEqual(retry.body.rejected, ['price']);
	assert.equal(await page.inputValue('input[name="price"]'), '99');

	// Without the WebSocket, the page reports the user's edit over POST notify instead.
	await page.click('#disconnect');
	await page.waitForSelector('#status[data-state="closed"]');
	await page.fill('input[name="age"]', '31');
	await page.press('input[name="age"]', 'Tab');
	await untilFields(baseUrl, sessionId, token, (fields) => fields.age.by === 'user_edit' && fields.age.value === 31);
	return sessionId;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { chromium } = await import('playwright-core');
	const [baseUrl, screenshot] = process.argv.slice(2);
	await withPage(chromium, screenshot, async (page) => ({ sessionId: await fillForm(page, baseUrl, '/') }));
}
