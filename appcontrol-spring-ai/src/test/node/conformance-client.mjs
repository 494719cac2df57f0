// Loaded with --import before the MCP conformance suite's CLI (see conformance.mjs); changes nothing of the suite's
// checks. The suite has no option for a request header, so every request its client sends to the endpoint under
// test carries the service token (Authorization: Bearer), as an MCP client of the endpoint is configured to; the
// dns-rebinding-protection scenario's requests, sent with undici rather than fetch, carry none.
// Node.js 20 has no fs.globSync, which the CLI imports for its tier-check command only: that import gets a stand-in.
import fs from 'node:fs';
import { register } from 'node:module';

const token = process.env.MCP_CONFORMANCE_BEARER_TOKEN;
const endpoint = new URL(process.env.MCP_CONFORMANCE_URL).origin;
const send = globalThis.fetch;
globalThis.fetch = (input, init) => {
	const target = new URL(input instanceof Request ? input.url : String(input));
	if (target.origin !== endpoint) {
		return send(input, init);
	}
	const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
	if (!headers.has('authorization')) {
		headers.set('authorization', `Bearer ${token}`);
	}
	return send(input, { ...init, headers });
};

if (typeof fs.globSync !== 'function') {
	const standIn = `export * from 'node:fs'; export { default } from 'node:fs';
		export function globSync() { throw new Error('fs.globSync needs Node.js 22'); }`;
	const hooks = `export async function resolve(specifier, context, next) {
		if ((specifier === 'fs' || specifier === 'node:fs')
				&& context.parentURL?.includes('/node_modules/@modelcontextprotocol/conformance/')) {
			return { url: ${JSON.stringify(`data:text/javascript,${encodeURIComponent(standIn)}`)}, shortCircuit: true };
		}
		return next(specifier, context);
	}`;
	register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
