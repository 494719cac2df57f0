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

package io.github.agentprotocols.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a valid {@link Seed} into a mutated {@link FuzzCase}: one to three mutations of
 * its body (bit flips, truncation, a splice of another seed, a value's type swapped, a
 * huge number, deep nesting, invalid UTF-8), its headers ({@code Content-Type},
 * {@code Content-Length} that does not match, token headers), its path (ids, traversal,
 * encodings), its method and version, or its WebSocket frames. One case in twenty is sent
 * unchanged, so that the server keeps doing real work beside the refusals. The same
 * random source gives the same case.
 */
final class Mutator {

	private static final Pattern JSON_VALUE = Pattern
		.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d++(?:\\.\\d++)?+(?:[eE][+-]?\\d++)?+|true|false|null|\\{\\}|\\[\\]");

	private static final Pattern PATH_SEGMENT = Pattern.compile("/[^/?]+");

	private static final String[] VALUES = { "null", "true", "false", "0", "-1", "1.5", "1e999", "-1e999", "NaN",
			"Infinity", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
			"123456789012345678901234567890", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\\ud800\"",
			"[]", "{}", "[1,2,3]", "{\"a\":1}", "\"<script>alert(1)</script>\"", "\"../../etc/passwd\"", "\"%00\"",
			"[[[]]]", "{\"__proto__\":{}}", "\"\u00e9\u4e2d\ud83d\ude00\"", "0.0000000000000000000000001", "-0",
			"1E400" };

	private static final String[] CONTENT_TYPES = { "text/plain", "application/json; charset=utf-16",
			"application/json; charset=nope", "application/x-www-form-urlencoded", "multipart/form-data",
			"multipart/form-data; boundary=x", "a/b/c", "", ";", "application/xml", "application/*", "*/*",
			"application/json, text/plain", "\u00e9/\u00e9", "application/cbor", "application/x-ndjson" };

	private static final String[] PATH_PIECES = { "..", "%2e%2e", "%2e%2e%2f", "..%2f..%2f", "%00", "%ZZ", "%", "%252F",
			"%2F", ";jsessionid=1", "//", "\u00e9", "%C3%A9", "%FF%FE", "%c0%ae%c0%ae", " ", "%20", "*", "?", "#", "~",
			"$", "{sid}", "0", "-1", "null", "undefined", "%u002e" };

	private static final String[] METHODS = { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
			"CONNECT", "FOO", "get", "" };

	private static final String[] VERSIONS = { "HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "HTTP/9", "http/1.1", "HTTP/1.1x",
			"" };

	private final int port;

	private final int bodyLimit;

	private final List<String> ids;

	private final List<Seed> seeds;

	/**
	 * A mutator for one protocol.
	 * @param port the server's port, for {@code Host}
	 * @param bodyLimit the largest body it writes
	 * @param ids ids that paths may take instead of theirs (those of other objects)
	 * @param seeds the protocol's seeds, for splices
	 */
	Mutator(int port, int bodyLimit, List<String> ids, List<Seed> seeds) {
		this.port = port;
		this.bodyLimit = bodyLimit;
		this.ids = ids;
		this.seeds = seeds;
	}

