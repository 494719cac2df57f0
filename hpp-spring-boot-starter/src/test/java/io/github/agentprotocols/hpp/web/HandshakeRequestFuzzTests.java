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

package io.github.agentprotocols.hpp.web;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.hpp.web.FuzzedServer.Answer;
import io.github.agentprotocols.hpp.web.FuzzedServer.Session;
import io.github.agentprotocols.testsupport.SpecItem;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the request bodies an agent or a browser sends, through the
 * protocol's HTTP routes ({@link HandshakeRoutes}) over the in-memory store: every body
 * is answered 2xx with a JSON object, or 4xx with {@code {"error": string}}, never 5xx;
 * no operation fails unexpectedly; and the session it reached can still be read, diffed
 * and turned into a prompt afterwards. Bodies are capped as the starter caps them (1 MiB,
 * far above Jazzer's input sizes); each input gets a session of its own.
 * <p>
 * Regression mode (the default) runs the inputs under
 * {@code src/test/resources/io/github/agentprotocols/hpp/web/HandshakeRequestFuzzTestsInputs/};
 * {@code JAZZER_FUZZ=1} with {@code -Dtest=HandshakeRequestFuzzTests#<method>} fuzzes one
 * method (contributing/fuzzing.md).
 */
@SpecItem("HPP-12.34")
@SpecItem("HPP-A6")
class HandshakeRequestFuzzTests {

	private final FuzzedServer server = FuzzedServer.instance;

	/**
	 * {@code POST /handshake/session}: the mode, schema, context and meta of a new
	 * session; a session created is then read back and its prompt built.
	 * @param body the body
	 */
	@FuzzTest
	@DictionaryEntries({ "\"mode\":", "\"schema\":", "\"context\":", "\"meta\":", "\"key\":", "\"type\":",
			"\"required\":", "\"options\":", "\"value\":", "\"default\":", "\"string\"", "\"str\"", "\"int\"",
			"\"integer\"", "\"float\"", "\"number\"", "\"bool\"", "\"boolean\"", "\"datetime\"", "\"enum\"",
			"\"array\"", "\"array[int]\"", "NaN", "Infinity", "1e999", "true", "null", "\"\\u0000\"", "\"\\ud800\"" })
	void createSessionBody(byte[] body) {
		Answer answer = this.server.post("/handshake/session", null, body);
		JsonNode created = answer.checked();
		if (answer.ok()) {
			this.server
				.checkAndEnd(new Session(created.get("sessionId").stringValue(), created.get("token").stringValue()));
		}
		this.server.assertNoUnexpectedFailure();
	}

	/**
	 * {@code POST /handshake/action/{sid}}: an agent's batch of actions on a session of
	 * every built-in type.
	 * @param body the body
	 */
	@FuzzTest
	@DictionaryEntries({ "\"actions\":", "\"stream\":", "\"intervalMs\":", "\"type\":", "\"set\"", "\"key\":",
			"\"value\":", "\"name\"", "\"age\"", "\"price\"", "\"ok\"", "\"when\"", "\"tags\"", "\"dept\"", "\"Eng\"",
			"\"2026-06-15T10:00:00Z\"", "\"2026-02-30 10:00:00+01:00\"", "NaN", "Infinity", "1e999", "true", "null",
			"[]", "{}" })
	void actionBody(byte[] body) {
		Session session = this.server.create(FuzzedServer.FORM);
		try {
			this.server.post("/handshake/action/" + session.id(), session.token(), body).checked();
			this.server.checkAndEnd(session);
		}
		finally {
			this.server.end(session.id());
		}
		this.server.assertNoUnexpectedFailure();
	}

	/**
	 * {@code POST /handshake/session/{sid}/extend}: the seconds an agent asks for.
	 * @param body the body
	 */
	@FuzzTest
	@DictionaryEntries({ "\"extraSeconds\":", "86400", "86401", "9223372036854775807", "\"+60\"", "-1", "1e3", "null" })
	void extendBody(byte[] body) {
		Session session = this.server.create(FuzzedServer.FORM);
		try {
			Answer answer = this.server.post("/handshake/session/" + session.id() + "/extend", session.token(), body);
			JsonNode extended = answer.checked();
			if (answer.ok()) {
				assertThat(extended.path("extended").asLong()).isBetween(1L, 86_400L);
			}
			this.server.checkAndEnd(session);
		}
		finally {
			this.server.end(session.id());
		}
		this.server.assertNoUnexpectedFailure();
	}

	/**
	 * {@code POST /handshake/notify/{sid}}: a user edit a browser reports over HTTP.
	 * @param body the body
	 */
	@FuzzTest
	@DictionaryEntries({ "\"key\":", "\"value\":", "\"name\"", "\"age\"", "\"price\"", "\"when\"", "\"tags\"",
			"\"dept\"", "\"\"", "null", "[]", "{}" })
	void notifyBody(byte[] body) {
		Session session = this.server.create(FuzzedServer.FORM);
		try {
			this.server.post("/handshake/notify/" + session.id(), null, body).checked();
			this.server.checkAndEnd(session);
		}
		finally {
			this.server.end(session.id());
		}
		this.server.assertNoUnexpectedFailure();
	}

	/**
	 * {@code GET /handshake/diff/{sid}?since=...}: the timestamp an agent reads changes
	 * after, on a session with changes.
	 * @param since the query parameter, as UTF-8
	 */
	@FuzzTest
	@DictionaryEntries({ "2026-06-15", "T", " ", "10:00:00", ".000001", "+00:00", " 08:00", "Z", "-18:00" })
	void diffSince(byte[] since) {
		Session session = this.server.create(FuzzedServer.FORM);
		try {
			this.server.edit(session, "{\"key\":\"age\",\"value\":41}");
			String text = new String(since, StandardCharsets.UTF_8);
			this.server.get("/handshake/diff/" + session.id() + "?since={since}", session.token(), text).checked();
			this.server.checkAndEnd(session);
		}
		finally {
			this.server.end(session.id());
		}
		this.server.assertNoUnexpectedFailure();
	}

}
