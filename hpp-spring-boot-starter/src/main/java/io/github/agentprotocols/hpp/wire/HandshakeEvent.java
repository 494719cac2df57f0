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

package io.github.agentprotocols.hpp.wire;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message the server pushes to the browsers watching a session over the WebSocket
 * channel. The frame is the exact JSON object sent, so a broadcast that crosses instances
 * only needs to carry the frame.
 *
 * @param frame the JSON object sent to the client; its {@code type} names the event
 */
public record HandshakeEvent(ObjectNode frame) {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/**
	 * The event's type, such as {@code action} or {@code done}.
	 * @return the type
	 */
	public String type() {
		return this.frame.path("type").asString("");
	}

	/**
	 * Whether the connection closes after this event (the session has ended).
	 * @return true for the expiry notice
	 */
	public boolean closesConnection() {
		return "error".equals(type());
	}

	/**
	 * The reply to a successful connect.
	 * @param sessionId the session id
	 * @param mode the session's mode
	 * @return the event
	 */
	public static HandshakeEvent connected(String sessionId, JsonNode mode) {
		ObjectNode frame = of("connected").put("sessionId", sessionId);
		frame.set("mode", mode);
		return new HandshakeEvent(frame);
	}

	/**
	 * One applied agent action.
	 * @param key the field key
	 * @param value the value written
	 * @return the event
	 */
	public static HandshakeEvent action(String key, JsonNode value) {
		ObjectNode frame = of("action").put("key", key);
		frame.set("value", value);
		return new HandshakeEvent(frame);
	}

	/**
	 * The end of an action batch.
	 * @param applied how many actions were applied
	 * @param rejected keys refused (ownership or hook veto)
	 * @param missing required keys still empty
	 * @return the event
	 */
	public static HandshakeEvent done(int applied, List<String> rejected, List<String> missing) {
		ObjectNode frame = of("done").put("applied", applied);
		rejected.forEach(frame.putArray("rejected")::add);
		missing.forEach(frame.putArray("missing")::add);
		return new HandshakeEvent(frame);
	}

	/**
	 * A successful extension.
	 * @param expiresIn the new remaining seconds
	 * @return the event
	 */
	public static HandshakeEvent extended(long expiresIn) {
		return new HandshakeEvent(of("extended").put("expiresIn", expiresIn));
	}

	/**
	 * Keep-alive sent on a connection without other traffic.
	 * @return the event
	 */
	public static HandshakeEvent heartbeat() {
		return new HandshakeEvent(of("heartbeat"));
	}

	/**
	 * A failure; the connection closes after it.
	 * @param msg "session not found", "invalid token" or "session expired"
	 * @return the event
	 */
	public static HandshakeEvent error(String msg) {
		return new HandshakeEvent(of("error").put("msg", msg));
	}

	private static ObjectNode of(String type) {
		return nodes.objectNode().put("type", type);
	}

}
