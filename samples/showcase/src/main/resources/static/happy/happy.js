// The Happy page: spawns a session on the chosen machine, sends prompts, shows the session's messages live
// (server-sent events from /happy/sessions/{id}/messages) and the account's sessions.
(() => {
	const $ = (id) => document.getElementById(id);
	let sessionId = null;
	let stream = null;
	const shown = new Set();

	function setStatus(state, text) {
		$('status').dataset.state = state;
		$('status').textContent = text || state;
	}

	function showError(message) {
		$('error').textContent = message;
		$('error').hidden = !message;
		if (message) {
			setStatus('error');
		}
	}

	async function call(method, path, body) {
		const response = await fetch(path, {
			method,
			headers: body ? { 'Content-Type': 'application/json' } : {},
			body: body ? JSON.stringify(body) : undefined
		});
		const answer = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw new Error(answer.message || answer.error || response.statusText);
		}
		return answer;
	}

	function kind(message) {
		if (message.role === 'user' || message.line.startsWith('user:')) {
			return 'user';
		}
		if (message.line.startsWith('tool call')) {
			return 'tool';
		}
		return /^(agent|service)/.test(message.line) ? 'agent' : 'event';
	}

	function show(message) {
		if (shown.has(message.seq)) {
			return;
		}
		shown.add(message.seq);
		const item = document.createElement('li');
		item.className = kind(message);
		item.dataset.seq = message.seq;
		item.textContent = message.line;
		const later = [...$('messages').children].find((other) => Number(other.dataset.seq) > message.seq);
		$('messages').insertBefore(item, later || null);
	}

	function watch(id) {
		if (stream) {
			stream.close();
		}
		sessionId = id;
		shown.clear();
		$('messages').replaceChildren();
		$('session-id').textContent = id || 'none';
		$('stop').disabled = !id;
		stream = id ? new EventSource('/happy/sessions/' + encodeURIComponent(id) + '/messages') : null;
		if (stream) {
			stream.addEventListener('message', (event) => show(JSON.parse(event.data)));
		}
	}

	async function send(event) {
		event.preventDefault();
		showError('');
		$('send').disabled = true;
		try {
			if (!sessionId) {
				setStatus('spawning', 'spawning a session…');
				const spawned = await call('POST', '/happy/sessions',
					{ machineId: $('machine').value, directory: $('directory').value });
				watch(spawned.sessionId);
				refreshSessions();
			}
			setStatus('running', 'turn running…');
			await call('POST', '/happy/sessions/' + encodeURIComponent(sessionId) + '/messages',
				{ text: $('prompt').value });
			await call('GET', '/happy/sessions/' + encodeURIComponent(sessionId) + '/turn');
			setStatus('completed', 'turn completed');
		}
		catch (error) {
			showError(error.message);
		}
		finally {
			$('send').disabled = false;
		}
	}

	async function stop() {
		showError('');
		try {
			await call('POST', '/happy/sessions/' + encodeURIComponent(sessionId) + '/stop');
			// The messages stay on show; the next prompt spawns a new session.
			stream.close();
			sessionId = null;
			setStatus('stopped');
			$('stop').disabled = true;
			refreshSessions();
		}
		catch (error) {
			showError(error.message);
		}
	}

	async function refreshSessions() {
		try {
			const sessions = await call('GET', '/happy/sessions');
			$('sessions').replaceChildren(...sessions.map((session) => {
				const row = document.createElement('tr');
				row.dataset.id = session.id;
				row.dataset.active = session.active;
				for (const text of [session.id, session.path, session.state, session.active ? 'yes' : 'no',
					new Date(session.createdAt).toLocaleTimeString()]) {
					const cell = document.createElement('td');
					cell.textContent = text;
					row.append(cell);
				}
				return row;
			}));
		}
		catch (error) {
			showError(error.message);
		}
	}

	async function loadMachines() {
		try {
			const machines = await call('GET', '/happy/machines');
			$('machine').replaceChildren(...machines.map((machine) => new Option(
				machine.host ? machine.host + ' (' + machine.id + ')' : machine.id, machine.id)));
			$('machine').dataset.loaded = machines.length;
		}
		catch (error) {
			showError(error.message);
		}
	}

	$('task').addEventListener('submit', send);
	$('new').addEventListener('click', () => {
		watch(null);
		setStatus('idle');
	});
	$('stop').addEventListener('click', stop);
	$('refresh').addEventListener('click', refreshSessions);
	loadMachines();
	refreshSessions();
})();
