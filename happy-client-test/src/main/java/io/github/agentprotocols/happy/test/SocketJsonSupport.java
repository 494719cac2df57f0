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

package io.github.agentprotocols.happy.test;

import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * netty-socketio's JSON, writing {@code null} members: its own support leaves them out,
 * while the server's payloads carry them ({@code agentState: null},
 * {@code localId: null}, ...).
 */
final class SocketJsonSupport extends JacksonJsonSupport {

	@Override
	protected void init(ObjectMapper objectMapper) {
		super.init(objectMapper);
		objectMapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
	}

}
