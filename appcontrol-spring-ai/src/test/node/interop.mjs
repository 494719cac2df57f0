// Drives the app-control commands served over MCP (Streamable HTTP) with the official MCP TypeScript SDK client.
// Usage: node interop.mjs <mcp endpoint url> <service token>. Prints {"ok":true,...} when every check passed.
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const [url, token] = process.argv.slice(2);
const initialize = JSON.stringify({
	jsonrpc: '2.0', id: 1, method: 'initialize',
	params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

async function refused(authorization, endpoint = url) {
	const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
	if (authorization) {
		headers.Authorization = authorization;
	}
	const response = await fetch(endpoint, { method: 'POST', headers, body: initialize });
	assert.equal(response.status, 401, `${authorization} at ${endpoint} must be refused`);
	assert.equal(response.headers.get('www-authenticate'), 'Bearer');
	const body = await response.json();
	assert.equal(body.status, 'failed');
	assert.equal(body.error.failureKind, 'invalid_request');
	assert.match(body.error.message, /Authorization: Bearer/);
}

async function connect(name, capabilities, bearer) {
	const client = new Client({ name, version: '1.0.0' }, { capabilities });
	const transport = new StreamableHTTPClientTransport(new URL(url),
		{ requestInit: { headers: { Authorization: `Bearer ${bearer}` } } });
	await client.connect(transport);
	return client;
}

function observation(result) {
	assert.equal(result.content.length, 1);
	assert.equal(result.content[0].type, 'text');
	return JSON.parse(result.content[0].text);
}

await refused(undefined);
await refused(`Bearer ${token}x`);
// the endpoint as the router also matches it: an escaped letter, a path parameter
await refused(undefined, url.replace(/\/mcp$/, '/%6Dcp'));
await refused(undefined, `${url};v=1`);
await assert.rejects(connect('wrong-token', {}, 'not-the-service-token'),
	(error) => error.code === 401 && /missing or invalid service token/.test(error.message));

const questions = [];
const client = await connect('interop', { elicitation: {} }, token);
client.setRequestHandler(ElicitRequestSchema, async (request) => {
	questions.push(request.params.message);
	return { action: 'accept', content: {} };
});

const { tools } = await client.listTools();
const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
assert.deepEqual(Object.keys(byName).sort(), ['desktop_click', 'desktop_close', 'desktop_delete']);
assert.equal(byName.desktop_click.description, 'Clicks a target on the screen.');
assert.equal(byName.desktop_click.inputSchema.type, 'object');
assert.equal(byName.desktop_click.inputSchema.properties.target.type, 'string');
assert.deepEqual(byName.desktop_click.inputSchema.required, ['target']);

const progress = [];
const clicked = await client.callTool({ name: 'desktop_click', arguments: { target: 'OK button' } }, undefined,
	{ onprogress: (notification) => progress.push(notification) });
assert.notEqual(clicked.isError, true);
const ok = observation(clicked);
assert.equal(ok.success, true);
assert.equal(ok.summary, 'clicked OK button');
const messages = progress.map((notification) => notification.message);
assert.ok(messages.includes('moving the pointer') && messages.includes('clicking'), JSON.stringify(progress));

// the MCP server checks the arguments against the declared schema; the command does not run
const missing = await client.callTool({ name: 'desktop_click', arguments: {} });
assert.equal(missing.isError, true);
assert.match(missing.content[0].text, /required property 'target'/);

const closed = await client.callTool({ name: 'desktop_close', arguments: {} });
assert.equal(closed.isError, true);
const failed = observation(closed);
assert.equal(failed.status, 'failed');
assert.equal(failed.error.failureKind, 'execution_failed');
assert.equal(failed.error.message, 'the window is gone');

const deleted = observation(await client.callTool({ name: 'desktop_delete', arguments: { path: '/tmp/report.txt' } }));
assert.equal(deleted.success, true);
assert.deepEqual(questions, ['Delete /tmp/report.txt?']);
await client.close();

const cannotAsk = await connect('no-elicitation', {}, token);
const refusedDelete = await cannotAsk.callTool({ name: 'desktop_delete', arguments: { path: '/tmp/other.txt' } });
assert.equal(refusedDelete.isError, true);
const denied = observation(refusedDelete);
assert.equal(denied.status, 'permission_missing');
assert.match(denied.error.message, /needs a human's approval \(Delete \/tmp\/other\.txt\?\).*cannot ask/);
await cannotAsk.close();

console.log(JSON.stringify({ ok: true, tools: Object.keys(byName).length, progress: progress.length }));
