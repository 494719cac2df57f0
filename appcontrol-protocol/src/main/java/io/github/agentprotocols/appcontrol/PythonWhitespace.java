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

import io.github.agentprotocols.commons.Internal;

/**
 * Trimming as the Python peers do it ({@code str.strip()}): a character is white space
 * when Python's {@code str.isspace()} says so, that is when its general category is Zs or
 * its bidirectional class is WS, B or S. That is Java's
 * {@link Character#isWhitespace(int)} plus the no-break spaces U+00A0, U+2007 and U+202F
 * and NEXT LINE (U+0085); U+200B, U+FEFF and U+180E are not white space.
 */
@Internal
public final class PythonWhitespace {

	private PythonWhitespace() {
	}

	/**
	 * Whether Python's {@code str.isspace()} is true for a code point.
	 * @param codePoint the code point
	 * @return true for white space
	 */
	public static boolean isWhitespace(int codePoint) {
		return Character.isWhitespace(codePoint) || codePoint == '\u0085' || codePoint == '\u00A0'
				|| codePoint == '\u2007' || codePoint == '\u202F';
	}

	/**
	 * Removes leading and trailing white space, as Python's {@code str.strip()}.
	 * @param value the text
	 * @return the text without surrounding white space
	 */
	public static String strip(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && isWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

}
