// The app-control page: lists the demo commands (/app-control/demo/commands), runs the chosen one through the
// showcase (POST /app-control/demo/runs hands it to the local service host as a `stream` request) and shows the
// host's server-sent events as they arrive: each command event, then the final observation. A command the host
// refuses shows the host's refusal envelope.
(() => {
	const $ = (id) => document.getElementById(id);
	let commands = [];

	function setStatus(state, text) {
		$('status').dataset.state = state;
		$('status').textContent = text || state;
	}

	function pretty(value) {
		return JSON.stringify(value, null, 2);
	}

	function showCommand() {
		const command = commands.find((candidate) => candidate.operation === $('operation').value);
		$('description').textContent = command.title;
		$('arguments').replaceChildren(...command.arguments.map((argument) => {
			const input = document.createElement('input');
			input.id = 'arg-' + argument.name;
			input.name = argument.name;
			input.value = argument.example;
			const label = document.createElement('label');
			label.append(argument.label, input);
			return label;
		}));
	}

	function commandToSend() {
		const command = { operation: $('operation').value, input: {} };
		for (const input of $('arguments').querySelectorAll('input')) {
			command.input[input.name] = input.value;
		}
		// Sent as typed: the host, not the page, decides whether it is a valid timeout.
		if ($('timeout').value.trim() !== '') {
			command.timeoutMs = Number($('timeout').value);
		}
		return command;
	}

	function reset() {
		$('events').replaceChildren();
		$('request-id').textContent = 'none';
		$('observation').hidden = true;
		$('error').hidden = true;
	}

	function showEvent(event) {
		const item = document.createElement('li');
		item.className = event.type;
		item.dataset.seq = event.seq;
		item.dataset.type = event.type;
		item.title = event.phase ? 'phase: ' + event.phase : '';
		for (const [name, text] of [['seq', event.seq], ['type', event.type], ['summary', event.summary || '']]) {
			const cell = document.createElement('span');
			cell.className = name;
			cell.textContent = text;
			item.append(cell);
		}
		$('events').append(item);
		setStatus('running', 'running… ' + event.summary);
	}

	function showObservation(observation) {
		$('observation').dataset.status = observation.status;
		$('observation-status').textContent = observation.status;
		$('observation-status').classList.toggle('ok', observation.success);
		$('observation-summary').textContent = observation.summary;
		$('observation-json').textContent = pretty(observation);
		$('observation').hidden = false;
		setStatus(observation.success ? 'ok' : 'failed', observation.success ? 'done' : 'failed: ' + observation.status);
	}

	function showRefusal(httpStatus, envelope) {
		const error = (envelope && envelope.error) || {};
		$('error-title').textContent = (httpStatus === 'network') ? 'Could not reach the showcase' : 'Refused by the host';
		const pointer = error.evidence && error.evidence.pointer;
		$('error').dataset.failureKind = error.failureKind || '';
		$('error-status').textContent = httpStatus + (error.failureKind ? ' ' + error.failureKind : '');
		$('error-message').textContent = (error.message || 'the request failed') + (pointer ? ' (at ' + pointer + ')' : '');
		$('error-json').textContent = envelope ? pretty(envelope) : '';
		$('error').hidden = false;
		setStatus('refused');
	}

	// Server-sent events from a fetch() body: EventSource cannot POST, and the command travels in the body.
	async function* serverSentEvents(body) {
		const reader = body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) {
				return;
			}
			buffer += value.replace(/\r\n?/g, '\n');
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				yield parseEvent(buffer.slice(0, end));
				buffer = buffer.slice(end + 2);
			}
		}
	}

	function parseEvent(block) {
		const event = { type: 'message', id: null, data: [] };
		for (const line of block.split('\n')) {
			const colon = line.indexOf(':');
			const field = (colon < 0) ? line : line.slice(0, colon);
			const value = (colon < 0) ? '' : line.slice(colon + 1).replace(/^ /, '');
			if (field === 'event') {
				event.type = value;
			}
			else if (field === 'id') {
				event.id = value;
			}
			else if (field === 'data') {
				event.data.push(value);
			}
		}
		return { type: event.type, id: event.id, data: event.data.join('\n') };
	}

	async function run(submit) {
		submit.preventDefault();
		reset();
		$('run').disabled = true;
		setStatus('running', 'running…');
		try {
			const response = await fetch('/app-control/demo/runs', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
				body: JSON.stringify(commandToSend())
			});
			if (!response.ok) {
				showRefusal(response.status, await response.json().catch(() => null));
				return;
			}
			for await (const message of serverSentEvents(response.body)) {
				const envelope = JSON.parse(message.data);
				$('request-id').textContent = envelope.requestId;
				if (message.type === 'event') {
					showEvent(envelope.event);
				}
				else if (envelope.observation) {
					showObservation(envelope.observation);
				}
				else {
					showRefusal(response.status, envelope);
				}
			}
			if ($('status').dataset.state === 'running') {
				setStatus('failed', 'the stream ended without an observation');
			}
		}
		catch (error) {
			showRefusal('network', { error: { message: error.message } });
		}
		finally {
			$('run').disabled = false;
		}
	}

	async function loadCommands() {
		const response = await fetch('/app-control/demo/commands');
		const catalogue = await response.json();
		commands = catalogue.commands;
		$('operation').replaceChildren(...commands.map((command) => new Option(command.operation, command.operation)));
		showCommand();
		$('operation').dataset.loaded = commands.length;
	}

	$('operation').addEventListener('change', showCommand);
	$('command').addEventListener('submit', run);
	loadCommands().catch((error) => showRefusal('network', { error: { message: error.message } }));
})();
