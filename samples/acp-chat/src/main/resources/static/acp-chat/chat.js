// ACP chat, browser side: creates or opens a thread over REST, follows it over Socket.IO (socket.io-client)
// and shows every event of its log in (created_at, id) order, each once, whatever way it arrived.
(function () {
	'use strict';

	// The thread's assistant, chosen when it is created and kept in the page's address: demo or spring-ai.
	const ASSISTANTS = {
		demo: { role: 'assistant', id: 'demo', name: 'Demo assistant', metadata: {} },
		'spring-ai': { role: 'assistant', id: 'spring-ai', name: 'Spring AI assistant', metadata: {} }
	};
	const API = '/acp';
	const TERMINAL = ['completed', 'failed', 'cancelled'];

	const params = new URLSearchParams(location.search);
	const connection = document.getElementById('connection');
	const runStatus = document.getElementById('run-status');
	const stopButton = document.getElementById('stop');
	const threadInfo = document.getElementById('thread-info');
	const loginForm = document.getElementById('login');
	const log = document.getElementById('log');
	const composer = document.getElementById('composer');
	const text = document.getElementById('text');
	const errorBox = document.getElementById('error');

	let user = null;
	let assistant = null;
	let threadId = null;
	let socket = null;
	let newest = null;
	let currentRun = null;
	const seen = new Set();
	const runs = new Map();

	function showError(message) {
		errorBox.hidden = !message;
		errorBox.textContent = message || '';
	}

	function showConnection(state, message) {
		connection.dataset.state = state;
		connection.textContent = message;
	}

	// The log's order (spec §5.7): created_at, then id. W4 timestamps have a fixed width, so they sort as text.
	function key(item) {
		return item.created_at + ' ' + item.id;
	}

	function insertSorted(container, element, sortKey) {
		element.dataset.key = sortKey;
		const after = Array.from(container.children).find((child) => child.dataset.key > sortKey);
		container.insertBefore(element, after || null);
	}

	async function rest(method, path, body) {
		const response = await fetch(API + path, {
			method,
			headers: { 'Content-Type': 'application/json', 'X-Demo-User': user },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const answer = response.status === 204 ? {} : await response.json();
		if (!response.ok) {
			throw new Error(answer.error ? answer.error.code + ': ' + answer.error.message : 'HTTP ' + response.status);
		}
		return answer;
	}

	function item(classes, authorName, content) {
		const element = document.createElement('li');
		element.className = classes;
		if (authorName) {
			const author = document.createElement('span');
			author.className = 'author';
			author.textContent = authorName;
			element.append(author);
		}
		if (content !== undefined) {
			element.append(content);
		}
		return element;
	}

	function textOf(parts) {
		return parts.map((part) => part.type === 'text' ? part.text : '[' + part.type + ']').join(' ');
	}

	function json(value) {
		return JSON.stringify(value);
	}

	// The answer of a run streams as several message events: they share one bubble, each its own chunk.
	function answerChunk(event) {
		let bubble = log.querySelector('li.answer[data-run-id="' + CSS.escape(event.run_id) + '"]');
		if (!bubble) {
			bubble = item('message assistant answer', event.author.name || event.author.id);
			bubble.dataset.runId = event.run_id;
			const body = document.createElement('span');
			body.className = 'chunks';
			bubble.append(body);
			insertSorted(log, bubble, key(event));
		}
		const chunk = document.createElement('span');
		chunk.className = 'chunk';
		chunk.dataset.eventId = event.id;
		chunk.dataset.type = event.type;
		chunk.textContent = textOf(event.content);
		insertSorted(bubble.querySelector('.chunks'), chunk, key(event));
		if (bubble.dataset.key > key(event)) {
			insertSorted(log, bubble, key(event));
		}
	}

	function render(event) {
		const author = event.author.name || event.author.id;
		let element;
		switch (event.type) {
			case 'message':
				if (event.run_id) {
					answerChunk(event);
					return;
				}
				element = item('message ' + (event.author.id === user ? 'user' : 'other'), author, textOf(event.content));
				break;
			case 'reasoning':
				element = item('reasoning', author + ' is thinking', event.content);
				break;
			case 'tool.call':
				element = item('tool tool-call', 'tool call', event.tool.name + '(' + json(event.tool.arguments) + ')');
				break;
			case 'tool.result':
				element = item('tool tool-result', 'tool result',
					event.tool.error ? 'error ' + json(event.tool.error) : json(event.tool.result));
				break;
			case 'run.started':
			case 'run.completed':
			case 'run.failed':
			case 'run.cancelled':
				updateRun(event.run_id, event.type.substring(4), event.type === 'run.started');
				element = item('notice run-event', null, author + ': run ' + event.type.substring(4)
					+ (event.error ? ' (' + event.error.code + ': ' + event.error.message + ')' : ''));
				break;
			case 'thread.created':
				element = item('notice', null, author + ' created the thread');
				break;
			case 'thread.member_added':
				element = item('notice', null, author + ' added ' + (event.member.name || event.member.id));
				break;
			case 'thread.member_removed':
				element = item('notice', null, author + ' removed ' + (event.member.name || event.member.id));
				break;
			default:
				element = item('notice', null, event.type);
		}
		element.dataset.eventId = event.id;
		element.dataset.type = event.type;
		insertSorted(log, element, key(event));
	}

	// Every event passes here, from the history, a join's replay, a live push or an ack: each is shown once.
	function add(event) {
		if (event.thread_id !== threadId || seen.has(event.id)) {
			return;
		}
		seen.add(event.id);
		if (!newest || key(event) > key(newest)) {
			newest = { created_at: event.created_at, id: event.id };
		}
		render(event);
		window.scrollTo(0, document.body.scrollHeight);
	}

	// A run's status only moves forward, whether run:updated or a run.* event tells it first.
	function updateRun(runId, status, makeCurrent) {
		const known = runs.get(runId);
		if (!known || (!TERMINAL.includes(known) && !(known === 'running' && status === 'pending'))) {
			runs.set(runId, status);
		}
		if (makeCurrent || !currentRun) {
			currentRun = runId;
		}
		if (runId === currentRun) {
			runStatus.dataset.status = runs.get(runId);
			runStatus.textContent = runs.get(runId);
			stopButton.disabled = TERMINAL.includes(runs.get(runId));
		}
	}

	async function loadEvents(after) {
		let cursor = after;
		do {
			const query = new URLSearchParams({ limit: '500', order: 'asc' });
			if (cursor) {
				query.set('cursor_created_at', cursor.created_at);
				query.set('cursor_id', cursor.id);
			}
			const page = await rest('GET', '/threads/' + encodeURIComponent(threadId) + '/events?' + query);
			page.items.forEach(add);
			cursor = page.next_cursor;
		} while (cursor);
	}

	async function openThread() {
		threadId = params.get('thread');
		if (!threadId) {
			const thread = await rest('POST', '/threads', { metadata: { title: 'ACP chat with ' + user } });
			threadId = thread.id;
			await rest('POST', '/threads/' + encodeURIComponent(threadId) + '/members', { identity: assistant });
			params.set('thread', threadId);
			params.set('user', user);
			params.set('assistant', assistant.id);
			history.replaceState(null, '', '?' + params);
		}
		threadInfo.textContent = 'Thread ' + threadId + ' — reload the page to resume it.';
		await loadEvents(null);
	}

	// Joined on every (re)connect with since = the newest event seen: the replay fills exactly the gap.
	function join() {
		const since = newest;
		socket.emit('thread:join', { thread_id: threadId, since }, (ack) => {
			if (ack.error) {
				showError('thread:join refused: ' + ack.error.code + ': ' + ack.error.message);
				return;
			}
			ack.replayed.forEach(add);
			if (ack.replay_truncated) {
				loadEvents(since).catch((ex) => showError(ex.message));
			}
			showConnection('connected', 'Connected as ' + user + '.');
			composer.hidden = false;
		});
	}

	function connect() {
		socket = io({ path: '/socket.io', auth: { user } });
		socket.on('connect', join);
		socket.on('disconnect', () => showConnection('offline', 'Disconnected; reconnecting…'));
		socket.on('connect_error', (err) => showConnection('error', 'Connection refused: ' + err.message));
		socket.on('event', add);
		socket.on('run:updated', (run) => {
			if (run.thread_id === threadId) {
				updateRun(run.id, run.status, run.status === 'pending');
			}
		});
		socket.on('members:updated', (update) => {
			if (update.thread_id === threadId) {
				threadInfo.textContent = 'Thread ' + threadId + ' — members: '
					+ update.members.map((member) => member.name || member.id).join(', ');
			}
		});
		socket.on('thread:removed', (removed) => {
			if (removed.thread_id === threadId) {
				composer.hidden = true;
				showError('This thread is no longer yours (' + removed.reason + ').');
			}
		});
	}

	function emit(name, payload) {
		return new Promise((resolve, reject) => socket.emit(name, payload, (ack) => ack.error
			? reject(new Error(name + ': ' + ack.error.code + ': ' + ack.error.message)) : resolve(ack)));
	}

	function clientId() {
		return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random();
	}

	composer.addEventListener('submit', async (submitted) => {
		submitted.preventDefault();
		const words = text.value.trim();
		if (!words) {
			return;
		}
		showError(null);
		const id = clientId();
		try {
			const sent = await emit('message:send', {
				thread_id: threadId,
				draft: { client_id: id, content: [{ type: 'text', text: words }] }
			});
			add(sent.event);
			text.value = '';
			const invoked = await emit('assistant:invoke', {
				thread_id: threadId, assistant_ids: [assistant.id], idempotency_key: id
			});
			invoked.runs.forEach((run) => updateRun(run.id, run.status, true));
		} catch (ex) {
			showError(ex.message);
		}
	});

	stopButton.addEventListener('click', () => {
		if (currentRun) {
			emit('run:cancel', { run_id: currentRun }).catch((ex) => showError(ex.message));
		}
	});

	async function start(name, assistantId) {
		user = name;
		assistant = ASSISTANTS[assistantId] || ASSISTANTS.demo;
		text.placeholder = 'Ask the ' + assistant.name + ' something';
		loginForm.hidden = true;
		try {
			await openThread();
			connect();
		} catch (ex) {
			showConnection('error', 'Could not open the thread.');
			showError(ex.message);
		}
	}

	loginForm.addEventListener('submit', (submitted) => {
		submitted.preventDefault();
		start(document.getElementById('user').value.trim(), document.getElementById('assistant').value);
	});

	if (params.get('user')) {
		start(params.get('user'), params.get('assistant'));
	} else {
		loginForm.hidden = false;
	}
})();
