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

import { createHandshake } from '/handshake/hpp-client.js';

const form = document.getElementById('order');
const handshake = createHandshake();

handshake.on('action', (event) => {
	form.elements[event.key].value = event.value;
});

document.getElementById('ask').addEventListener('click', async () => {
	const fields = [...form.elements];
	await handshake.createSession({
		mode: 'form-fill',
		schema: fields.map((field) => ({ key: field.name, type: 'string' })),
		// what the user typed already is theirs, locked against the agent
		context: Object.fromEntries(fields.filter((field) => field.value).map((field) => [field.name, field.value]))
	});
	handshake.connect();
	document.getElementById('prompt').value = handshake.buildPrompt();
});

// the fields the user edits become theirs too
form.addEventListener('change', (event) => handshake.notifyUserEdit(event.target.name, event.target.value));
