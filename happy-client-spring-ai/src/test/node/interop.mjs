// Drives the Happy tools served over MCP (Streamable HTTP) with the official MCP TypeScript SDK client.
// Usage: node interop.mjs <mcp endpoint url> <MCP token> <machine id>. Prints {"ok":true,...} when every check passed.
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, token, machineId] = process.argv.slice(2);

async function connect(bearer) {
	const client = new Client({ name: 'happy-interop', version: '1.0.0' });
	const transport = new StreamableHTTPClientTransport(new URL(url),
		{ requestInit: { headers: { Authorization: `Bearer ${bearer}` } } });
	await client.connect(transport);
	return client;
}

function answer(result) {
	assert.equal(result.content.length, 1);
	assert.equal(result.content[0].type, 'text');
	return JSON.parse(result.content[0].text);
}

// no token: 401, as JSON
const initialize = JSON.stringify({
	jsonrpc: '2.0', id: 1, method: 'initialize',
	params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});
const response = await fetch(url, { method: 'POST', body: initialize,
	headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' } });
assert.equal(response.status, 401);
assert.equal(response.headers.get('www-authenticate'), 'Bearer');
assert.equal((await response.json()).error, 'invalid_token');
// a wrong token: refused
await assert.rejects(connect(`${token}x`), (error) => error.code === 401 && /invalid MCP token/.test(error.message));

const client = await connect(token);
const { tools } = await client.listTools();
const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
assert.deepEqual(Object.keys(byName).sort(), ['happy_run', 'happy_start', 'happy_status', 'happy_stop']);
assert.deepEqual(byName.happy_start.inputSchema.required, ['machine', 'directory', 'prompt']);
assert.deepEqual(byName.happy_status.inputSchema.required, ['sessionId']);

// start, then status until the turn completed, then stop
const started = answer(await client.callTool({ name: 'happy_start',
	arguments: { machine: machineId, directory: '/work', prompt: 'Fix the build' } }));
assert.equal(started.ok, true);
assert.equal(started.state, 'working');
let status;
for (let i = 0; i < 30; i++) {
	status = answer(await client.callTool({ name: 'happy_status', arguments: { sessionId: started.sessionId } }));
	if (status.state !== 'working') {
		break;
	}
}
assert.equal(status.state, 'turn-completed', JSON.stringify(status));
assert.equal(status.turnCompleted, true);
assert.ok(status.messages.some((message) => message.text === 'Echo: Fix the build'), JSON.stringify(status));
const stopped = answer(await client.callTool({ name: 'happy_stop', arguments: { sessionId: started.sessionId } }));
assert.deepEqual(stopped, { ok: true, sessionId: started.sessionId, state: 'ended' });

// run, with the session's messages as progress notifications
const progress = [];
const ran = await client.callTool({ name: 'happy_run',
	arguments: { machine: 'fake-host', directory: '/work', prompt: 'Run the tests' } }, undefined,
	{ onprogress: (notification) => progress.push(notification) });
assert.notEqual(ran.isError, true);
const run = answer(ran);
assert.equal(run.ok, true);
assert.equal(run.turnCompleted, true);
assert.ok(run.messages.some((message) => message.text === 'Echo: Run the tests'), JSON.stringify(run));
const told = progress.map((notification) => notification.message);
assert.ok(told.includes('user: Run the tests') && told.some((message) => message.endsWith(': Echo: Run the tests')),
	JSON.stringify(progress));
assert.deepEqual(progress.map((notification) => notification.progress), progress.map((_, i) => i + 1));

// a failure is an error result that says so
const unknown = await client.callTool({ name: 'happy_start',
	arguments: { machine: 'elsewhere', directory: '/work', prompt: 'Hi' } });
assert.equal(unknown.isError, true);
assert.match(answer(unknown).error, /^unknown machine 'elsewhere'/);
await client.close();
console.log(JSON.stringify({ ok: true, tools: tools.length, progress: progress.length }));
