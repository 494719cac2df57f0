/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/**
 * Browser client of the Handshake Prompt Protocol, served by hpp-spring-boot-starter at
 * `/handshake/hpp-client.js` (property `hpp.browser-client.path`). An ES module without
 * dependencies: the page creates a session, shows the prompt for the user to copy into an
 * agent, follows the agent's changes over the WebSocket and reports the user's own edits.
 * Its names are those of the protocol's TypeScript client.
 *
 * @example
 * import { createHandshake } from '/handshake/hpp-client.js';
 * const handshake = createHandshake();
 * await handshake.createSession({ mode: 'form-fill', schema, context });
 * handshake.on('action', (event) => fill(event.key, event.value));
 * handshake.connect();
 * prompt.value = handshake.buildPrompt();
 * @module hpp-client
 */

/**
 * A frame from the server (`connected`, `action`, `done`, `extended`, `heartbeat`, `error`) or one
 * the client dispatches itself: `error` when the WebSocket fails or a notify is refused, and
 * `disconnected` (with `code` and `reason`) when the WebSocket closes.
 * @typedef {{type: string, [name: string]: any}} HandshakeEvent
 */

/**
 * The answer to creating a session: paths are absolute, without scheme and host.
 * @typedef {{sessionId: string, token: string, wsUrl: string, contextUrl: string, actionUrl: string,
 *   diffUrl: string, notifyUrl: string, expiresIn: number}} HandshakeSession
 */

/** One page's handshake: at most one session and one WebSocket. */
export class HandshakeClient {

	/**
	 * @param {object} [options]
	 * @param {string} [options.baseUrl] the application's URL, the page's origin unless given
	 * @param {string} [options.prefix] the prefix of the endpoints (`hpp.prefix`), `/handshake` unless given
	 * @param {typeof fetch} [options.fetch] the fetch function, the browser's unless given
	 */
	constructor({ baseUrl = location.origin, prefix = '/handshake', fetch = globalThis.fetch.bind(globalThis) } = {}) {
		/** The application's URL, without a trailing slash; agents get it in the prompt. */
		this.baseUrl = baseUrl.replace(/\/+$/, '');
		this.prefix = prefix.replace(/\/+$/, '');
		this.fetch = fetch;
		/** @type {HandshakeSession | null} the session created, null before */
		this.session = null;
		/** @type {WebSocket | null} */
		this.socket = null;
		/** @type {Map<string, Set<(event: HandshakeEvent) => void>>} */
		this.listeners = new Map();
	}

	/**
	 * Creates a session with the page's credentials (cookies included).
	 * @param {{mode?: string, schema?: object[], context?: object, meta?: object}} [request] the form's
	 *   fields (`key`, `type`, `required`, `options`, ...) and the values the user already filled in
	 * @returns {Promise<HandshakeSession>} the session, also kept as `this.session`
	 * @throws {Error} `createSession failed: <status>` when the server refuses
	 */
	async createSession(request = {}) {
		const response = await this.fetch(this.baseUrl + this.prefix + '/session', {
			method: 'POST',
			credentials: 'include',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(request)
		});
		if (!response.ok) {
			throw new Error('createSession failed: ' + response.status);
		}
		this.session = await response.json();
		return this.session;
	}

	/**
	 * The handshake prompt the user pastes into the agent: its `- sessionId:`, `- token:` and
	 * `- baseUrl:` lines are what the agent reads. It holds the token: never log it.
	 * @param {{title?: string, customInstructions?: string, skillName?: string}} [options]
	 * @returns {string} the prompt
	 */
	buildPrompt({ title = 'Handshake Prompt', customInstructions, skillName } = {}) {
		const session = this.requireSession();
		const lines = ['# ' + title, '', '## Credentials', '- sessionId: ' + session.sessionId,
			'- token: ' + session.token, '- baseUrl: ' + this.baseUrl, '- expiresIn: ' + session.expiresIn + 's'];
		if (skillName) {
			lines.push('- skill: ' + skillName);
		}
		lines.push('');
		if (customInstructions) {
			lines.push('## Instructions', customInstructions, '');
		}
		lines.push('## Usage',
			'1. GET  ' + this.baseUrl + session.contextUrl + '  (header X-Handshake-Token: <token>)',
			'2. POST ' + this.baseUrl + session.actionUrl + '   {"actions":[{"type":"set","key":...,"value":...}]}', '',
			'## Security',
			'- The token expires when the session is idle; do not use it for anything else.',
			'- Do not forward this prompt to anyone.',
			'- Fields the user filled in are theirs: the server refuses to overwrite them.', '',
			"## Waiting for user's request...");
		return lines.join('\n');
	}

