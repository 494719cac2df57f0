// Follows a pasted HPP handshake prompt over MCP (Streamable HTTP) with the official MCP TypeScript SDK client.
// Usage: node interop.mjs <file holding the prompt>. Prints {"ok":true,...} when every check passed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const prompt = readFileSync(process.argv[2], 'utf8');
function line(name) {
	const match = prompt.match(new RegExp(`^- ${name}: (\\S+)$`, 'm'));
	assert.ok(match, `the prompt names its ${name}`);
	return match[1];
}
const sessionId = line('sessionId');
const token = line('token');
const endpoint = line('mcpEndpoint');

function json(result) {
	assert.equal(result.content.length, 1);
	assert.equal(result.content[0].type, 'text');
	return JSON.parse(result.content[0].text);
}

const client = new Client({ name: 'hpp-interop', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(endpoint)));

const { tools } = await client.listTools();
const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
assert.deepEqual(Object.keys(byName).sort(), ['hpp_action', 'hpp_context', 'hpp_diff', 'hpp_extend']);
assert.deepEqual(byName.hpp_action.inputSchema.required, ['sessionId', 'token']);

const context = await client.callTool({ name: 'hpp_context', arguments: { sessionId, token } });
assert.notEqual(context.isError, true);
const session = json(context);
assert.equal(session.sessionId, sessionId);
assert.deepEqual(session.schema.map((field) => field.key), ['name', 'city']);
assert.equal(session.context.city.by, 'user');

const acted = await client.callTool({ name: 'hpp_action', arguments: { sessionId, token, intervalMs: 0,
	actions: [{ type: 'set', key: 'name', value: 'Ada' }, { type: 'set', key: 'city', value: 'Paris' }] } });
assert.notEqual(acted.isError, true);
const outcome = json(acted);
assert.deepEqual(outcome.applied, ['name']);
assert.deepEqual(outcome.rejected, ['city']);
assert.equal(outcome.context.city.value, 'Lyon');

const diff = json(await client.callTool({ name: 'hpp_diff', arguments: { sessionId, token } }));
assert.ok(diff.changes.some((change) => change.key === 'name' && change.to === 'Ada' && change.by === 'ai'), JSON.stringify(diff));

const extended = json(await client.callTool({ name: 'hpp_extend', arguments: { sessionId, token, extraSeconds: 60 } }));
assert.equal(extended.ok, true);
assert.equal(extended.extended, 60);

const wrongToken = await client.callTool({ name: 'hpp_action', arguments: { sessionId, token: `${token}x`,
	actions: [{ type: 'set', key: 'name', value: 'Mallory' }] } });
assert.equal(wrongToken.isError, true);
assert.deepEqual(JSON.parse(wrongToken.content[0].text), { error: 'invalid token', status: 403 });

const unknown = await client.callTool({ name: 'hpp_context', arguments: { sessionId: 'no-such-session', token } });
assert.equal(unknown.isError, true);
assert.equal(JSON.parse(unknown.content[0].text).status, 404);
await client.close();

console.log(JSON.stringify({ ok: true, tools: tools.length }));
