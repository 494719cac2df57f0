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