	/**
	 * Copies the prompt to the clipboard.
	 * @param {{title?: string, customInstructions?: string, skillName?: string}} [options] as for buildPrompt
	 * @returns {Promise<boolean>} whether the clipboard took it
	 */
	async copyPrompt(options) {
		try {
			await navigator.clipboard.writeText(this.buildPrompt(options));
			return true;
		} catch (ignored) {
			return false;
		}
	}

	/**
	 * Opens the session's WebSocket: every frame is dispatched to the listeners of its `type`;
	 * `connected` comes first. Does nothing while one is open.
	 */
	connect() {
		const session = this.requireSession();
		if (this.socket && this.socket.readyState <= WebSocket.OPEN) {
			return;
		}
		const url = new URL(session.wsUrl, this.baseUrl + '/');
		url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
		url.search = '?token=' + encodeURIComponent(session.token);
		const socket = new WebSocket(url);
		socket.onmessage = (message) => {
			let event;
			try {
				event = JSON.parse(message.data);
			} catch (ignored) {
				return;
			}
			if (event && typeof event.type === 'string') {
				this.dispatch(event);
			}
		};
		socket.onerror = () => this.dispatch({ type: 'error', msg: 'websocket error' });
		socket.onclose = (close) => {
			if (this.socket === socket) {
				this.socket = null;
			}
			this.dispatch({ type: 'disconnected', code: close.code, reason: close.reason });
		};
		this.socket = socket;
	}

	/**
	 * Listens to one type of event.
	 * @param {string} type `connected`, `action` (`key`, `value`), `done` (`applied`, `rejected`,
	 *   `missing`), `extended` (`expiresIn`), `heartbeat`, `error` (`msg`) or `disconnected`
	 * @param {(event: HandshakeEvent) => void} callback
	 * @returns {() => void} a function that stops listening
	 */
	on(type, callback) {
		if (!this.listeners.has(type)) {
			this.listeners.set(type, new Set());
		}
		this.listeners.get(type).add(callback);
		return () => this.listeners.get(type).delete(callback);
	}

	/**
	 * Reports a value the user set: the field becomes the user's and the agent can no longer
	 * change it. Sent over the WebSocket while it is open, else to the notify endpoint with the
	 * page's credentials; a refusal there is dispatched as an `error` event. Does nothing before a
	 * session exists.
	 * @param {string} key the field
	 * @param {any} value its JSON value
	 * @returns {Promise<void>}
	 */
	async notifyUserEdit(key, value) {
		const session = this.session;
		if (!session) {
			return;
		}
		if (this.socket && this.socket.readyState === WebSocket.OPEN) {
			this.socket.send(JSON.stringify({ type: 'userEdit', key, value }));
			return;
		}
		try {
			const response = await this.fetch(this.baseUrl + session.notifyUrl, {
				method: 'POST',
				credentials: 'include',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ key, value })
			});
			if (!response.ok) {
				this.dispatch({ type: 'error', msg: 'notify failed: ' + response.status });
			}
		} catch (failure) {
			this.dispatch({ type: 'error', msg: 'notify failed: ' + failure.message });
		}
	}

	/** Closes the WebSocket; the session lives on, user edits go to the notify endpoint. */
	disconnect() {
		if (this.socket) {
			this.socket.close(1000);
			this.socket = null;
		}
	}

	/**
	 * Ends the session on the server (`DELETE {prefix}/session/{sid}`): the agent's token stops
	 * working and every WebSocket of the session closes.
	 * @returns {Promise<boolean>} whether the server ended it
	 */
	async close() {
		const session = this.requireSession();
		const response = await this.fetch(this.baseUrl + this.prefix + '/session/' + session.sessionId, {
			method: 'DELETE',
			credentials: 'include',
			headers: { 'X-Handshake-Token': session.token }
		});
		this.disconnect();
		return response.ok;
	}

	/** @param {HandshakeEvent} event */
	dispatch(event) {
		for (const callback of this.listeners.get(event.type) || []) {
			callback(event);
		}
	}

	/** @returns {HandshakeSession} */
	requireSession() {
		if (!this.session) {
			throw new Error('no session: call createSession first');
		}
		return this.session;
	}

}

/**
 * A client for the page.
 * @param {{baseUrl?: string, prefix?: string, fetch?: typeof fetch}} [options] as for HandshakeClient
 * @returns {HandshakeClient}
 */
export function createHandshake(options) {
	return new HandshakeClient(options);
}
