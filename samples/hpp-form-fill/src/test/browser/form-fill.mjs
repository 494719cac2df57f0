// Usage: node form-fill.mjs <baseUrl> <screenshotPath>
// The page is driven in headless Chromium (Debian's package); this script also plays the agent
// over HTTP with the credentials it reads from the prompt the page shows. Exits non-zero on failure.
// The showcase, which serves the same page, runs the exported fillForm in its own browser.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { withPage } from '../../../../browser-test/with-page.mjs';

function credentials(prompt) {
	const found = {};
	for (const line of prompt.split('\n')) {
		const match = /^\s*-?\s*(\w+)\s*:\s*(.*)$/.exec(line);
		if (match && !(match[1] in found)) {
			found[match[1]] = match[2].trim();
		}
	}
	return found;
}

async function agent(baseUrl, path, token, body) {
	const response = await fetch(baseUrl + path, {
		method: body ? 'POST' : 'GET',
		headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Handshake-Token': token },
		body: body ? JSON.stringify(body) : undefined
	});
	return { status: response.status, body: await response.json() };
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
	await page.waitForFunction(async ({ base, sid, tok }) => {
		const r = await fetch(base + '/handshake/context/' + sid, { headers: { 'X-Handshake-Token': tok } });
		const body = await r.json();
		return body.context.name && body.context.name.by === 'user';
	}, { base: baseUrl, sid: sessionId, tok: token });

	const context = await agent(baseUrl, '/handshake/context/' + sessionId, token);
	assert.equal(context.status, 200);
	assert.deepEqual(context.body.schema.map((field) => field.key), ['name', 'age', 'price', 'dept', 'vip']);
	assert.deepEqual(context.body.missing, ['price']);

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
	assert.equal(await page.inputValue('input[name="price"]'), '', 'price arrives 150 ms after age');
	await page.waitForSelector('#status[data-state="done"]');
	assert.equal(await page.inputValue('input[name="price"]'), '12.5');
	assert.equal(await page.inputValue('select[name="dept"]'), 'Eng');
	assert.equal(await page.isChecked('input[name="vip"]'), true);
	assert.equal(await page.inputValue('input[name="name"]'), 'Bob');
	assert.match(await page.textContent('#status'), /kept your name/);

	// The user corrects the agent's price; the agent may no longer change it.
	await page.fill('input[name="price"]', '99');
	await page.press('input[name="price"]', 'Tab');
	await page.waitForFunction(async ({ base, sid, tok }) => {
		const r = await fetch(base + '/handshake/context/' + sid, { headers: { 'X-Handshake-Token': tok } });
		return (await r.json()).context.price.by === 'user_edit';
	}, { base: baseUrl, sid: sessionId, tok: token });
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
	await page.waitForFunction(async ({ base, sid, tok }) => {
		const r = await fetch(base + '/handshake/context/' + sid, { headers: { 'X-Handshake-Token': tok } });
		const age = (await r.json()).context.age;
		return age.by === 'user_edit' && age.value === 31;
	}, { base: baseUrl, sid: sessionId, tok: token });
	return sessionId;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { chromium } = await import('playwright-core');
	const [baseUrl, screenshot] = process.argv.slice(2);
	await withPage(chromium, screenshot, async (page) => ({ sessionId: await fillForm(page, baseUrl, '/') }));
}
