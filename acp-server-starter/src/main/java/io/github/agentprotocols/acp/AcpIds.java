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

package io.github.agentprotocols.acp;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Generates x64acp ids (W8): a prefix, then a canonical lower-case RFC 9562 version 7
 * UUID, for example {@code evt_01962a4e-3b80-7c44-9a1d-2e6f8b3c5d70}. Ids of one JVM
 * increase strictly in generation order, within a millisecond too. Ids are opaque: stores
 * and transports accept any other format as well.
 */
public final class AcpIds {

	private static final UuidV7Generator generator = new UuidV7Generator(Clock.systemUTC(), new SecureRandom());

	private AcpIds() {
	}

	/**
	 * A new thread id.
	 * @return {@code th_<uuidv7>}
	 */
	public static String thread() {
		return "th_" + generator.next();
	}

	/**
	 * A new event id.
	 * @return {@code evt_<uuidv7>}
	 */
	public static String event() {
		return "evt_" + generator.next();
	}

	/**
	 * A new run id.
	 * @return {@code run_<uuidv7>}
	 */
	public static String run() {
		return "run_" + generator.next();
	}

	/**
	 * A new default tool-call id.
	 * @return {@code call_<uuidv7>}
	 */
	public static String toolCall() {
		return "call_" + generator.next();
	}

}
