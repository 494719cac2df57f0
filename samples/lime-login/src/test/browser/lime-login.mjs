// Usage: node lime-login.mjs <baseUrl> <approve|expire> <agentId> <screenshotPath>
// Drives the sample page in headless Chromium (Debian's package). "approve": the demo agent (the test kit's
// LimeAgent, in the application) approves and the page must show "Logged in as <agentId>"; "expire": nobody
// approves and the page must show the expiry. Either way the outcome reaches the page over one EventSource
// connection, without polling. Exits non-zero on failure.
// The showcase, which serves the same page, runs the exported logIn in its own browser.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { withPage } from '../../../../browser-test/with-page.mjs';

/**
 * Opens baseUrl + path (the login page, or a path redirecting to it), starts a login and plays the scenario.
 * An empty agentId stands for the agent that LIME names in its answer to the demo agent's approval.
 * Returns the request id.
 */
export async function logIn(page, baseUrl, path, scenario, agentId) {
	const requests = [];
	page.on('request', (request) => requests.push(request.method() + ' ' + new URL(request.url()).pathname));
	await page.goto(baseUrl + path);
	assert.equal(new URL(page.url()).pathname, '/lime-login.html');

	await page.click('#start');
	await page.waitForSelector('#status[data-state="waiting"]');
	const requestId = (await page.textContent('#request-id')).trim();
	assert.ok(requestId.length > 0, 'the page shows the request id');
	const prompt = await page.inputValue('#prompt');
	assert.ok(prompt.includes('LIME login request id: ' + requestId), prompt);
	assert.match(prompt, /LIME API: http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
	assert.ok(prompt.includes('login("' + requestId + '")'), prompt);

	if (scenario === 'approve') {
		const approval = page.waitForResponse((response) => response.request().method() === 'POST'
			&& new URL(response.url()).pathname.startsWith('/lime-login/demo-agent/'));
		await page.click('#demo-agent');
		const approvedBy = (await (await approval).json()).agentId;
		assert.equal(approvedBy, agentId || approvedBy, 'LIME names the demo agent as the approver');
		await page.waitForSelector('#status[data-state="logged-in"]', { timeout: 20000 });
		assert.equal((await page.textContent('#status')).trim(), 'Logged in as ' + approvedBy);
		await page.waitForFunction(() => /approved \(LIME: (APPROVED|DELIVERED)\)/.test(document.getElementById('demo-agent-status').textContent));
	} else if (scenario === 'expire') {
		await page.waitForSelector('#status[data-state="expired"]', { timeout: 30000 });
		assert.match(await page.textContent('#status'), /expired before an agent approved/);
		assert.equal(await page.isDisabled('#demo-agent'), true);
		// Approving now is refused with a JSON error, not a server failure.
		const late = await fetch(baseUrl + '/lime-login/demo-agent/' + encodeURIComponent(requestId), { method: 'POST' });
		assert.equal(late.status, 410);
		assert.match((await late.json()).error, /LIME refused the demo agent/);
	} else {
		throw new Error('unknown scenario ' + scenario);
	}

	const eventsPath = '/lime-login/requests/' + requestId + '/events';
	assert.deepEqual(requests.filter((request) => request.includes('/lime-login/requests')),
		['POST /lime-login/requests', 'GET ' + eventsPath], 'one request to start, one event stream, no polling');
	return requestId;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { chromium } = await import('playwright-core');
	const [baseUrl, scenario, agentId, screenshot] = process.argv.slice(2);
	await withPage(chromium, screenshot,
		async (page) => ({ scenario, requestId: await logIn(page, baseUrl, '/', scenario, agentId) }));
}
