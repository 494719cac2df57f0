// The landing page's health table: polls the agentProtocols health group and shows one row per protocol with
// its status and a few of its details, updated in place.
(function () {
	'use strict';

	const HEALTH = '/actuator/health/agentProtocols';
	const INTERVAL_MS = 3000;
	const TIMEOUT_MS = 10000;
	const MAX_DETAILS = 4;
	const NAMES = { hpp: 'HPP', acp: 'ACP', lime: 'LIME', appControl: 'app-control', happy: 'Happy' };
	const ORDER = Object.keys(NAMES);

	const body = document.getElementById('health');
	const overall = document.getElementById('overall');
	const updated = document.getElementById('updated');
	const error = document.getElementById('health-error');

	// Nested details read as "socketio.sockets: 2"; only scalar values are shown.
	function flatten(details, prefix, into) {
		Object.entries(details || {}).forEach(([key, value]) => {
			if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
				flatten(value, prefix + key + '.', into);
			} else if (value !== null && value !== undefined) {
				into.push(prefix + key + ': ' + (Array.isArray(value) ? value.join(', ') : value));
			}
		});
		return into;
	}

	function row(name) {
		let tr = body.querySelector('tr[data-component="' + name + '"]');
		if (!tr) {
			tr = document.createElement('tr');
			tr.dataset.component = name;
			['name', 'status', 'details'].forEach((cell) => {
				const td = document.createElement('td');
				td.className = cell;
				tr.appendChild(td);
			});
			tr.querySelector('.name').textContent = NAMES[name] || name;
			tr.querySelector('.status').classList.add('status');
			body.appendChild(tr);
		}
		return tr;
	}

	function show(health) {
		overall.textContent = health.status;
		overall.dataset.status = health.status;
		const components = health.components || {};
		Object.keys(components)
			.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
			.forEach((name) => {
				const component = components[name];
				const tr = row(name);
				tr.dataset.status = component.status;
				const status = tr.querySelector('.status');
				status.textContent = component.status;
				status.dataset.status = component.status;
				tr.querySelector('.details').textContent = flatten(component.details, '', []).slice(0, MAX_DETAILS).join('\n');
				body.appendChild(tr);
			});
		updated.textContent = ', last at ' + new Date().toLocaleTimeString();
		error.hidden = true;
	}

	function rank(name) {
		const index = ORDER.indexOf(name);
		return index < 0 ? ORDER.length : index;
	}

	// A DOWN group is answered 503 with the same body.
	async function poll() {
		try {
			// A request that hangs is given up, so that the next poll still comes.
			const response = await fetch(HEALTH,
				{ headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
			if (!response.headers.get('Content-Type')?.includes('json')) {
				throw new Error('HTTP ' + response.status);
			}
			show(await response.json());
		} catch (failure) {
			error.textContent = 'Health unavailable: ' + failure.message;
			error.hidden = false;
		} finally {
			setTimeout(poll, INTERVAL_MS);
		}
	}

	poll();
}());
