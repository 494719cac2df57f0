// Handshake Prompt Protocol, browser side, with the starter's browser client: create a session, show the prompt,
// apply the agent's actions live and report the user's own edits (over the WebSocket, or POST notify when it is closed).
import { createHandshake } from '/handshake/hpp-client.js';

const form = document.getElementById('claim');
const status = document.getElementById('status');
const promptBox = document.getElementById('prompt');
const copyButton = document.getElementById('copy');
const disconnectButton = document.getElementById('disconnect');
const handshake = createHandshake();

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

handshake.on('connected', () => {
	status.textContent = 'Connected: waiting for the agent.';
	status.dataset.state = 'connected';
});
handshake.on('action', (event) => {
	writeField(event.key, event.value);
	status.textContent = 'Agent filled ' + event.key + '.';
});
handshake.on('done', (event) => {
	status.textContent = 'Agent done: ' + event.applied + ' applied'
		+ (event.rejected.length ? ', kept your ' + event.rejected.join(', ') : '') + '.';
	status.dataset.state = 'done';
});
handshake.on('error', (event) => {
	status.textContent = 'Session error: ' + event.msg;
	status.dataset.state = 'error';
});
handshake.on('disconnected', () => {
	if (status.dataset.state !== 'error') {
		status.dataset.state = 'closed';
	}
});

function reportUserEdit(event) {
	const field = event.target;
	if (!handshake.session || !field.name) {
		return;
	}
	field.dataset.by = 'user';
	handshake.notifyUserEdit(field.name, readField(field));
}

document.getElementById('ask').addEventListener('click', async () => {
	try {
		await handshake.createSession({ mode: 'form-fill', schema: schema(), context: filledValues() });
	} catch (failure) {
		status.textContent = 'Could not start an agent session (' + failure.message + ').';
		return;
	}
	promptBox.value = handshake.buildPrompt({
		title: 'Handshake Prompt - expense claim',
		customInstructions: 'Fill in the expense claim from what the user tells you. Never change a field the user filled in.'
	});
	promptBox.hidden = false;
	copyButton.hidden = false;
	disconnectButton.hidden = false;
	status.textContent = 'Copy the prompt to your AI agent.';
	handshake.connect();
});

copyButton.addEventListener('click', () => handshake.copyPrompt());
// Without the live channel, the user's edits still reach the server over POST notify.
disconnectButton.addEventListener('click', () => {
	handshake.disconnect();
	status.textContent = 'Live updates stopped; your edits are still sent.';
});
form.addEventListener('change', reportUserEdit);
form.addEventListener('submit', (event) => {
	event.preventDefault();
	status.textContent = 'Claim ready to submit: ' + JSON.stringify(filledValues());
});
