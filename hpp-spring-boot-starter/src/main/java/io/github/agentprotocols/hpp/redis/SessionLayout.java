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

package io.github.agentprotocols.hpp.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.agentprotocols.commons.Sha256;
import io.github.agentprotocols.hpp.Change;
import io.github.agentprotocols.hpp.FieldOwner;
import io.github.agentprotocols.hpp.FieldValue;
import io.github.agentprotocols.hpp.HandshakeSession;
import io.github.agentprotocols.hpp.RequestWindow;
import io.github.agentprotocols.hpp.wire.HppJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A session as the Redis store lays it out, so that a script can admit a request and
 * write fields without parsing JSON: the session's hash holds the parts that never change
 * after creation as JSON ({@code d}), and the digest of the token, the idle timer, the
 * time-to-live, the deadline and the last change stamp as numbers; a hash beside it holds
 * each field as {@code <order> <owner> <epoch nanos> <JSON value>}, and a list the
 * retained changes, each the JSON array {@code [key, from, to, owner, epoch nanos]}.
 * Instants are whole seconds and nanoseconds, which Lua adds and compares exactly; the
 * change stamp is in microseconds, as the change log hands them out.
 */
final class SessionLayout {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final long MICROS_PER_SECOND = 1_000_000L;

	/**
	 * How many strings {@link #encode} puts before the field pairs: the static JSON, the
	 * token digest, seconds and nanoseconds of the idle timer, the time-to-live and the
	 * deadline, the change stamp and the number of fields.
	 */
	static final int HEAD = 10;

	/**
	 * How many strings a state reply of a script holds before the field pairs: its
	 * outcome, the version, the two window summaries, the static JSON, seconds and
	 * nanoseconds of the idle timer and the time-to-live, the change stamp and the number
	 * of field strings.
	 */
	static final int REPLY_HEAD = 11;

	private SessionLayout() {
	}

	/**
	 * The strings a script stores a whole session from, in the order of {@link #HEAD}
	 * followed by each field's key and entry and by the changes, oldest first.
	 * @param session the session
	 * @return the strings
	 */
	static List<String> encode(HandshakeSession session) {
		Map<String, FieldValue> fields = session.getFields();
		List<String> args = new ArrayList<>(HEAD + 2 * fields.size() + HandshakeSession.RETAINED_CHANGES);
		args.add(HppJson.write(SessionCodec.putFixed(nodes.objectNode(), session)));
		args.add(tokenDigest(session.getToken()));
		addInstant(args, session.getLastTouch());
		args.add(Long.toString(session.getTtl().getSeconds()));
		args.add(Integer.toString(session.getTtl().getNano()));
		addInstant(args, session.getDeadline());
		args.add(Long.toString(micros(session.getLastStamp())));
		args.add(Integer.toString(fields.size()));
		int order = 0;
		for (Map.Entry<String, FieldValue> field : fields.entrySet()) {
			FieldValue value = field.getValue();
			args.add(field.getKey());
			args.add(++order + " " + value.by().wireName() + " " + nanos(value.at()) + " "
					+ HppJson.write(value.value()));
		}
		for (Change change : session.getChanges()) {
			ArrayNode entry = nodes.arrayNode().add(change.key());
			entry.add(change.from()).add(change.to()).add(change.by().wireName()).add(nanos(change.at()));
			args.add(HppJson.write(entry));
		}
		return args;
	}

	/**
	 * Decodes the session of a script's state reply.
	 * @param reply the reply, laid out as {@link #REPLY_HEAD} says, followed by the field
	 * pairs and the changes
	 * @param fixedPart reads the fixed part from the JSON the reply holds
	 * @param requests the request budget window
	 * @param extensions the extend budget window
	 * @return the session
	 */
	static HandshakeSession decode(List<?> reply, Function<String, FixedPart> fixedPart, RequestWindow requests,
			RequestWindow extensions) {
		FixedPart fixed = fixedPart.apply(text(reply, 4));
		Instant lastTouch = instant(text(reply, 5), text(reply, 6));
		Duration ttl = Duration.ofSeconds(Long.parseLong(text(reply, 7)), Long.parseLong(text(reply, 8)));
		long stamp = Long.parseLong(text(reply, 9));
		Instant lastStamp = Instant.ofEpochSecond(Math.floorDiv(stamp, MICROS_PER_SECOND),
				Math.floorMod(stamp, MICROS_PER_SECOND) * 1000);
		int fieldStrings = Integer.parseInt(text(reply, 10));
		Map<Integer, Map.Entry<String, FieldValue>> ordered = new TreeMap<>();
		for (int i = REPLY_HEAD; i < REPLY_HEAD + fieldStrings; i += 2) {
			String[] entry = text(reply, i + 1).split(" ", 4);
			ordered.put(Integer.parseInt(entry[0]), Map.entry(text(reply, i), new FieldValue(HppJson.read(entry[3]),
					FieldOwner.fromWireName(entry[1]), nanosInstant(Long.parseLong(entry[2])))));
		}
		Map<String, FieldValue> fields = new LinkedHashMap<>();
		ordered.values().forEach((field) -> fields.put(field.getKey(), field.getValue()));
		List<Change> changes = new ArrayList<>();
		for (int i = REPLY_HEAD + fieldStrings; i < reply.size(); i++) {
			JsonNode entry = HppJson.read(text(reply, i));
			changes.add(new Change(entry.get(0).stringValue(), entry.get(1), entry.get(2),
					FieldOwner.fromWireName(entry.get(3).stringValue()), nanosInstant(entry.get(4).longValue())));
		}
		return new HandshakeSession(fixed.id(), fixed.token(), fixed.mode(), fixed.schema(), fixed.meta(),
				fixed.owner(), fixed.createdAt(), fixed.deadline(), ttl, lastTouch, lastStamp, fields, changes,
				requests, extensions);
	}

	/**
	 * The digest the session's hash keeps of a token, which a script compares with the
	 * digest of the presented one.
	 * @param token the token, or null
	 * @return the SHA-256 digest in hexadecimal, or an empty string for no token
	 */
	static String tokenDigest(@Nullable String token) {
		if (token == null) {
			return "";
		}
		byte[] digest = Sha256.digest(token.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest);
	}

	/**
	 * The seconds and the nanoseconds of an instant, as scripts take the current time.
	 * @param args where to add them
	 * @param instant the instant
	 */
	static void addInstant(List<String> args, Instant instant) {
		args.add(Long.toString(instant.getEpochSecond()));
		args.add(Integer.toString(instant.getNano()));
	}

	/**
	 * An instant in whole microseconds since the epoch, as the change log stamps changes.
	 * @param instant the instant
	 * @return the microseconds, rounded down
	 */
	static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
	}

	private static long nanos(Instant instant) {
		return (Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano()));
	}

	private static Instant nanosInstant(long nanos) {
		return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
	}

	private static Instant instant(String seconds, String nanos) {
		return Instant.ofEpochSecond(Long.parseLong(seconds), Long.parseLong(nanos));
	}

	private static String text(List<?> reply, int index) {
		return (String) reply.get(index);
	}

}
