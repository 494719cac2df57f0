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

package io.github.agentprotocols.appcontrol;

import java.util.Locale;

import io.github.agentprotocols.commons.Internal;

/**
 * A peer's text as a message quotes it, so that the message is always one the protocol
 * can carry (a {@link ToolError}'s message): each lone UTF-16 surrogate written as its
 * escape ({@code \ud800}), which {@link UnicodeText} would refuse in the message, and a
 * long text cut to its first {@value #MAX_QUOTED_LENGTH} characters, never between the
 * two halves of a pair.
 */
@Internal
public final class QuotedText {

	/** The most characters of one quoted text a message keeps. */
	public static final int MAX_QUOTED_LENGTH = 100;

	private QuotedText() {
	}

	/**
	 * A text to quote in a message: lone surrogates escaped, cut to
	 * {@value #MAX_QUOTED_LENGTH} characters followed by {@code …} and its length.
	 * @param text the peer's text
	 * @return the text to quote
	 */
	public static String of(String text) {
		if (text.length() <= MAX_QUOTED_LENGTH) {
			return escaped(text);
		}
		return escaped(text.substring(0, cutIndex(text, MAX_QUOTED_LENGTH))) + "… (" + text.length() + " characters)";
	}

	/**
	 * Where to cut a text longer than {@code length} characters: at {@code length}, or
	 * one before when that would split a surrogate pair.
	 */
	static int cutIndex(String text, int length) {
		boolean splitsAPair = Character.isHighSurrogate(text.charAt(length - 1))
				&& Character.isLowSurrogate(text.charAt(length));
		return splitsAPair ? length - 1 : length;
	}

	/**
	 * A whole message, such as one a tool or the JSON parser wrote, with each lone
	 * surrogate escaped and nothing cut.
	 * @param text the message
	 * @return the text with no lone surrogate
	 */
	public static String escaped(String text) {
		if (UnicodeText.loneSurrogate(text) < 0) {
			return text;
		}
		StringBuilder escaped = new StringBuilder(text.length() + 10);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				escaped.append(c).append(text.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
