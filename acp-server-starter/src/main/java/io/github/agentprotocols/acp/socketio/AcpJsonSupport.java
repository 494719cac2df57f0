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

package io.github.agentprotocols.acp.socketio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.protocol.AckArgs;
import com.corundumstudio.socketio.protocol.Event;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.corundumstudio.socketio.protocol.JsonSupport;
import io.github.agentprotocols.acp.wire.AcpJson;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.RawValue;

/**
 * The JSON of netty-socketio's packets: ACP's own mapping for what the transport reads
 * and writes, netty-socketio's Jackson 2 support for its own protocol objects.
 * <p>
 * A client event is read as a {@link JsonNode} per argument. An event whose name is not
 * one of the transport's becomes {@link #UNKNOWN_EVENT} with the name as its argument,
 * and a malformed one {@link #UNKNOWN_EVENT} without argument, so that the transport can
 * refuse both through the acknowledgement (spec §5.5) where netty-socketio would drop
 * them. Values written as {@link JsonNode} or {@link RawValue} are written by ACP's
 * mapper, exactly as REST writes them.
 */
final class AcpJsonSupport implements JsonSupport {

	/** The name given to events the transport does not know. */
	static final String UNKNOWN_EVENT = "\u0000acp:unknown";

	private final JsonSupport protocol = new JacksonJsonSupport();

	private final Set<String> eventNames;

	private final ThreadLocal<Boolean> acpWrite = ThreadLocal.withInitial(() -> false);

	/**
	 * Creates the JSON support.
	 * @param eventNames the names of the events the transport handles
	 */
	AcpJsonSupport(Set<String> eventNames) {
		this.eventNames = Set.copyOf(eventNames);
	}

	@Override
	public <T> T readValue(String namespaceName, ByteBufInputStream src, Class<T> valueType) throws IOException {
		if (valueType != Event.class) {
			return this.protocol.readValue(namespaceName, src, valueType);
		}
		return valueType.cast(readEvent(src));
	}

	private Event readEvent(ByteBufInputStream src) {
		JsonNode packet;
		try {
			packet = AcpJson.mapper().readTree(src);
		}
		catch (JacksonException ex) {
			return new Event(UNKNOWN_EVENT, List.of());
		}
		if (packet == null || !packet.isArray() || packet.isEmpty() || !packet.get(0).isString()) {
			return new Event(UNKNOWN_EVENT, List.of());
		}
		String name = packet.get(0).stringValue();
		if (!this.eventNames.contains(name)) {
			return new Event(UNKNOWN_EVENT, List.of(name));
		}
		List<Object> arguments = new ArrayList<>(packet.size() - 1);
		for (int i = 1; i < packet.size(); i++) {
			arguments.add(packet.get(i));
		}
		return new Event(name, arguments);
	}

	@Override
	public AckArgs readAckArgs(ByteBufInputStream src, AckCallback<?> callback) throws IOException {
		return this.protocol.readAckArgs(src, callback);
	}

	@Override
	public void writeValue(ByteBufOutputStream out, Object value) throws IOException {
		boolean acp = isAcpValue(value)
				|| (value instanceof Collection<?> values && values.stream().anyMatch(AcpJsonSupport::isAcpValue));
		this.acpWrite.set(acp);
		if (acp) {
			out.write(AcpJson.mapper().writeValueAsBytes(value));
		}
		else {
			this.protocol.writeValue(out, value);
		}
	}

	private static boolean isAcpValue(Object value) {
		return value instanceof JsonNode || value instanceof RawValue;
	}

	@Override
	public void addEventMapping(String namespaceName, String eventName, Class<?>... eventClass) {
		this.protocol.addEventMapping(namespaceName, eventName, eventClass);
	}

	@Override
	public void removeEventMapping(String namespaceName, String eventName) {
		this.protocol.removeEventMapping(namespaceName, eventName);
	}

	@Override
	public List<byte[]> getArrays() {
		return this.acpWrite.get() ? List.of() : this.protocol.getArrays();
	}

}
