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

package io.github.agentprotocols.acp.wire;

import java.util.List;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.EventType;
import io.github.agentprotocols.acp.Page;
import io.github.agentprotocols.acp.RunError;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Parse and write round trips of literal JSON in the spec's shapes: what is read is
 * written back byte for byte.
 */
class AcpJsonRoundTripTests {

	private static final String ALICE = "{\"role\":\"user\",\"id\":\"u_alice\",\"name\":\"Alice\",\"metadata\":{}}";

	private static final String HELPER = "{\"role\":\"assistant\",\"id\":\"helper\",\"name\":\"Helper\",\"metadata\":{}}";

	private static final String COMMON_USER = "{\"id\":\"evt_01962a4e-3b80-7c44-9a1d-2e6f8b3c5d70\","
			+ "\"thread_id\":\"th_01962a4e-3b7c-7a10-8f2e-5c9d1b7e4a21\",\"run_id\":null,\"author\":" + ALICE
			+ ",\"created_at\":\"2026-04-12T10:15:31.000120Z\",\"metadata\":{},";

	private static final String COMMON_RUN = "{\"id\":\"evt_01962a4e-3b80-7c44-9a1d-2e6f8b3c5d71\","
			+ "\"thread_id\":\"th_01962a4e-3b7c-7a10-8f2e-5c9d1b7e4a21\","
			+ "\"run_id\":\"run_01962a4e-3b7e-7b10-9f2e-5c9d1b7e4a22\",\"author\":" + HELPER
			+ ",\"created_at\":\"2026-04-12T10:15:32.000000Z\",\"metadata\":{\"trace\":\"t-1\"},\"client_id\":null,";

	static List<String> events() {
		return List.of(
				COMMON_USER + "\"client_id\":\"c-42\",\"type\":\"message\",\"content\":[{\"type\":\"text\","
						+ "\"text\":\"What's the weather?\"}]}",
				COMMON_RUN + "\"type\":\"reasoning\",\"content\":\"thinking about the request\"}",
				COMMON_RUN + "\"type\":\"tool.call\",\"tool\":{\"id\":\"call_1\",\"name\":\"search\","
						+ "\"arguments\":{\"q\":\"weather\",\"n\":3,\"exact\":false,\"tags\":[\"a\",null,1.5]}}}",
				COMMON_RUN + "\"type\":\"tool.result\",\"tool\":{\"id\":\"call_1\",\"result\":{\"temp\":72},"
						+ "\"error\":null}}",
				COMMON_RUN + "\"type\":\"tool.result\",\"tool\":{\"id\":\"call_2\",\"result\":null,"
						+ "\"error\":{\"code\":\"unavailable\",\"message\":\"down\"}}}",
				COMMON_USER + "\"client_id\":null,\"type\":\"thread.created\",\"thread\":{\"id\":\"th_1\","
						+ "\"tenant\":{\"org\":\"A\"}}}",
				COMMON_USER + "\"client_id\":null,\"type\":\"thread.member_added\",\"member\":" + HELPER + "}",
				COMMON_USER + "\"client_id\":null,\"type\":\"thread.member_removed\",\"member\":{\"role\":\"system\","
						+ "\"id\":\"sys\",\"name\":\"\",\"metadata\":{\"tenant\":{\"org\":\"A\"}}}}",
				COMMON_USER + "\"client_id\":null,\"type\":\"thread.tenant_changed\",\"from\":{},"
						+ "\"to\":{\"org\":\"A\",\"ws\":\"X\"}}",
				COMMON_RUN + "\"type\":\"run.started\"}", COMMON_RUN + "\"type\":\"run.completed\"}",
				COMMON_RUN + "\"type\":\"run.failed\",\"error\":{\"code\":\"timeout\","
						+ "\"message\":\"run exceeded 120s\"}}",
				COMMON_RUN + "\"type\":\"run.cancelled\"}");
	}

	static List<String> contentParts() {
		return List.of("{\"type\":\"text\",\"text\":\"hi\"}",
				"{\"type\":\"image\",\"url\":\"https://x.test/a.png\",\"mime\":\"image/png\",\"name\":null,"
						+ "\"size\":null}",
				"{\"type\":\"image\",\"url\":\"https://x.test/a.png\",\"mime\":\"image/png\",\"name\":\"a.png\","
						+ "\"size\":2048}",
				"{\"type\":\"audio\",\"url\":\"https://x.test/a.ogg\",\"mime\":\"audio/ogg\",\"name\":\"a.ogg\","
						+ "\"size\":10,\"duration_ms\":1500}",
				"{\"type\":\"document\",\"url\":\"https://x.test/a.pdf\",\"mime\":\"application/pdf\","
						+ "\"name\":null,\"size\":0}",
				"{\"type\":\"form\",\"form_id\":\"f1\",\"schema\":{\"type\":\"object\",\"properties\":"
						+ "{\"city\":{\"type\":\"string\"}}},\"status\":\"submitted\",\"values\":{\"city\":\"Oslo\"},"
						+ "\"answers_event_id\":\"evt_2\",\"title\":\"Where?\",\"description\":null}");
	}

	@ParameterizedTest
	@MethodSource("events")
	@SpecItem("ACP-10.3")
	void everyEventTypeRoundTripsByteForByte(String json) {
		Event event = AcpJson.readEvent(AcpJson.parse(json));
		assertThat(AcpJson.write(event)).isEqualTo(json);
		assertThat(AcpJson.readEvent(AcpJson.parse(AcpJson.write(event)))).isEqualTo(event);
	}

