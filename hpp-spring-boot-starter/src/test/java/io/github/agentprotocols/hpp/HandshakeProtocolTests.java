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

package io.github.agentprotocols.hpp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.hpp.HttpProbe.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP exchanges of the spec's compatibility checklist (section 12) and the hardening
 * of Appendix A, over real HTTP against the running application.
 */
@SpringBootTest(classes = HppTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class HandshakeProtocolTests extends RunningServerTests {

	static final String CHECKLIST_SCHEMA = """
			[{"key":"name","type":"string","required":true},{"key":"age","type":"int"},\
			{"key":"price","type":"float","required":true},\
			{"key":"dept","type":"enum","options":[{"value":"Eng"},{"value":"HR"}]}]""";

	static final String CHECKLIST_CREATE = "{\"mode\":\"form-fill\",\"schema\":" + CHECKLIST_SCHEMA
			+ ",\"context\":{\"name\":\"Bob\",\"age\":null,\"price\":\"\"},\"meta\":{\"m\":1}}";

	@Autowired
	HppTestApplication.DoneBatches doneBatches;

	@Autowired
	HandshakeManager manager;

	@Test
	@SpecItem("HPP-12.1")
	void createReturnsIdsTokenAndEndpointPaths() {
		Reply reply = this.http.post("/handshake/session", null, "application/json", CHECKLIST_CREATE);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.response().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode created = reply.json();
		String sid = created.get("sessionId").stringValue();
		assertThat(sid).matches("[0-9a-f]{32}");
		assertThat(created.get("token").stringValue()).matches("[A-Za-z0-9_-]{32}");
		assertThat(created.propertyNames()).containsExactlyInAnyOrder("sessionId", "token", "wsUrl", "contextUrl",
				"actionUrl", "diffUrl", "notifyUrl", "expiresIn");
		assertThat(created.get("wsUrl").stringValue()).isEqualTo("/ws/handshake/" + sid);
		assertThat(created.get("contextUrl").stringValue()).isEqualTo("/handshake/context/" + sid);
		assertThat(created.get("actionUrl").stringValue()).isEqualTo("/handshake/action/" + sid);
		assertThat(created.get("diffUrl").stringValue()).isEqualTo("/handshake/diff/" + sid);
		assertThat(created.get("notifyUrl").stringValue()).isEqualTo("/handshake/notify/" + sid);
		assertThat(created.get("expiresIn").isInt()).isTrue();
		assertThat(created.get("expiresIn").asInt()).isEqualTo(1800);
	}

	@Test
	@SpecItem("HPP-12.2")
	void createParsesJsonWhateverTheContentType() {
		assertThat(modeOf(this.http.post("/handshake/session", null, "application/json", "{}"))).isEqualTo("default");
		assertThat(modeOf(this.http.post("/handshake/session", null, null, null))).isEqualTo("default");
		assertThat(modeOf(this.http.post("/handshake/session", null, "text/plain", "{\"mode\":\"x\"}"))).isEqualTo("x");
		assertThat(modeOf(
				this.http.post("/handshake/session", null, "application/x-www-form-urlencoded", "{\"mode\":\"y\"}")))
			.isEqualTo("y");
		assertThat(modeOf(this.http.post("/handshake/session", null, "application/json", "{not json")))
			.isEqualTo("default");
		assertThat(modeOf(this.http.post("/handshake/session", null, "application/json", "null"))).isEqualTo("default");
	}

	private String modeOf(Reply created) {
		assertThat(created.status()).isEqualTo(200);
		JsonNode json = created.json();
		return this.http.get(json.get("contextUrl").stringValue(), json.get("token").stringValue())
			.json()
			.get("mode")
			.stringValue();
	}

	@Test
	@SpecItem("HPP-12.3")
	void contextReturnsTheSessionDict() {
		Session s = checklistSession();
		Reply reply = this.http.get("/handshake/context/" + s.sid(), s.token());
		assertThat(reply.status()).isEqualTo(200);
		JsonNode context = reply.json();
		assertThat(context.propertyNames()).containsExactlyInAnyOrder("sessionId", "mode", "schema", "context",
				"missing", "meta", "expiresIn");
		assertThat(context.get("sessionId").stringValue()).isEqualTo(s.sid());
		assertThat(context.get("mode").stringValue()).isEqualTo("form-fill");
		assertThat(context.get("schema")).isEqualTo(HttpProbe.json.readTree(CHECKLIST_SCHEMA));
		assertField(context, "name", "\"Bob\"", "user");
		assertField(context, "age", "null", "empty");
		assertField(context, "price", "\"\"", "empty");
		assertThat(context.get("context").propertyNames()).containsExactly("name", "age", "price");
		assertThat(context.get("missing").toString()).isEqualTo("[\"price\"]");
		assertThat(context.get("meta").toString()).isEqualTo("{\"m\":1}");
		assertThat(context.get("expiresIn").asInt()).isBetween(1799, 1800);
		assertThat(context.at("/context/name/at").stringValue())
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}[+-]\\d{2}:\\d{2}");
		assertThat(reply.body()).doesNotContain(s.token());
	}

	/**
	 * Every endpoint's answer, success or refusal, is JSON that is not to be cached, with
	 * its length announced.
	 */
	@Test
	void answersAreUncachedJsonOfTheAnnouncedLength() {
		Session s = checklistSession();
		assertUncachedJson(this.http.get("/handshake/context/" + s.sid(), s.token()), 200);
		assertUncachedJson(this.http.get("/handshake/context/" + s.sid(), "wrong"), 403);
		assertUncachedJson(this.http.post("/handshake/action/" + s.sid(), s.token(), "application/json",
				"{\"actions\":[{\"type\":\"set\",\"key\":\"name\",\"value\":\"Zoë\"}],\"intervalMs\":0}"), 200);
	}

	private static void assertUncachedJson(Reply reply, int status) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.response().headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(reply.response().headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(reply.response().headers().firstValue("Content-Length"))
			.hasValue(Integer.toString(reply.body().getBytes(StandardCharsets.UTF_8).length));
		assertThat(reply.json().isObject()).isTrue();
	}

	@Test
	@SpecItem("HPP-12.4")
	void tokenComesFromHeaderOrQueryAndTheHeaderWins() {
		Session s = checklistSession();
		String path = "/handshake/context/" + s.sid();
		assertThat(this.http.get(path + "?token=" + s.token(), null).status()).isEqualTo(200);
		HttpRequest.Builder emptyHeader = HttpRequest
			.newBuilder(URI.create(this.http.base() + path + "?token=" + s.token()))
			.header("X-Handshake-Token", "");
		assertThat(this.http.send(emptyHeader).status()).isEqualTo(200);
		HttpRequest.Builder lowerCase = HttpRequest.newBuilder(URI.create(this.http.base() + path))
			.header("x-handshake-token", s.token());
		assertThat(this.http.send(lowerCase).status()).isEqualTo(200);
		assertError(this.http.get(path + "?token=" + s.token(), "wrong"), 403, "invalid token");
	}

	@Test
	@SpecItem("HPP-12.5")
	void unknownSessionIsAnswered404() {
		assertError(this.http.get("/handshake/context/ffffffffffffffffffffffffffffffff", "any"), 404,
				"session not found or expired");
		assertError(this.http.get("/handshake/diff/ffffffffffffffffffffffffffffffff", "any"), 404,
				"session not found or expired");
		assertError(this.http.post("/handshake/action/ffffffffffffffffffffffffffffffff", "any", "{}"), 404,
				"session not found or expired");
		assertError(this.http.post("/handshake/session/ffffffffffffffffffffffffffffffff/extend", "any", "{}"), 404,
				"session not found or expired");
	}

	@Test
	@SpecItem("HPP-12.6")
	void missingOrWrongTokenIsAnswered403() {
		Session s = checklistSession();
		assertError(this.http.get("/handshake/context/" + s.sid(), null), 403, "invalid token");
		assertError(this.http.get("/handshake/context/" + s.sid(), "wrong"), 403, "invalid token");
		assertError(this.http.post("/handshake/action/" + s.sid(), "wrong", "{}"), 403, "invalid token");
		assertError(this.http.get("/handshake/diff/" + s.sid(), "wrong"), 403, "invalid token");
		assertError(this.http.post("/handshake/session/" + s.sid() + "/extend", null, "{}"), 403, "invalid token");
	}

	@Test
	@SpecItem("HPP-12.7")
	@SpecItem("HPP-12.11")
	@SpecItem("HPP-12.13")
	@SpecItem("HPP-12.14")
	void actionsRespectUserOwnershipAndTheDiffListsEveryChange() {
		Session s = checklistSession();
		// item 7
		Reply action = this.http.post("/handshake/action/" + s.sid(), s.token(), """
				{"actions":[{"type":"set","key":"name","value":"Alice"},{"type":"set","key":"age","value":"30"},\
				{"type":"set","key":"price","value":12},{"type":"set","key":"dept","value":"Ops"},\
				{"type":"set","key":"extra","value":true}],"stream":false}""");
		assertThat(action.status()).isEqualTo(200);
		JsonNode result = action.json();
		assertThat(result.get("ok").booleanValue()).isTrue();
		assertThat(result.get("applied").toString()).isEqualTo("[\"price\",\"extra\"]");
		assertThat(result.get("rejected").toString()).isEqualTo("[\"name\"]");
		assertThat(result.get("errors")).isEqualTo(HttpProbe.json.readTree("""
				[{"key":"age","msg":"type mismatch, expected int"},\
				{"key":"dept","msg":"value not in allowed options ['Eng', 'HR']"}]"""));
		assertThat(result.get("missing").toString()).isEqualTo("[]");
		assertThat(result.at("/context/price/value").toString()).isEqualTo("12");
		assertThat(result.at("/context/price/by").stringValue()).isEqualTo("ai");
		assertThat(result.at("/context/extra/value").toString()).isEqualTo("true");
		assertThat(result.at("/context/extra/by").stringValue()).isEqualTo("ai");
		assertThat(result.at("/context/name/value").stringValue()).isEqualTo("Bob");
		assertThat(result.at("/context/name/by").stringValue()).isEqualTo("user");
		assertThat(this.doneBatches.of(s.sid())).containsExactly(s.sid() + " applied=[price, extra] rejected=[name]");
		// item 11
		Reply notify = this.http.post("/handshake/notify/" + s.sid(), null, "application/json",
				"{\"key\":\"price\",\"value\":99}");
		assertThat(notify.status()).isEqualTo(200);
		assertThat(notify.body()).isEqualTo("{\"ok\":true}");
		JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json();
		assertField(context, "price", "99", "user_edit");
		JsonNode overwrite = this.http
			.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"price\",\"value\":1}],\"stream\":false}")
			.json();
		assertThat(overwrite.get("rejected").toString()).isEqualTo("[\"price\"]");
		assertThat(overwrite.at("/context/price/value").toString()).isEqualTo("99");
		// item 13
		JsonNode diff = this.http.get("/handshake/diff/" + s.sid(), s.token()).json();
		assertThat(diff.get("sessionId").stringValue()).isEqualTo(s.sid());
		assertThat(diff.get("since").stringValue()).isEmpty();
		JsonNode changes = diff.get("changes");
		assertThat(changes).hasSize(3);
		assertChange(changes.get(0), "price", "\"\"", "12", "ai");
		assertChange(changes.get(1), "extra", "null", "true", "ai");
		assertChange(changes.get(2), "price", "12", "99", "user_edit");
		// item 14
		String firstAt = changes.get(0).get("at").stringValue();
		JsonNode since = this.http.get("/handshake/diff/" + s.sid() + "?since=" + HttpProbe.encode(firstAt), s.token())
			.json();
		assertThat(since.get("since").stringValue()).isEqualTo(firstAt);
		assertThat(since.get("changes")).hasSize(2);
		assertChange(since.get("changes").get(0), "extra", "null", "true", "ai");
		assertChange(since.get("changes").get(1), "price", "12", "99", "user_edit");
	}

	@Test
	@SpecItem("HPP-12.8")
	@SpecItem("HPP-A8")
	@SpecItem("HPP-A9")
	void valuesAreCheckedAgainstTheirSchemaType() {
		Session s = create("{\"mode\":\"form-fill\",\"schema\":[{\"key\":\"age\",\"type\":\"int\"},"
				+ "{\"key\":\"price\",\"type\":\"float\"},{\"key\":\"vip\",\"type\":\"bool\"},"
				+ "{\"key\":\"when\",\"type\":\"datetime\"},{\"key\":\"tags\",\"type\":\"array<string>\"},"
				+ "{\"key\":\"label\",\"type\":\"string\"},{\"key\":\"big\",\"type\":\"integer\"},"
				+ "{\"key\":\"level\",\"type\":\"enum\",\"options\":[1,\"two\",{\"value\":null}]}]}");
		assertValid(s, "age", "30");
		assertInvalid(s, "age", "30.0", "type mismatch, expected int");
		assertInvalid(s, "age", "1e2", "type mismatch, expected int");
		assertInvalid(s, "age", "true", "type mismatch, expected int");
		assertInvalid(s, "age", "\"30\"", "type mismatch, expected int");
		assertValid(s, "big", "123456789012345678901234567890");
		assertValid(s, "price", "12");
		assertValid(s, "price", "12.5");
		assertInvalid(s, "price", "\"12\"", "type mismatch, expected float");
		assertValid(s, "vip", "true");
		assertValid(s, "vip", "false");
		assertInvalid(s, "vip", "1", "type mismatch, expected bool");
		assertInvalid(s, "vip", "\"true\"", "type mismatch, expected bool");
		assertValid(s, "when", "\"2026-06-15 10:00:00\"");
		assertValid(s, "when", "\"2026-06-15T10:00:00+08:00\"");
		assertValid(s, "when", "\"2026-06-15T10:00:00.123456Z\"");
		assertInvalid(s, "when", "\"2026-06-15\"", "type mismatch, expected datetime");
		assertInvalid(s, "when", "\"2026-06-15T10:00\"", "type mismatch, expected datetime");
		// A8: whole string and a real date
		assertInvalid(s, "when", "\"2026-06-15T10:00:00garbage\"", "type mismatch, expected datetime");
		assertInvalid(s, "when", "\"2026-13-45 25:61:61\"", "type mismatch, expected datetime");
		assertValid(s, "tags", "[\"a\"]");
		assertInvalid(s, "tags", "\"a\"", "type mismatch, expected array<string>");
		assertValid(s, "label", "\"\"");
		assertInvalid(s, "label", "30", "type mismatch, expected string");
		assertInvalid(s, "label", "null", "type mismatch, expected string");
		// A9: JSON-typed enum equality, bare and object options
		assertValid(s, "level", "1");
		assertValid(s, "level", "1.0");
		assertValid(s, "level", "\"two\"");
		assertValid(s, "level", "null");
		assertInvalid(s, "level", "true", "value not in allowed options [1, 'two', None]");
		assertInvalid(s, "level", "\"1\"", "value not in allowed options [1, 'two', None]");
		// keys not in the schema are accepted unvalidated
		assertValid(s, "free", "{\"any\":[1,2]}");
	}

	@Test
	@SpecItem("HPP-12.8")
	void customValidatorReplacesTheTypeCheck() {
		Session s = create("{\"schema\":[{\"key\":\"n\",\"type\":\"even\"},{\"key\":\"x\",\"type\":\"explode\"},"
				+ "{\"key\":\"e\",\"type\":\"enum\",\"options\":[{\"value\":\"a\"}]}]}");
		assertValid(s, "n", "4");
		assertInvalid(s, "n", "3", "type mismatch, expected even");
		assertInvalid(s, "x", "1", "validator exploded");
		assertInvalid(s, "e", "\"b\"", "value not in allowed options ['a']");
	}

	@Test
	@SpecItem("HPP-12.9")
	void unsupportedTypesAndMissingKeysBecomeErrorEntries() {
		Session s = checklistSession();
		JsonNode result = this.http
			.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"del\",\"key\":\"x\"},{\"type\":\"set\"}],\"stream\":false}")
			.json();
		assertThat(result.get("errors")).isEqualTo(HttpProbe.json.readTree("""
				[{"action":{"type":"del","key":"x"},"msg":"unsupported action type"},\
				{"action":{"type":"set"},"msg":"missing key"}]"""));
		assertThat(result.get("applied")).isEmpty();
		assertThat(result.get("rejected")).isEmpty();
	}

	@Test
	@SpecItem("HPP-12.9")
	void malformedActionsBecomeErrorEntries() {
		Session s = checklistSession();
		JsonNode result = this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[5,{\"type\":\"set\",\"key\":7},{\"key\":\"a\"},{\"type\":\"set\",\"key\":\"\",\"value\":1}],\"stream\":false}")
			.json();
		assertThat(result.get("errors")).isEqualTo(HttpProbe.json.readTree("""
				[{"action":5,"msg":"action must be an object"},\
				{"action":{"type":"set","key":7},"msg":"key must be a string"},\
				{"action":{"key":"a"},"msg":"unsupported action type"}]"""));
		assertThat(result.get("applied").toString()).isEqualTo("[\"\"]");
	}

	@Test
	@SpecItem("HPP-12.10")
	void emptyActionBatchSucceedsWithNothingApplied() {
		Session s = checklistSession();
		// An unparsable body is read as {} (spec: JSON whatever the Content-Type, invalid
		// as {})
		for (String body : new String[] { "{}", null, "not json" }) {
			Reply reply = this.http.post("/handshake/action/" + s.sid(), s.token(), body);
			assertThat(reply.status()).isEqualTo(200);
			JsonNode result = reply.json();
			assertThat(result.get("ok").booleanValue()).isTrue();
			assertThat(result.get("applied")).isEmpty();
			assertThat(result.get("rejected")).isEmpty();
			assertThat(result.get("errors")).isEmpty();
			assertThat(result.get("missing").toString()).isEqualTo("[\"price\"]");
			assertThat(result.get("context").propertyNames()).containsExactly("name", "age", "price");
			assertThat(result.at("/broadcast/clients").asInt()).isZero();
		}
	}

	@Test
	@SpecItem("HPP-12.12")
	void notifyNeedsAKeyAndAKnownSession() {
		Session s = checklistSession();
		assertError(this.http.post("/handshake/notify/" + s.sid(), null, "{}"), 400, "key is required");
		assertError(this.http.post("/handshake/notify/" + s.sid(), null, "not json"), 400, "key is required");
		assertError(this.http.post("/handshake/notify/" + s.sid(), null, "{\"key\":null}"), 400, "key is required");
		assertError(this.http.post("/handshake/notify/" + s.sid(), null, "{\"key\":5,\"value\":1}"), 400,
				"key must be a string");
		assertError(this.http.post("/handshake/notify/unknown", null, "{\"key\":\"a\"}"), 404,
				"session not found or expired");
		// the session is still readable after the refused edit
		assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(200);
	}

	@Test
	@SpecItem("HPP-12.11")
	void notifyOfAnUntouchedFieldMakesItUserOwned() {
		Session s = checklistSession();
		assertThat(this.http.post("/handshake/notify/" + s.sid(), null, "{\"key\":\"age\",\"value\":41}").status())
			.isEqualTo(200);
		JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json();
		assertField(context, "age", "41", "user");
		JsonNode result = this.http
			.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[{\"type\":\"set\",\"key\":\"age\",\"value\":1}],\"stream\":false}")
			.json();
		assertThat(result.get("rejected").toString()).isEqualTo("[\"age\"]");
	}

	@Test
	@SpecItem("HPP-12.15")
	void diffKeepsTheNewest200AndShowsTheNewest50() {
		Session s = checklistSession();
		List<String> actions = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			actions.add("{\"type\":\"set\",\"key\":\"k\",\"value\":" + i + "}");
		}
		Reply reply = this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[" + String.join(",", actions) + "],\"stream\":false}");
		assertThat(reply.json().get("applied")).hasSize(250);
		JsonNode latest = this.http.get("/handshake/diff/" + s.sid(), s.token()).json().get("changes");
		assertThat(latest).hasSize(50);
		assertThat(latest.get(0).get("to").asInt()).isEqualTo(200);
		assertThat(latest.get(49).get("to").asInt()).isEqualTo(249);
		JsonNode all = this.http.get("/handshake/diff/" + s.sid() + "?since=2000-01-01T00:00:00%2B00:00", s.token())
			.json()
			.get("changes");
		assertThat(all).hasSize(200);
		assertThat(all.get(0).get("to").asInt()).isEqualTo(50);
		for (int i = 1; i < all.size(); i++) {
			assertThat(all.get(i).get("at").stringValue()).isGreaterThan(all.get(i - 1).get("at").stringValue());
		}
	}

	@Test
	@SpecItem("HPP-12.16")
	void extendAddsBetween1And86400SecondsToTheTimeToLive() {
		Session s = checklistSession();
		String path = "/handshake/session/" + s.sid() + "/extend";
		JsonNode extended = this.http.post(path, s.token(), "{\"extraSeconds\":60}").json();
		assertThat(extended.get("ok").booleanValue()).isTrue();
		assertThat(extended.get("extended").asInt()).isEqualTo(60);
		assertThat(extended.get("expiresIn").asInt()).isBetween(1859, 1860);
		assertThat(this.http.post(path, s.token(), "{}").json().get("extended").asInt()).isEqualTo(1800);
		assertThat(this.http.post(path, s.token(), "{\"extraSeconds\":\"120\"}").json().get("extended").asInt())
			.isEqualTo(120);
		Session other = checklistSession();
		for (String bad : new String[] { "0", "86401", "-5", "1.9", "true", "null", "\"abc\"", "[]" }) {
			assertError(this.http.post("/handshake/session/" + other.sid() + "/extend", other.token(),
					"{\"extraSeconds\":" + bad + "}"), 400, "extraSeconds must be between 1 and 86400");
		}
		assertError(this.http.post(path, "wrong", "{\"extraSeconds\":60}"), 403, "invalid token");
		assertError(this.http.post("/handshake/session/ffffffffffffffffffffffffffffffff/extend", s.token(), "{}"), 404,
				"session not found or expired");
		// the idle TTL grew permanently: 1800 + 60 + 1800 + 120
		assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).json().get("expiresIn").asInt())
			.isBetween(3779, 3780);
	}

	@Test
	@SpecItem("HPP-12.17")
	@SpecItem("HPP-A5")
	void extendHookDeniesCapsOrAllowsTheRequestedSeconds() {
		Session denied = create("{\"meta\":{\"extend\":\"deny\"}}");
		assertError(this.http.post("/handshake/session/" + denied.sid() + "/extend", denied.token(), "{}"), 403,
				"extension denied by server policy");
		Session capped = create("{\"meta\":{\"extend\":\"cap\"}}");
		assertThat(this.http
			.post("/handshake/session/" + capped.sid() + "/extend", capped.token(), "{\"extraSeconds\":9000}")
			.json()
			.get("extended")
			.asInt()).isEqualTo(5000);
		Session allowed = create("{\"meta\":{\"extend\":\"true\"}}");
		assertThat(this.http
			.post("/handshake/session/" + allowed.sid() + "/extend", allowed.token(), "{\"extraSeconds\":9000}")
			.json()
			.get("extended")
			.asInt()).isEqualTo(9000);
		Session throwing = create("{\"meta\":{\"extend\":\"throw\"}}");
		assertError(this.http.post("/handshake/session/" + throwing.sid() + "/extend", throwing.token(), "{}"), 403,
				"no extensions on Sundays");
	}

	@Test
	@SpecItem("HPP-12.18")
	void sixtyFirstRequestWithinAMinuteIsAnswered429() {
		Session s = checklistSession();
		for (int i = 0; i < 60; i++) {
			String path = (i % 2 == 0) ? "/handshake/context/" : "/handshake/diff/";
			assertThat(this.http.get(path + s.sid(), s.token()).status()).isEqualTo(200);
		}
		Reply limited = this.http.get("/handshake/context/" + s.sid(), s.token());
		assertError(limited, 429, "rate limit exceeded");
		assertThat(limited.response().headers().firstValue("Retry-After")).isPresent();
		assertError(this.http.post("/handshake/action/" + s.sid(), s.token(), "{}"), 429, "rate limit exceeded");
		assertError(this.http.get("/handshake/diff/" + s.sid(), s.token()), 429, "rate limit exceeded");
		assertError(this.http.get("/handshake/context/" + s.sid(), "wrong"), 403, "invalid token");
		assertThat(
				this.http.post("/handshake/session/" + s.sid() + "/extend", s.token(), "{\"extraSeconds\":1}").status())
			.isEqualTo(200);
	}

	@Test
	@SpecItem("HPP-12.18")
	@SpecItem("HPP-A4")
	void extendHasItsOwnBudget() {
		Session s = checklistSession();
		String path = "/handshake/session/" + s.sid() + "/extend";
		for (int i = 0; i < 10; i++) {
			assertThat(this.http.post(path, s.token(), "{\"extraSeconds\":1}").status()).isEqualTo(200);
		}
		assertError(this.http.post(path, s.token(), "{\"extraSeconds\":1}"), 429, "rate limit exceeded");
		assertThat(this.http.get("/handshake/context/" + s.sid(), s.token()).status()).isEqualTo(200);
	}

	@Test
	@SpecItem("HPP-12.19")
	void throwingCreateHookRefusesTheSessionWith403() {
		Reply reply = this.http.post("/handshake/session", null, "{\"meta\":{\"deny\":true}}");
		assertError(reply, 403, "not logged in");
	}

	@Test
	@SpecItem("HPP-12.20")
	void actionHookVetoesAndExceptionsRejectTheirKeys() {
		Session s = checklistSession();
		JsonNode result = this.http.post("/handshake/action/" + s.sid(), s.token(), """
				{"actions":[{"type":"set","key":"vetoed","value":1},{"type":"set","key":"boom","value":2},\
				{"type":"set","key":"ok","value":3}],"stream":false}""").json();
		assertThat(result.get("applied").toString()).isEqualTo("[\"ok\"]");
		assertThat(result.get("rejected").toString()).isEqualTo("[\"vetoed\",\"boom\"]");
		assertThat(result.get("errors").toString()).isEqualTo("[{\"key\":\"boom\",\"msg\":\"boom\"}]");
		assertThat(result.get("context").has("vetoed")).isFalse();
		assertThat(result.get("context").has("boom")).isFalse();
	}

	@Test
	@SpecItem("HPP-A6")
	void malformedBodiesAreAnswered400WithoutLosingData() {
		Session s = checklistSession();
		assertError(this.http.post("/handshake/action/" + s.sid(), s.token(), "[1]"), 400,
				"request body must be a JSON object");
		assertError(this.http.post("/handshake/session", null, "[1]"), 400, "request body must be a JSON object");
		assertError(this.http.post("/handshake/action/" + s.sid(), s.token(), "{\"actions\":{}}"), 400,
				"actions must be an array");
		assertError(this.http.post("/handshake/action/" + s.sid(), s.token(), "{\"intervalMs\":\"fast\"}"), 400,
				"intervalMs must be a number");
		assertError(this.http.post("/handshake/session", null, "{\"context\":[1]}"), 400, "context must be an object");
		assertError(this.http.post("/handshake/session", null, "{\"schema\":{}}"), 400, "schema must be an array");
		assertError(this.http.post("/handshake/session", null, "{\"schema\":[{\"required\":true}]}"), 400,
				"required schema field needs a key");
		assertError(this.http.post("/handshake/session", null, "{\"schema\":[{\"key\":\"a\",\"type\":3}]}"), 400,
				"schema field type must be a string");
		JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json();
		assertField(context, "name", "\"Bob\"", "user");
	}

	@Test
	@SpecItem("HPP-A7")
	void nanAndInfinityAreRefused() {
		Session s = checklistSession();
		assertError(
				this.http.post("/handshake/action/" + s.sid(), s.token(),
						"{\"actions\":[{\"type\":\"set\",\"key\":\"price\",\"value\":NaN}]}"),
				400, "NaN and Infinity are not valid JSON numbers");
		assertError(this.http.post("/handshake/notify/" + s.sid(), null, "{\"key\":\"price\",\"value\":-Infinity}"),
				400, "NaN and Infinity are not valid JSON numbers");
		assertError(
				this.http.post("/handshake/action/" + s.sid(), s.token(),
						"{\"actions\":[{\"type\":\"set\",\"key\":\"price\",\"value\":1e999}]}"),
				400, "NaN and Infinity are not valid JSON numbers");
		assertThat(
				this.http.get("/handshake/context/" + s.sid(), s.token()).json().at("/context/price/value").toString())
			.isEqualTo("\"\"");
	}

	@Test
	@SpecItem("HPP-A10")
	void sinceIsComparedAsAnInstant() {
		Session s = checklistSession();
		this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":1}],\"stream\":false}");
		String at = this.http.get("/handshake/diff/" + s.sid(), s.token()).json().at("/changes/0/at").stringValue();
		assertThat(this.http.get("/handshake/diff/" + s.sid() + "?since=2000-01-01T08:00:00%2B08:00", s.token())
			.json()
			.get("changes")).hasSize(1);
		assertThat(this.http.get("/handshake/diff/" + s.sid() + "?since=2000-01-01T00:00:00Z", s.token())
			.json()
			.get("changes")).hasSize(1);
		// an unencoded '+' arrives as a space
		assertThat(this.http.get("/handshake/diff/" + s.sid() + "?since=" + at.replace("+", "%20"), s.token())
			.json()
			.get("changes")).isEmpty();
		assertError(this.http.get("/handshake/diff/" + s.sid() + "?since=yesterday", s.token()), 400, "invalid since");
	}

	@Test
	@SpecItem("HPP-A12")
	void nonAsciiTokenIsAnswered403() {
		Session s = checklistSession();
		assertError(this.http.get("/handshake/context/" + s.sid() + "?token=" + HttpProbe.encode("tökén"), null), 403,
				"invalid token");
	}

	@Test
	@SpecItem("HPP-A13")
	void bodiesKeysValuesAndFieldCountsAreCapped() {
		Session s = checklistSession();
		String huge = "{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":\"" + "x".repeat(1_100_000) + "\"}]}";
		assertError(this.http.post("/handshake/action/" + s.sid(), s.token(), huge), 413, "request body too large");
		String big = "{\"actions\":[{\"type\":\"set\",\"key\":\"a\",\"value\":\"" + "x".repeat(70_000)
				+ "\"},{\"type\":\"set\",\"key\":\"" + "k".repeat(300) + "\",\"value\":1}],\"stream\":false}";
		JsonNode result = this.http.post("/handshake/action/" + s.sid(), s.token(), big).json();
		assertThat(result.at("/errors/0/msg").stringValue()).isEqualTo("value too large");
		assertThat(result.at("/errors/1/msg").stringValue()).isEqualTo("key too long");
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 520; i++) {
			many.add("{\"type\":\"set\",\"key\":\"f" + i + "\",\"value\":" + i + "}");
		}
		JsonNode capped = this.http
			.post("/handshake/action/" + s.sid(), s.token(),
					"{\"actions\":[" + String.join(",", many) + "],\"stream\":false}")
			.json();
		assertThat(capped.get("context").size()).isEqualTo(500);
		assertThat(capped.get("errors").get(0).get("msg").stringValue()).isEqualTo("too many fields in session");
	}

	@Test
	void modeNullStaysNullAndUnknownSchemaPropertiesAreKept() {
		Session s = create("{\"mode\":null,\"schema\":[{\"key\":\"a\",\"label\":\"A\",\"x-custom\":{\"deep\":[1]}}],"
				+ "\"context\":{\"free\":0,\"off\":false,\"list\":[],\"obj\":{}}}");
		JsonNode context = this.http.get("/handshake/context/" + s.sid(), s.token()).json();
		assertThat(context.get("mode").isNull()).isTrue();
		assertThat(context.at("/schema/0/x-custom/deep/0").asInt()).isEqualTo(1);
		assertField(context, "free", "0", "user");
		assertField(context, "off", "false", "user");
		assertField(context, "list", "[]", "empty");
		assertField(context, "obj", "{}", "empty");
	}

	@Test
	@SpecItem("HPP-12.34")
	void everyErrorIsAJsonObjectWithAStringError() {
		Session s = checklistSession();
		List<Reply> errors = List.of(this.http.get("/handshake/context/x", "t"),
				this.http.get("/handshake/context/" + s.sid(), "bad"),
				this.http.post("/handshake/notify/" + s.sid(), null, "{}"),
				this.http.post("/handshake/action/" + s.sid(), s.token(), "5"),
				this.http.post("/handshake/session", null, "{\"meta\":{\"deny\":true}}"));
		for (Reply reply : errors) {
			assertThat(reply.status()).isBetween(400, 499);
			JsonNode body = reply.json();
			assertThat(body.isObject()).isTrue();
			assertThat(body.propertyNames()).containsExactly("error");
			assertThat(body.get("error").isString()).isTrue();
		}
	}

	@Test
	@SpecItem("HPP-12.31")
	@SpecItem("HPP-A2")
	void fortyFieldsWithDefaultPacingAreAnsweredWithinTheAgentTimeout() {
		Session s = checklistSession();
		List<String> actions = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			actions.add("{\"type\":\"set\",\"key\":\"f" + i + "\",\"value\":" + i + "}");
		}
		// the agent client's default: stream true, intervalMs 300, 15 s timeout
		// (HttpProbe)
		Reply reply = this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[" + String.join(",", actions) + "],\"stream\":true,\"intervalMs\":300}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("applied")).hasSize(40);
	}

	@Test
	@SpecItem("HPP-12.33")
	void serverPromptParsesLikeTheAgentDoes() {
		Session s = checklistSession();
		String prompt = this.manager.prompt(s.sid(), "https://app.example.com/", "Fill in the form").block();
		java.util.Map<String, String> parsed = new java.util.LinkedHashMap<>();
		java.util.regex.Pattern line = java.util.regex.Pattern.compile("^\\s*-?\\s*(\\w+)\\s*:\\s*(.*)$");
		for (String text : prompt.split("\n")) {
			java.util.regex.Matcher matcher = line.matcher(text);
			if (matcher.matches()) {
				parsed.putIfAbsent(matcher.group(1), matcher.group(2).trim());
			}
		}
		assertThat(parsed).containsEntry("sessionId", s.sid())
			.containsEntry("token", s.token())
			.containsEntry("baseUrl", "https://app.example.com/")
			.containsEntry("mode", "form-fill");
		assertThat(parsed.get("expiresIn")).matches("\\d+s");
		assertThat(prompt).startsWith("# Handshake Prompt - form-fill\n\n## Credentials\n")
			.contains("1. GET  https://app.example.com/handshake/context/" + s.sid()
					+ "   (header X-Handshake-Token: <token>)")
			.contains("2. POST https://app.example.com/handshake/action/" + s.sid() + "    {")
			.contains("3. POST https://app.example.com/handshake/session/" + s.sid() + "/extend  {")
			.contains("## Instructions\nFill in the form\n")
			.endsWith("## Waiting for user's request...");
	}

	Session checklistSession() {
		return create(CHECKLIST_CREATE);
	}

	private void assertValid(Session s, String key, String value) {
		JsonNode result = setOne(s, key, value);
		assertThat(result.get("errors")).as("%s=%s", key, value).isEmpty();
		assertThat(result.get("applied").toString()).isEqualTo("[\"" + key + "\"]");
		assertThat(result.at("/context/" + key + "/value")).isEqualTo(HttpProbe.json.readTree(value));
	}

	private void assertInvalid(Session s, String key, String value, String message) {
		JsonNode result = setOne(s, key, value);
		assertThat(result.get("applied")).as("%s=%s", key, value).isEmpty();
		assertThat(result.get("errors").toString()).isEqualTo(HttpProbe.json.createArrayNode()
			.add(HttpProbe.json.createObjectNode().put("key", key).put("msg", message))
			.toString());
	}

	private JsonNode setOne(Session s, String key, String value) {
		Reply reply = this.http.post("/handshake/action/" + s.sid(), s.token(),
				"{\"actions\":[{\"type\":\"set\",\"key\":\"" + key + "\",\"value\":" + value + "}],\"stream\":false}");
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	static void assertField(JsonNode context, String key, String value, String by) {
		JsonNode field = context.get("context").get(key);
		assertThat(field).as(key).isNotNull();
		assertThat(field.get("value").toString()).as(key).isEqualTo(value);
		assertThat(field.get("by").stringValue()).as(key).isEqualTo(by);
		assertThat(field.get("at").isString()).isTrue();
	}

	static void assertChange(JsonNode change, String key, String from, String to, String by) {
		assertThat(change.get("key").stringValue()).isEqualTo(key);
		assertThat(change.get("from").toString()).isEqualTo(from);
		assertThat(change.get("to").toString()).isEqualTo(to);
		assertThat(change.get("by").stringValue()).isEqualTo(by);
		assertThat(change.get("at").isString()).isTrue();
	}

	static void assertError(Reply reply, int status, String error) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.response().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(reply.body()).isEqualTo("{\"error\":\"" + error + "\"}");
	}

}
