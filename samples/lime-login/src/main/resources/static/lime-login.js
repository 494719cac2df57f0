// LIME agent login, browser side: start a login request, show what the agent needs, and wait for the
// outcome the server pushes over Server-Sent Events (no polling).
(function () {
	'use strict';

	const startButton = document.getElementById('start');
	const status = document.getElementById('status');
	const requestSection = document.getElementById('request');
	const promptBox = document.getElementById('prompt');
	const demoAgentButton = document.getElementById('demo-agent');
	const demoAgentStatus = document.getElementById('demo-agent-status');
	let login = null;
	let events = null;

	function show(state, text) {
		status.dataset.state = state;
		status.textContent = text;
	}

	async function errorOf(response) {
		try {
			return (await response.json()).error || 'HTTP ' + response.status;
		} catch (ignored) {
			return 'HTTP ' + response.status;
		}
	}

	function agentPrompt(started) {
		return [
			'Please log me in to ' + location.origin + ' with LIME agent login.', '',
			'LIME login request id: ' + started.requestId,
			'Expires: ' + started.expiresAt,
			'LIME API: ' + started.apiBase, '',
			'Approve the request with your LIME agent token before it expires, e.g. with lime-agents-sdk:',
			'    await LimeAgent().login("' + started.requestId + '")',
			'(it reads LIME_AGENT_TOKEN and LIME_API_BASE from the environment)'
		].join('\n');
	}

	function follow(started) {
		if (events) {
			events.close();
		}
		events = new EventSource(started.events);
		events.onopen = () => {
			if (status.dataset.state === 'starting') {
				show('waiting', 'Waiting for your agent to approve request ' + started.requestId + '…');
			}
		};
		events.addEventListener('logged-in', (event) => {
			show('logged-in', 'Logged in as ' + JSON.parse(event.data).agentId);
			finish();
		});
		events.addEventListener('refused', (event) => {
			show('refused', 'The agent\'s passport was refused: ' + JSON.parse(event.data).reason);
			finish();
		});
		events.addEventListener('expired', () => {
			show('expired', 'The login request expired before an agent approved it.');
			finish();
		});
		// The browser reconnects by itself after a dropped connection; it gives up only on an error answer.
		events.onerror = () => {
			if (events.readyState === EventSource.CLOSED) {
				show('error', 'Lost track of the login request.');
				finish();
			}
		};
	}

	function finish() {
		events.close();
		demoAgentButton.disabled = true;
		startButton.disabled = false;
	}

	startButton.addEventListener('click', async () => {
		startButton.disabled = true;
		show('starting', 'Starting a login request…');
		const response = await fetch('/lime-login/requests', { method: 'POST' });
		if (!response.ok) {
			show('error', 'Could not start a login: ' + await errorOf(response));
			startButton.disabled = false;
			return;
		}
		login = await response.json();
		document.getElementById('request-id').textContent = login.requestId;
		const expiresAt = document.getElementById('expires-at');
		expiresAt.dateTime = login.expiresAt;
		expiresAt.textContent = new Date(login.expiresAt).toLocaleTimeString();
		promptBox.value = agentPrompt(login);
		demoAgentButton.disabled = false;
		demoAgentStatus.textContent = '';
		requestSection.hidden = false;
		follow(login);
	});

	document.getElementById('copy').addEventListener('click', () => navigator.clipboard.writeText(promptBox.value));

	demoAgentButton.addEventListener('click', async () => {
		demoAgentButton.disabled = true;
		demoAgentStatus.textContent = 'The demo agent solves the proof-of-work and approves…';
		const response = await fetch('/lime-login/demo-agent/' + encodeURIComponent(login.requestId), { method: 'POST' });
		demoAgentStatus.textContent = response.ok
			? 'The demo agent approved (LIME: ' + (await response.json()).status + ').'
			: 'The demo agent could not approve: ' + await errorOf(response);
	});

	fetch('/lime-login/demo-agent').then((response) => response.json()).then((demoAgent) => {
		demoAgentButton.hidden = !demoAgent.available;
	}).catch(() => {});
}());