	@Test
	@SpecItem("ACP-10.3")
	void theRoundTripsCoverAllTwelveEventTypes() {
		assertThat(events().stream().map((json) -> AcpJson.readEvent(AcpJson.parse(json)).type()))
			.containsAll(List.of(EventType.values()));
	}

	@ParameterizedTest
	@MethodSource("contentParts")
	@SpecItem("ACP-10.3")
	void everyContentPartRoundTripsByteForByte(String json) {
		ContentPart part = AcpJson.readContentPart(AcpJson.parse(json));
		assertThat(AcpJson.write(part)).isEqualTo(json);
	}

	@Test
	@SpecItem("ACP-10.3")
	void tenantChangeKeepsFromAndFormKeepsSchema() {
		Event changed = AcpJson.readEvent(AcpJson.parse(events().get(8)));
		assertThat(changed.payload()).isInstanceOf(EventPayload.TenantChanged.class);
		assertThat(AcpJson.toTree(changed).has("from")).isTrue();
		assertThat(AcpJson.toTree(AcpJson.readContentPart(AcpJson.parse(contentParts().get(5)))).has("schema"))
			.isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "thread.renamed", "Message", "" })
	@SpecItem("ACP-10.3")
	void anUnknownEventTypeIsRejected(String type) {
		String json = COMMON_USER + "\"client_id\":null,\"type\":\"" + type + "\",\"content\":\"x\"}";
		assertThatExceptionOfType(AcpException.class).isThrownBy(() -> AcpJson.readEvent(AcpJson.parse(json)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.INVALID_REQUEST));
	}

	@Test
	@SpecItem("ACP-10.3")
	void anUnknownContentPartTypeIsRejected() {
		assertThatExceptionOfType(AcpException.class)
			.isThrownBy(() -> AcpJson.readContentPart(
					AcpJson.parse("{\"type\":\"video\",\"url\":\"https://x.test/v\",\"mime\":\"video/mp4\"}")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.INVALID_REQUEST));
	}

	@Test
	void threadMemberRunAndPageRoundTrip() {
		String thread = "{\"id\":\"th_1\",\"tenant\":{\"org\":\"A\"},\"metadata\":{\"t\":1},"
				+ "\"created_at\":\"2026-04-12T10:15:30.000001Z\",\"updated_at\":\"2026-04-12T10:15:30.000002Z\"}";
		String member = "{\"thread_id\":\"th_1\",\"identity_id\":\"helper\",\"identity\":" + HELPER
				+ ",\"role\":\"member\",\"added_at\":\"2026-04-12T10:15:30.000003Z\",\"added_by\":" + ALICE + "}";
		String run = "{\"id\":\"run_1\",\"thread_id\":\"th_1\",\"assistant\":" + HELPER + ",\"triggered_by\":" + ALICE
				+ ",\"status\":\"failed\",\"started_at\":\"2026-04-12T10:15:30.000004Z\","
				+ "\"completed_at\":\"2026-04-12T10:15:31.000000Z\",\"error\":{\"code\":\"handler_error\","
				+ "\"message\":\"boom\"},\"idempotency_key\":\"K\",\"metadata\":{}}";
		String pending = "{\"id\":\"run_2\",\"thread_id\":\"th_1\",\"assistant\":" + HELPER + ",\"triggered_by\":"
				+ ALICE + ",\"status\":\"pending\",\"started_at\":\"2026-04-12T10:15:30.000004Z\","
				+ "\"completed_at\":null,\"error\":null,\"idempotency_key\":null,\"metadata\":{\"o\":true}}";
		assertThat(AcpJson.write(AcpJson.readThread(AcpJson.parse(thread)))).isEqualTo(thread);
		assertThat(AcpJson.write(AcpJson.readThreadMember(AcpJson.parse(member)))).isEqualTo(member);
		assertThat(AcpJson.write(AcpJson.readRun(AcpJson.parse(run)))).isEqualTo(run);
		assertThat(AcpJson.write(AcpJson.readRun(AcpJson.parse(pending)))).isEqualTo(pending);
		String cursor = "{\"created_at\":\"2026-04-12T10:15:30.123456Z\",\"id\":\"th_1\"}";
		assertThat(AcpJson.write(AcpJson.readCursor(AcpJson.parse(cursor)))).isEqualTo(cursor);
		assertThat(AcpJson.write(new Page<>(List.of(AcpJson.readThread(AcpJson.parse(thread))),
				AcpJson.readCursor(AcpJson.parse(cursor)))))
			.isEqualTo("{\"items\":[" + thread + "],\"next_cursor\":" + cursor + "}");
		assertThat(AcpJson.write(new Page<>(List.of(), null))).isEqualTo("{\"items\":[],\"next_cursor\":null}");
	}

	@Test
	void aStoredPayloadHoldsOnlyTheTypeSpecificKeys() {
		assertThat(AcpJson.write(new EventPayload.RunStarted())).isEqualTo("{}");
		assertThat(AcpJson.write(new EventPayload.RunFailed(new RunError("timeout", "run exceeded 1s"))))
			.isEqualTo("{\"error\":{\"code\":\"timeout\",\"message\":\"run exceeded 1s\"}}");
		assertThat(AcpJson.readEventPayload(EventType.REASONING, AcpJson.parse("{\"content\":\"x\"}")))
			.isEqualTo(new EventPayload.Reasoning("x"));
	}

}
