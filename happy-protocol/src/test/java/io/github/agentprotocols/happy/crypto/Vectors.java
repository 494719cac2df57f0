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

package io.github.agentprotocols.happy.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The deterministic test vectors of the Happy spec, §3.7.
 */
final class Vectors {

	/** V1: the account master secret, {@code seq(0x00, 32)}. */
	static final byte[] SECRET = seq(0x00, 32);

	/** V4: the data key, {@code seq(0x80, 32)}. */
	static final byte[] DATA_KEY = seq(0x80, 32);

	static final String V3_PLAINTEXT = "{\"hello\":\"world\",\"n\":1}";

	static final String V3_BLOB = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXeu39btvI8jL9OL5j0bng1zE1PRxWPdQI/HsGDhrlPtPiFSh2V3Ii";

	static final String V4_PLAINTEXT = "{\"path\":\"/home/user/project\",\"host\":\"box\","
			+ "\"summary\":{\"text\":\"Nightly build\",\"updatedAt\":1700000000000},\"name\":\"Nightly build\"}";

	static final String V4_BLOB = "AMDBwsPExcbHyMnKyx8e8OPIxcH5IABfIC/EH0VapHhuknKdP0yN2J8D9QXsfYTh3zJTArnxXp0MVR3I"
			+ "oyvuwnZQB1Y0gWQ7hRNeUZ4mnCUHoaGmc7it05pXTHm8aQSs4FEvlL3JM4ljQ3fh6VvkyqQxnZreMtTUJzci3K85vbYl2FUE+WAMdaFv"
			+ "W6tS5I+Z8QN9hdmU1dgnAyQ=";

	static final String V5_WRAPPED = "ADWActY2WIDRruoymt+RITg4Ue0hoo47dell0NLNFmJUYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ37sbu"
			+ "73gz28vIDiVx7vKAJ4DJiTGVWIobxGqzH2xDZThNBKGFsuWEks9bZRLMYTZS";

	static final String V6_BUNDLE = "NOQtSvXvlKB6OoQgG4idTNGnQ8snsRtqEEOKj+uOWEdQUVJTVFVWV1hZWltcXV5fYGFiY2RlZmd3/is+"
			+ "wMnlaux6Oq25obq+4S43pvpYUXzcMPvfnkCedO1R6pA7O0rCrLpNODAN/4I=";

	static final String V7_PLAINTEXT = "{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Hello\"},"
			+ "\"meta\":{\"sentFrom\":\"happy-sdk\",\"permissionMode\":\"yolo\"}}";

	static final String V7_BLOB = "ANDR0tPU1dbX2Nna29u53j301BxDgl77R2N3/ARImyxwWmRt176LeKFiNSpaPAsM4Y9rlu1bLoqEW/SZdV6C"
			+ "eXchmS/ObUi8wmeat0oriD1yaFt1YSP5O8aepPfrck4xhM8mV4Z8Y/Oij5bKkhgCOvCJAkDfCX1q9NghQ0jvxniHwlAPAOBfKHhWzrOR";

	static final String V8_PLAINTEXT = "{\"type\":\"spawn-in-directory\",\"directory\":\"/home/user/project\","
			+ "\"approvedNewDirectoryCreation\":false,\"agent\":\"claude\"}";

	static final String V8_BLOB = "cHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaH2CmmY0KszEES2sHahzqFeFTGqIktQNna+G6JUsPWH9jFmCQ6wo2j"
			+ "8aZtR/v306+ELniIPiWeYChFWe37CQXwwsrT1kJPDd9p52aiAK2GXreaRRzCw4XPXh/fFXxoOgoTUL2J6IW4rGct8hONVSEK3N76JU/p"
			+ "M9zuoEDzs8OGki237Z6x";

	private Vectors() {
	}

	/** {@code n} bytes {@code a, a+1, ...}. */
	static byte[] seq(int a, int n) {
		byte[] bytes = new byte[n];
		for (int i = 0; i < n; i++) {
			bytes[i] = (byte) (a + i);
		}
		return bytes;
	}

	static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static byte[] base64(String base64) {
		return Base64.getDecoder().decode(base64);
	}

	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** A copy of the bytes with one bit flipped. */
	static byte[] flipBit(byte[] bytes, int index) {
		byte[] copy = bytes.clone();
		copy[index] ^= 0x01;
		return copy;
	}

}