	/**
	 * Mutate a seed.
	 * @param seed the seed
	 * @param random the case's random source
	 * @return the case
	 */
	FuzzCase mutate(Seed seed, SplittableRandom random) {
		Draft draft = new Draft(seed);
		int count = (random.nextInt(20) == 0) ? 0 : 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			try {
				mutateOnce(draft, seed, random.nextInt(100), random);
			}
			catch (StackOverflowError ex) {
				// a regular expression on a body of many escapes: left out
				draft.note("a mutation left out");
			}
		}
		return draft.toCase(this.port);
	}

	private void mutateOnce(Draft draft, Seed seed, int what, SplittableRandom random) {
		if (seed.kind() == Seed.Kind.WEBSOCKET && what < 70) {
			frames(draft, random);
		}
		else if (what < 45) {
			body(draft, random);
		}
		else if (what < 70) {
			header(draft, random);
		}
		else if (what < 92 || seed.kind() == Seed.Kind.POLLING) {
			// a polling POST made a GET is a long-poll, which waits for the ping interval
			// by design
			path(draft, random);
		}
		else {
			method(draft, random);
		}
	}

	private void body(Draft draft, SplittableRandom random) {
		byte[] body = draft.body;
		switch (random.nextInt(11)) {
			case 0 -> {
				body = body.clone();
				int flips = 1 + random.nextInt(8);
				for (int i = 0; i < flips && body.length > 0; i++) {
					body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
				}
				draft.note("body bit flips " + flips);
			}
			case 1 -> {
				int length = (body.length > 0) ? random.nextInt(body.length) : 0;
				body = Arrays.copyOf(body, length);
				draft.note("body truncated to " + length);
			}
			case 2 -> {
				byte[] other = this.seeds.get(random.nextInt(this.seeds.size())).bodyBytes();
				int from = (other.length > 0) ? random.nextInt(other.length) : 0;
				int to = from + ((other.length > from) ? random.nextInt(other.length - from + 1) : 0);
				int at = (body.length > 0) ? random.nextInt(body.length + 1) : 0;
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				out.write(body, 0, at);
				out.write(other, from, to - from);
				out.write(body, at, body.length - at);
				body = out.toByteArray();
				draft.note("body spliced");
			}
			case 3, 4 -> {
				body = swapValue(text(body), VALUES[random.nextInt(VALUES.length)], random, draft);
			}
			case 5 -> {
				int digits = 20 + random.nextInt(Math.max(1, Math.min(100_000, this.bodyLimit / 2)));
				StringBuilder number = new StringBuilder(digits + 2);
				number.append(random.nextBoolean() ? "-" : "").append('9');
				for (int i = 1; i < digits; i++) {
					number.append((char) ('0' + random.nextInt(10)));
				}
				if (random.nextBoolean()) {
					number.append("e").append(random.nextInt(1_000_000));
				}
				body = swapValue(text(body), number.toString(), random, draft);
			}
			case 6 -> body = nest(body, random, draft);
			case 7 -> {
				body = body.clone();
				if (body.length > 0) {
					int at = random.nextInt(body.length);
					byte[] invalid = { (byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xed, (byte) 0xa0, (byte) 0x80 };
					int bad = invalid[random.nextInt(invalid.length)];
					body[at] = (byte) bad;
					draft.note("body invalid UTF-8 byte at " + at);
				}
			}
			case 8 -> {
				body = new byte[0];
				draft.note("body empty");
			}
			case 9 -> {
				String json = text(body);
				int brace = json.indexOf('{');
				if (brace >= 0) {
					String extra = random.nextBoolean() ? "\"unknown\":" + VALUES[random.nextInt(VALUES.length)] + ","
							: firstMember(json) + ",";
					body = (json.substring(0, brace + 1) + extra + json.substring(brace + 1))
						.getBytes(StandardCharsets.UTF_8);
					draft.note("body member added or repeated");
				}
			}
			default -> {
				body = new byte[1 + random.nextInt(256)];
				for (int i = 0; i < body.length; i++) {
					body[i] = (byte) random.nextInt(256);
				}
				draft.note("body random bytes " + body.length);
			}
		}
		draft.body = cap(body);
	}

	private byte[] swapValue(String json, String value, SplittableRandom random, Draft draft) {
		Matcher matcher = JSON_VALUE.matcher(json);
		List<int[]> spans = new ArrayList<>();
		while (matcher.find()) {
			spans.add(new int[] { matcher.start(), matcher.end() });
		}
		if (spans.isEmpty()) {
			draft.note("body replaced by a value");
			return value.getBytes(StandardCharsets.UTF_8);
		}
		int[] span = spans.get(random.nextInt(spans.size()));
		draft.note("body value at " + span[0] + " swapped for " + abbreviate(value));
		return (json.substring(0, span[0]) + value + json.substring(span[1])).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] nest(byte[] body, SplittableRandom random, Draft draft) {
		int[] depths = { 64, 512, 1001, 5000, 20000, 100000 };
		boolean objects = random.nextBoolean();
		String open = objects ? "{\"a\":" : "[";
		String close = objects ? "}" : "]";
		int depth = Math.min(depths[random.nextInt(depths.length)],
				Math.max(1, (this.bodyLimit - body.length) / (open.length() + close.length())));
		String json = text(body);
		Matcher matcher = JSON_VALUE.matcher(json);
		int at = 0;
		int end = 0;
		if (matcher.find() && random.nextBoolean()) {
			at = matcher.start();
			end = matcher.end();
		}
		else {
			end = json.length();
		}
		StringBuilder nested = new StringBuilder(json.length() + depth * (open.length() + 1));
		nested.append(json, 0, at).append(open.repeat(depth)).append(json, at, end).append(close.repeat(depth));
		nested.append(json, end, json.length());
		draft.note("body nested " + depth + (objects ? " objects" : " arrays") + " deep");
		return nested.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void header(Draft draft, SplittableRandom random) {
		switch (random.nextInt(9)) {
			case 0 -> {
				String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
				draft.set("Content-Type", type);
				draft.note("Content-Type " + type);
			}
			case 1 -> {
				draft.remove("Content-Type");
				draft.note("no Content-Type");
			}
			case 2 -> {
				int kind = random.nextInt(6);
				draft.lengthMode = kind;
				draft.lengthDelta = 1 + random.nextInt(Math.max(1, Math.min(64, draft.body.length + 1)));
				draft.note("Content-Length " + Draft.LENGTH_MODES[kind]);
			}
			case 3, 4 -> {
				List<Seed.Header> tokens = draft.headers.stream()
					.filter((header) -> header.name().toLowerCase().contains("token")
							|| header.name().toLowerCase().contains("user")
							|| header.name().equalsIgnoreCase("Authorization"))
					.toList();
				if (tokens.isEmpty() || random.nextInt(4) == 0) {
					String[] names = { "X-Handshake-Token", "Authorization", "X-Demo-User", "Cookie", "Origin" };
					String name = names[random.nextInt(names.length)];
					String value = tokenValue("", random);
					draft.set(name, value);
					draft.note(name + " " + abbreviate(value));
				}
				else {
					Seed.Header token = tokens.get(random.nextInt(tokens.size()));
					String value = random.nextInt(5) == 0 ? null : tokenValue(token.value(), random);
					if (value == null) {
						draft.remove(token.name());
						draft.note("no " + token.name());
					}
					else {
						draft.set(token.name(), value);
						draft.note(token.name() + " " + abbreviate(value));
					}
				}
			}
			case 5 -> {
				int length = 1000 + random.nextInt(12_000);
				draft.set("X-Fuzz-" + random.nextInt(10), "v".repeat(length));
				draft.note("header of " + length + " bytes");
			}
			case 6 -> {
				int count = 50 + random.nextInt(200);
				for (int i = 0; i < count; i++) {
					draft.headers.add(new Seed.Header("X-Many", Integer.toString(i)));
				}
				draft.note(count + " more headers");
			}
			case 7 -> {
				String[] lines = { "NoColon", " Folded: value", "Bad Name: v", ":empty-name", "X-Nul: a\u0000b",
						"Content-Type : application/json", "Host: evil.example", "Transfer-Encoding: identity",
						"Expect: 100-continue", "Upgrade: h2c", "Accept: text/event-stream", "Accept-Charset: utf-16",
						"Content-Encoding: gzip", "Accept-Encoding: zstd;q=2" };
				String line = lines[random.nextInt(lines.length)];
				draft.rawHeaderLines.add(line);
				draft.note("header line " + abbreviate(line));
			}
			default -> {
				if (!draft.headers.isEmpty()) {
					Seed.Header removed = draft.headers.remove(random.nextInt(draft.headers.size()));
					draft.note("no " + removed.name());
				}
			}
		}
	}

	private String tokenValue(String token, SplittableRandom random) {
		return switch (random.nextInt(9)) {
			case 0 -> "";
			case 1 -> token + "x";
			case 2 -> (token.length() > 1) ? token.substring(0, token.length() - 1) : "a";
			case 3 -> "\u00e9" + token;
			case 4 -> "t".repeat(1000 + random.nextInt(7000));
			case 5 -> " " + token + " ";
			case 6 -> token.toUpperCase();
			case 7 -> "Bearer " + token;
			default -> this.ids.isEmpty() ? "x" : this.ids.get(random.nextInt(this.ids.size()));
		};
	}

	private void path(Draft draft, SplittableRandom random) {
		String path = draft.path;
		int query = path.indexOf('?');
		String route = (query >= 0) ? path.substring(0, query) : path;
		String rest = (query >= 0) ? path.substring(query) : "";
		Matcher matcher = PATH_SEGMENT.matcher(route);
		List<int[]> segments = new ArrayList<>();
		while (matcher.find()) {
			segments.add(new int[] { matcher.start() + 1, matcher.end() });
		}
		switch (random.nextInt(7)) {
			case 0, 1 -> {
				if (!segments.isEmpty()) {
					int[] segment = segments.get(random.nextInt(segments.size()));
					String replacement = pathValue(random);
					route = route.substring(0, segment[0]) + replacement + route.substring(segment[1]);
					draft.note("path segment " + abbreviate(replacement));
				}
			}
			case 2 -> {
				String piece = PATH_PIECES[random.nextInt(PATH_PIECES.length)];
				route = route + "/" + piece;
				draft.note("path appended " + piece);
			}
			case 3 -> {
				String traversal = "/..".repeat(1 + random.nextInt(6)) + "/etc/passwd";
				route = random.nextBoolean() ? route + traversal : traversal.replace("..", "%2e%2e") + route;
				draft.note("path traversal");
			}
			case 4 -> {
				String[] queries = { "?a=%", "?since=-1", "?since=1e999", "?since=abc", "?limit=99999999999999999999",
						"?cursor=%00", "?EIO=3", "?transport=nope", "?j=1", "?b64=1", "?token=",
						"?" + "q=1&".repeat(500), "?after_seq=-5", "?%ZZ=1" };
				String extra = queries[random.nextInt(queries.length)];
				rest = rest.isEmpty() ? extra : rest + "&" + extra.substring(1);
				draft.note("query " + abbreviate(extra));
			}
			case 5 -> {
				int length = 500 + random.nextInt(9000);
				route = route + "/" + "a".repeat(length);
				draft.note("path of " + length + " more bytes");
			}
			default -> {
				if (!rest.isEmpty()) {
					String mutated = rest.replaceFirst("=[^&]*", Matcher.quoteReplacement("=" + pathValue(random)));
					draft.note("query value " + abbreviate(mutated));
					rest = mutated;
				}
				else {
					route = route.toUpperCase();
					draft.note("path upper case");
				}
			}
		}
		draft.path = route + rest;
	}

	private String pathValue(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> this.ids.isEmpty() ? "x" : this.ids.get(random.nextInt(this.ids.size()));
			case 1 -> PATH_PIECES[random.nextInt(PATH_PIECES.length)];
			case 2 -> Long.toHexString(random.nextLong());
			default -> "x".repeat(1 + random.nextInt(300));
		};
	}

	private void method(Draft draft, SplittableRandom random) {
		if (random.nextBoolean()) {
			draft.method = METHODS[random.nextInt(METHODS.length)];
			draft.note("method " + draft.method);
		}
		else {
			draft.version = VERSIONS[random.nextInt(VERSIONS.length)];
			draft.note("version " + draft.version);
		}
	}

	private void frames(Draft draft, SplittableRandom random) {
		List<byte[]> frames = draft.frames;
		int index = frames.isEmpty() ? 0 : random.nextInt(frames.size() + 1);
		String text = (index < draft.seed.frames().size()) ? draft.seed.frames().get(index)
				: draft.seed.frames().isEmpty() ? "{}" : draft.seed.frames().get(0);
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] frame;
		switch (random.nextInt(10)) {
			case 0, 1, 2 -> {
				Draft body = new Draft(Seed.http("POST", "/", text));
				body(body, random);
				frame = WebSocketFrames.frame(WebSocketFrames.TEXT, body.body);
				draft.note("frame text: " + String.join(", ", body.notes));
			}
			case 3 -> {
				int opcode = random.nextInt(16);
				frame = WebSocketFrames.frame(true, 0, opcode, true, payload, -1);
				draft.note("frame opcode " + opcode);
			}
			case 4 -> {
				int rsv = 1 + random.nextInt(7);
				frame = WebSocketFrames.frame(true, rsv, WebSocketFrames.TEXT, true, payload, -1);
				draft.note("frame rsv " + rsv);
			}
			case 5 -> {
				frame = WebSocketFrames.frame(true, 0, WebSocketFrames.TEXT, false, payload, -1);
				draft.note("frame unmasked");
			}
			case 6 -> {
				int cut = payload.length / 2;
				frames.add(WebSocketFrames.frame(false, 0, WebSocketFrames.TEXT, true,
						Arrays.copyOfRange(payload, 0, cut), -1));
				int next = random.nextBoolean() ? 0x0 : WebSocketFrames.TEXT;
				frame = WebSocketFrames.frame(random.nextBoolean(), 0, next, true,
						Arrays.copyOfRange(payload, cut, payload.length), -1);
				draft.note("frame fragmented, continued with opcode " + next);
			}
			case 7 -> {
				int[] controls = { WebSocketFrames.PING, WebSocketFrames.PONG, WebSocketFrames.CLOSE };
				int opcode = controls[random.nextInt(controls.length)];
				byte[] big = new byte[126 + random.nextInt(400)];
				frame = WebSocketFrames.frame(random.nextBoolean(), 0, opcode, true, big, -1);
				draft.note("control frame " + opcode + " of " + big.length + " bytes");
			}
			case 8 -> {
				long declared = 65_537L + random.nextLong(1L << 40);
				frame = WebSocketFrames.frame(true, 0, WebSocketFrames.TEXT, true, payload, declared);
				draft.note("frame declaring " + declared + " bytes");
			}
			default -> {
				byte[] close = (random.nextBoolean()) ? new byte[] { 0x03, (byte) 0xe7 } : new byte[] { 0x01 };
				frame = WebSocketFrames.frame(WebSocketFrames.CLOSE, close);
				draft.note("close frame " + Arrays.toString(close));
			}
		}
		frames.add(Math.min(index, frames.size()), frame);
	}

	private byte[] cap(byte[] body) {
		return (body.length > this.bodyLimit) ? Arrays.copyOf(body, this.bodyLimit) : body;
	}

	private static String firstMember(String json) {
		Matcher matcher = Pattern
			.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"\\s*:\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\"|[^,}\\]]++)")
			.matcher(json);
		return matcher.find() ? matcher.group() : "\"a\":1";
	}

	private static String text(byte[] body) {
		return new String(body, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 20) + "...(" + value.length() + ")" : value;
	}

	/**
	 * The request being mutated.
	 */
	private static final class Draft {

		static final String[] LENGTH_MODES = { "shorter than the body", "longer than the body, then half-closed",
				"not a number", "given twice, differing", "absent, body chunked", "absent, body sent raw" };

		final Seed seed;

		String method;

		String path;

		String version = "HTTP/1.1";

		final List<Seed.Header> headers;

		final List<String> rawHeaderLines = new ArrayList<>();

		byte[] body;

		int lengthMode = -1;

		int lengthDelta;

		final List<byte[]> frames = new ArrayList<>();

		final List<String> notes = new ArrayList<>();

		Draft(Seed seed) {
			this.seed = seed;
			this.method = seed.method();
			this.path = seed.path();
			this.headers = new ArrayList<>(seed.headers());
			this.body = seed.bodyBytes();
			seed.frames().forEach((frame) -> this.frames.add(WebSocketFrames.text(frame)));
		}

		void note(String note) {
			this.notes.add(note);
		}

		void set(String name, String value) {
			remove(name);
			this.headers.add(new Seed.Header(name, value));
		}

		void remove(String name) {
			this.headers.removeIf((header) -> header.name().equalsIgnoreCase(name));
		}

		FuzzCase toCase(int port) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(this.body.length + 512);
			StringBuilder head = new StringBuilder();
			head.append(this.method).append(' ').append(this.path).append(' ').append(this.version).append("\r\n");
			head.append("Host: 127.0.0.1:").append(port).append("\r\n");
			if (this.seed.kind() == Seed.Kind.WEBSOCKET) {
				head.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
				head.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
			}
			else {
				head.append("Connection: close\r\n");
			}
			this.headers
				.forEach((header) -> head.append(header.name()).append(": ").append(header.value()).append("\r\n"));
			this.rawHeaderLines.forEach((line) -> head.append(line).append("\r\n"));
			byte[] payload = this.body;
			boolean halfClose = false;
			boolean hasBody = this.body.length > 0 || !"GET".equals(this.seed.method());
			switch (this.lengthMode) {
				case 0 -> head.append("Content-Length: ")
					.append(Math.max(0, this.body.length - this.lengthDelta))
					.append("\r\n");
				case 1 -> {
					head.append("Content-Length: ").append(this.body.length + this.lengthDelta).append("\r\n");
					halfClose = true;
				}
				case 2 -> head.append("Content-Length: ")
					.append(new String[] { "abc", "-1", "1e3", "1 2", "0x10", "99999999999999999999" }[this.lengthDelta
							% 6])
					.append("\r\n");
				case 3 -> head.append("Content-Length: ")
					.append(this.body.length)
					.append("\r\nContent-Length: ")
					.append(this.body.length + this.lengthDelta)
					.append("\r\n");
				case 4 -> {
					head.append("Transfer-Encoding: chunked\r\n");
					payload = chunked(this.body, this.lengthDelta);
					halfClose = this.lengthDelta % 3 == 0;
				}
				case 5 -> {
				}
				default -> {
					if (hasBody) {
						head.append("Content-Length: ").append(this.body.length).append("\r\n");
					}
				}
			}
			head.append("\r\n");
			byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
			out.write(headBytes, 0, headBytes.length);
			out.write(payload, 0, payload.length);
			String mutation = this.notes.isEmpty() ? "unchanged" : String.join("; ", this.notes);
			return new FuzzCase(this.seed.kind(), out.toByteArray(), List.copyOf(this.frames), halfClose, mutation);
		}

		private static byte[] chunked(byte[] body, int delta) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 32);
			boolean broken = delta % 3 == 0;
			String size = broken ? Integer.toHexString(body.length + delta) + ";ext" : Integer.toHexString(body.length);
			byte[] head = (size + "\r\n").getBytes(StandardCharsets.US_ASCII);
			out.write(head, 0, head.length);
			out.write(body, 0, body.length);
			byte[] tail = (broken ? "\r\nzz\r\n\r\n" : "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
			out.write(tail, 0, tail.length);
			return out.toByteArray();
		}

	}

}
