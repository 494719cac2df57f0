// Usage: node guide-page.mjs <baseUrl> <screenshotPath>
// The page of the getting-started guide (docs/getting-started.md, HPP), which imports the starter's browser client
// /handshake/hpp-client.js, in headless Chromium (Debian's package); this script plays the agent over HTTP with the
// credentials it reads from the prompt the page shows. Exits non-zero on failure.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { withPage } from '../../../../browser-test/with-page.mjs';
import { agent as agentRequest, credentials, untilFields } from './form-fill.mjs';

const [baseUrl, screenshot] = process.argv.slice(2);

function agent(path, token, body) {
	return agentRequest(baseUrl, path, token, body);
}

await withPage(chromium, screenshot, async (page) => {
	const failures = [];
	page.on('pageerror', (error) => failures.push(error.message));
	await page.goto(baseUrl + '/index.html');
	// The user types their name before asking for an agent: that field is theirs.
	await page.fill('[name="name"]', 'Bob');
	// The page shows no status: the script waits for the WebSocket's first frame, so that no action event is missed.
	const connected = new Promise((resolve, reject) => {
		setTimeout(() => reject(new Error('no connected frame within 30 s')), 30000).unref();
		page.on('websocket', (socket) => socket.on('framereceived', (frame) => {
			if (JSON.parse(frame.payload).type === 'connected') {
				resolve();
			}
		}));
	});
	await page.click('#ask');
	await connected;
	const { sessionId, token, baseUrl: advertised } = credentials(await page.inputValue('#prompt'));
	assert.match(sessionId, /^[0-9a-f]{32}$/);
	assert.match(token, /^[A-Za-z0-9_-]{32}$/);
	assert.equal(advertised, baseUrl);

	const context = await agent('/handshake/context/' + sessionId, token);
	assert.equal(context.status, 200);
	assert.deepEqual(context.body.schema, [{ key: 'name', type: 'string' }, { key: 'city', type: 'string' }]);
	assert.equal(context.body.context.name.by, 'user');

	// The agent fills the city, not the user's name; the page shows the value as it arrives over the WebSocket.
	const action = await agent('/handshake/action/' + sessionId, token, {
		actions: [{ type: 'set', key: 'name', value: 'Alice' }, { type: 'set', key: 'city', value: 'Paris' }],
		intervalMs: 100
	});
	assert.deepEqual(action.body.applied, ['city']);
	assert.deepEqual(action.body.rejected, ['name']);
	await page.waitForFunction(() => document.querySelector('[name="city"]').value === 'Paris');
	assert.equal(await page.inputValue('[name="name"]'), 'Bob');

	// The user corrects the city: the edit reaches the session, and the agent can no longer change it.
	await page.fill('[name="city"]', 'Lyon');
	await page.press('[name="city"]', 'Tab');
	await untilFields(baseUrl, sessionId, token, (fields) => fields.city.value === 'Lyon' && fields.city.by === 'user_edit');
	const retry = await agent('/handshake/action/' + sessionId, token, {
		actions: [{ type: 'set', key: 'city', value: 'Nice' }], stream: false
	});
	assert.deepEqual(retry.body.rejected, ['city']);
	assert.equal(await page.inputValue('[name="city"]'), 'Lyon');
	assert.deepEqual(failures, []);
	return { sessionId };
});
