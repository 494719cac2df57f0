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

package io.github.agentprotocols.lime.sse;

import java.util.List;

import io.github.agentprotocols.lime.LimeEvent;
import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LimeEvent.Type;
import io.github.agentprotocols.lime.sse.FrameOutcome.Deliver;
import io.github.agentprotocols.lime.sse.FrameOutcome.Severity;
import io.github.agentprotocols.lime.sse.FrameOutcome.Skip;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LimeFrameReader}: the payload parsing and classification of spec §4.3
 * and §4.4 (§7 "SSE parsing / classification").
 */
class LimeFrameReaderTests {

	private final LimeFrameReader reader = new LimeFrameReader();

	@Test
	@SpecItem("LIME-7.parse_valid")
	@SpecItem("LIME-7.classify_approved")
	void approvedObjectIsParsedIntoAnEventWithRequestIdAndPassport() {
		assertThat(this.reader.read("{\"type\":\"approved\",\"login_request_id\":\"lr_1\",\"status\":\"approved\","
				+ "\"agent_passport_jwt\":\"jwt.here\"}", "7"))
			.containsExactly(new Deliver(new LimeEvent(Type.APPROVED, "lr_1", "jwt.here", "7")));
	}

	@Test
	@SpecItem("LIME-7.parse_invalid")
	@SpecItem("LIME-8.3")
	void invalidJsonIsSkippedAsInvalidSseJson() {
		assertThat(skip(this.reader.read("{not json", null))).satisfies((skip) -> {
			assertThat(skip.severity()).isEqualTo(Severity.WARN);
			assertThat(skip.reason()).contains("Invalid SSE JSON");
		});
	}

	@Test
	@SpecItem("LIME-7.parse_non_object")
	@SpecItem("LIME-8.3")
	void jsonThatIsNotAnObjectIsSkipped() {
		assertThat(skip(this.reader.read("[]", null)).reason()).contains("JSON object");
		assertThat(skip(this.reader.read("\"approved\"", null)).reason()).contains("JSON object");
	}

	@Test
	@SpecItem("LIME-7.classify_keepalive")
	void keepaliveIsSkippedQuietly() {
		assertThat(skip(this.reader.read("{\"type\":\"keepalive\"}", null)).severity()).isEqualTo(Severity.TRACE);
	}

	@Test
	@SpecItem("LIME-7.classify_expired")
	void expiredIsDeliveredWithoutPassport() {
		assertThat(this.reader.read("{\"type\":\"expired\",\"login_request_id\":\"lr_exp\"}", null))
			.containsExactly(new Deliver(new LimeEvent(Type.EXPIRED, "lr_exp", null, null)));
	}

	@Test
	@SpecItem("LIME-7.classify_error")
	void errorFrameIsSkippedAndLoggedWithItsCodeAndMessage() {
		Skip skip = skip(this.reader
			.read("{\"type\":\"error\",\"code\":\"CHANNEL_DOWN\",\"message\":\"redis unavailable\"}", null));
		assertThat(skip.severity()).isEqualTo(Severity.ERROR);
		assertThat(skip.reason()).contains("CHANNEL_DOWN").contains("redis unavailable");
	}

	@Test
	@SpecItem("LIME-7.classify_error")
	void errorFrameWithoutCodeOrMessageGetsTheDefaults() {
		assertThat(skip(this.reader.read("{\"type\":\"error\"}", null)).reason()).contains("SSE_ERROR")
			.contains("SSE error frame");
	}

	@Test
	@SpecItem("LIME-7.classify_approved_missing_jwt")
	@SpecItem("LIME-8.3")
	void approvedWithoutPassportIsSkippedNamingTheField() {
		for (String jwt : List.of("", ",\"agent_passport_jwt\":null", ",\"agent_passport_jwt\":\"\"",
				",\"agent_passport_jwt\":\"  \"", ",\"agent_passport_jwt\":42")) {
			Skip skip = skip(
					this.reader.read("{\"type\":\"approved\",\"login_request_id\":\"lr_1\"" + jwt + "}", null));
			assertThat(skip.severity()).isEqualTo(Severity.WARN);
			assertThat(skip.reason()).contains("agent_passport_jwt").contains("lr_1");
		}
	}

