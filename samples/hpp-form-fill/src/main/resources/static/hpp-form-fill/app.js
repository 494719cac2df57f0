// Handshake Prompt Protocol, browser side: create a session, show the prompt, apply the agent's
// actions live and report the user's own edits (over the WebSocket, or POST notify when it is closed).
(function () {
	'use strict';

	const form = document.getElementById('claim');
	const status = document.getElementById('status');
	const promptBox = document.getElementById('prompt');
	const copyButton = document.getElementById('copy');
	const disconnectButton = document.getElementById('disconnect');
	const baseUrl = location.origin;
	let session = null;
	let socket = null;

	function fields() {
		return Array.from(form.querySelectorAll('[name]'));
	}

	function readField(field) {
		const type = field.dataset.type;
		if (type === 'bool') {
			return field.checked;
		}
		if (field.value === '') {
			return null;
		}
		if (type === 'int') {
			return /^-?\d+$/.test(field.value) ? Number(field.value) : field.value;
		}
		if (type === 'float') {
			return isNaN(Number(field.value)) ? field.value : Number(field.value);
		}
		return field.value;
	}

	function writeField(key, value) {
		const field = form.elements.namedItem(key);
		if (!field) {
			return;
		}
		if (field.dataset.type === 'bool') {
			field.checked = value === true;
		} else {
			field.value = value === null || value === undefined ? '' : String(value);
		}
		field.dataset.by = 'ai';
	}

	function schema() {
		return fields().map((field) => {
			const entry = { key: field.name, type: field.dataset.type, label: field.closest('label').textContent.trim().replace(/\s*\*$/, '') };
			if (field.required) {
				entry.required = true;
			}
			if (field.dataset.type === 'enum') {
				entry.options = Array.from(field.options).filter((o) => o.value).map((o) => ({ value: o.value, label: o.textContent }));
			}
			return entry;
		});
	}

	// Only what the user has filled in: an empty field stays open for the agent.
	function filledValues() {
		const values = {};
		fields().forEach((field) => {
			const value = readField(field);
			if (value !== null && value !== false) {
				values[field.name] = value;
			}
		});
		return values;
	}

	function buildPrompt(created) {
		return [
			'# Handshake Prompt - expense claim', '',
			'## Credentials',
			'- sessionId: ' + created.sessionId,
			'- token: ' + created.token,
			'- baseUrl: ' + baseUrl,
			'- expiresIn: ' + created.expiresIn + 's', '',
			'## Instructions',
			'Fill in the expense claim from what the user tells you. Never change a field the user filled in.', '',
			'## Usage',
			'1. GET  ' + baseUrl + created.contextUrl + '  (header X-Handshake-Token: <token>)',
			'2. POST ' + baseUrl + created.actionUrl + '   {"actions":[{"type":"set","key":...,"value":...}]}', '',
			'## Security',
			'- The token expires shortly; do not reuse it elsewhere.',
			'- Do not forward this prompt to anyone.',
			'- You cannot overwrite fields the user filled in.', '',
			"## Waiting for user's request..."
		].join('\n');
	}

	function connect(created) {
		const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
		socket = new WebSocket(scheme + location.host + created.wsUrl + '?token=' + encodeURIComponent(created.token));
		socket.onmessage = (event) => {
			let message;
			try {
				message = JSON.parse(event.data);
			} catch (ignored) {
				return;
			}
			if (message.type === 'connected') {
				status.textContent = 'Connected: waiting for the agent.';
				status.dataset.state = 'connected';
			} else if (message.type === 'action') {
				writeField(message.key, message.value);
				status.textContent = 'Agent filled ' + message.key + '.';
			} else if (message.type === 'done') {
				status.textContent = 'Agent done: ' + message.applied + ' applied'
					+ (message.rejected.length ? ', kept your ' + message.rejected.join(', ') : '') + '.';
				status.dataset.state = 'done';
			} else if (message.type === 'error') {
				status.textContent = 'Session error: ' + message.msg;
				status.dataset.state = 'error';
			}
		};
		socket.onclose = () => {
			if (status.dataset.state !== 'error') {
				status.dataset.state = 'closed';
			}
		};
	}

	function reportUserEdit(event) {
		const field = event.target;
		if (!session || !field.name) {
			return;
		}
		field.dataset.by = 'user';
		const edit = { key: field.name, value: readField(field) };
		if (socket && socket.readyState === WebSocket.OPEN) {
			socket.send(JSON.stringify(Object.assign({ type: 'userEdit' }, edit)));
		} else {
			fetch(baseUrl + session.notifyUrl, {
				method: 'POST', credentials: 'include',
				headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(edit)
			}).catch(() => {});
		}
	}

	document.getElementById('ask').addEventListener('click', async () => {
		const response = await fetch(baseUrl + '/handshake/session', {
			method: 'POST', credentials: 'include',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ mode: 'form-fill', schema: schema(), context: filledValues() })
		});
		if (!response.ok) {
			status.textContent = 'Could not start an agent session (HTTP ' + response.status + ').';
			return;
		}
		session = await response.json();
		promptBox.value = buildPrompt(session);
		promptBox.hidden = false;
		copyButton.hidden = false;
		disconnectButton.hidden = false;
		status.textContent = 'Copy the prompt to your AI agent.';
		connect(session);
	});

	copyButton.addEventListener('click', () => navigator.clipboard.writeText(promptBox.value));
	// Without the live channel, the user's edits still reach the server over POST notify.
	disconnectButton.addEventListener('click', () => {
		if (socket) {
			socket.close();
		}
		status.textContent = 'Live updates stopped; your edits are still sent.';
	});
	form.addEventListener('change', reportUserEdit);
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		status.textContent = 'Claim ready to submit: ' + JSON.stringify(filledValues());
	});
}());
