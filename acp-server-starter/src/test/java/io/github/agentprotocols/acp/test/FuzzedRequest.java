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

package io.github.agentprotocols.acp.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as a fuzz input spells it, in the shape of HTTP/1.1's text: a request
 * line {@code METHOD target}, header lines {@code name: value}, an empty line, then the
 * body. What a client could not send is left out or escaped the way a client would: a
 * method that is not a token becomes {@code GET}, bytes a URI cannot carry are
 * percent-encoded, a header whose name is not a token or whose value holds a control
 * character is dropped.
 *
 * @param method the request's method
 * @param target the request target: a path and query, starting with {@code /}
 * @param headers the headers by lower-case name, the last line of a name winning
 * @param body the body, perhaps empty
 */
public record FuzzedRequest(String method, String target, Map<String, String> headers, byte[] body) {

	private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

	/**
	 * Read a request from a fuzz input.
	 * @param input the input
	 * @return the request
	 */
	public static FuzzedRequest parse(byte[] input) {
		int split = indexOf(input, new byte[] { '\n', '\n' });
		byte[] head = (split < 0) ? input : Arrays.copyOf(input, split);
		byte[] body = (split < 0) ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
		String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
		int space = lines[0].indexOf(' ');
		String method = (space < 0) ? lines[0] : lines[0].substring(0, space);
		String target = uriText(
				((space < 0) ? "" : lines[0].substring(space + 1)).getBytes(StandardCharsets.ISO_8859_1));
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0 && isToken(lines[i].substring(0, colon))) {
				String value = lines[i].substring(colon + 1).strip();
				if (value.chars().allMatch((c) -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
					headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), value);
				}
			}
		}
		return new FuzzedRequest(isToken(method) ? method : "GET", target.startsWith("/") ? target : "/" + target,
				headers, body);
	}

	/**
	 * The bytes as text a URI carries: characters a URI allows as they are, every other
	 * byte (and a {@code %} that starts no escape) percent-encoded.
	 * @param bytes the bytes
	 * @return the text
	 */
	public static String uriText(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xff;
			boolean escape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
			if (escape || (b > 0x20 && b < 0x7f && "\"#%<>[\\]^`{|}".indexOf(b) < 0)) {
				text.append((char) b);
			}
			else {
				text.append('%')
					.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
			}
		}
		return text.toString();
	}

	@Override
	public String toString() {
		String text = new String(this.body, StandardCharsets.UTF_8);
		return this.method + " " + this.target + " " + this.headers + " "
				+ ((text.length() <= 300) ? text : text.substring(0, 300) + "…");
	}

	private static boolean isToken(String text) {
		return !text.isEmpty() && text.chars()
			.allMatch((c) -> c < 0x7f && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0));
	}

	private static boolean isHex(byte b) {
		return Character.digit(b, 16) >= 0;
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		for (int i = 0; i + part.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		return -1;
	}

}