	@Test
	@SpecItem("LIME-7.classify_unknown_type")
	void unknownTypeWithRequestIdIsIgnored() {
		assertThat(skip(this.reader.read("{\"type\":\"challenge\",\"login_request_id\":\"lr_1\"}", null)).severity())
			.isEqualTo(Severity.DEBUG);
	}

	@Test
	void frameWithoutTypeIsIgnored() {
		assertThat(skip(this.reader.read("{\"login_request_id\":\"lr_1\"}", null)).severity())
			.isEqualTo(Severity.DEBUG);
	}

	@Test
	@SpecItem("LIME-7.classify_missing_request_id")
	void expiredWithoutRequestIdIsIgnored() {
		assertThat(skip(this.reader.read("{\"type\":\"expired\"}", null)).reason()).contains("login_request_id");
	}

	@Test
	@SpecItem("LIME-7.classify_missing_request_id")
	@SpecItem("LIME-7.dispatch_event_skips_missing_request_id")
	void approvedWithNullOrBlankRequestIdIsIgnored() {
		assertThat(skip(this.reader
			.read("{\"type\":\"approved\",\"login_request_id\":null,\"agent_passport_jwt\":\"jwt.here\"}", null))
			.reason()).contains("login_request_id");
		assertThat(skip(this.reader
			.read("{\"type\":\"approved\",\"login_request_id\":\"  \",\"agent_passport_jwt\":\"jwt.here\"}", null))
			.reason()).contains("login_request_id");
	}

	@Test
	void requestIdIsTrimmedAndPassportKeptAsReceived() {
		assertThat(this.reader.read(
				"{\"type\":\"approved\",\"login_request_id\":\" lr_1 \",\"agent_passport_jwt\":\" jwt.here \"}", null))
			.containsExactly(new Deliver(new LimeEvent(Type.APPROVED, "lr_1", " jwt.here ", null)));
	}

	@Test
	void numericRequestIdIsReadAsText() {
		assertThat(this.reader.read("{\"type\":\"expired\",\"login_request_id\":42}", null))
			.containsExactly(new Deliver(new LimeEvent(Type.EXPIRED, "42", null, null)));
	}

	@Test
	@SpecItem("LIME-7.skips_empty_data")
	void blankDataYieldsNothing() {
		assertThat(this.reader.read("", null)).isEmpty();
		assertThat(this.reader.read(" \n ", null)).isEmpty();
	}

	@Test
	@SpecItem("LIME-8.4")
	void objectSpreadOverSeveralDataLinesIsOneEvent() {
		assertThat(this.reader.read("{\"type\":\"expired\",\n\"login_request_id\":\"lr_1\"\n}", null))
			.containsExactly(new Deliver(new LimeEvent(Type.EXPIRED, "lr_1", null, null)));
	}

	@Test
	@SpecItem("LIME-8.4")
	void dataLinesThatAreEachJsonButNotTogetherAreReadOneByOne() {
		assertThat(this.reader.read("{\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n{\"type\":\"keepalive\"}\n"
				+ "{\"type\":\"expired\",\"login_request_id\":\"lr_2\"}", "9"))
			.containsExactly(new Deliver(new LimeEvent(Type.EXPIRED, "lr_1", null, "9")),
					new Skip(Severity.TRACE, "keepalive"), new Deliver(new LimeEvent(Type.EXPIRED, "lr_2", null, "9")));
	}

	@Test
	void dataLinesOfWhichOneIsNotJsonAreInvalidAsAWhole() {
		assertThat(skip(this.reader.read("{\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n{oops", null)).reason())
			.contains("Invalid SSE JSON");
	}

	@Test
	void trailingContentAfterTheObjectIsInvalid() {
		assertThat(skip(this.reader.read("{\"type\":\"expired\",\"login_request_id\":\"lr_1\"} x", null)).reason())
			.contains("Invalid SSE JSON");
	}

	private static Skip skip(List<FrameOutcome> outcomes) {
		assertThat(outcomes).hasSize(1).first().isInstanceOf(Skip.class);
		return (Skip) outcomes.get(0);
	}

}
