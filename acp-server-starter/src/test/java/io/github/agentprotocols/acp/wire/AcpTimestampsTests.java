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

import java.time.Instant;

import io.github.agentprotocols.acp.AcpErrorCode;
import io.github.agentprotocols.acp.AcpException;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AcpTimestampsTests {

	@Test
	@SpecItem("ACP-10.2")
	void writesUtcWithZAndSixFractionalDigits() {
		assertThat(AcpTimestamps.format(Instant.parse("2026-04-12T10:15:30Z")))
			.isEqualTo("2026-04-12T10:15:30.000000Z");
		assertThat(AcpTimestamps.format(Instant.parse("2026-04-12T10:15:30.123456789Z")))
			.isEqualTo("2026-04-12T10:15:30.123456Z")
			.matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$");
	}

	@Test
	void readsAnyOffsetAndZeroToNineFractionalDigits() {
		Instant expected = Instant.parse("2026-04-12T10:15:30Z");
		assertThat(AcpTimestamps.parse("2026-04-12T10:15:30Z")).isEqualTo(expected);
		assertThat(AcpTimestamps.parse("2026-04-12T12:15:30+02:00")).isEqualTo(expected);
		assertThat(AcpTimestamps.parse("2026-04-12t10:15:30.0z")).isEqualTo(expected);
		assertThat(AcpTimestamps.parse("2026-04-12T05:15:30.123456789-05:00"))
			.isEqualTo(Instant.parse("2026-04-12T10:15:30.123456Z"));
	}

	@Test
	void roundTripsItsOwnForm() {
		String text = "2026-04-12T10:15:31.000120Z";
		assertThat(AcpTimestamps.format(AcpTimestamps.parse(text))).isEqualTo(text);
	}

	@Test
	void rejectsTextThatIsNotRfc3339() {
		for (String text : new String[] { "2026-04-12", "2026-04-12T10:15:30", "2026-04-12 10:15:30Z",
				"2026-04-12T10:15Z", "2026-04-12T10:15:30.1234567890Z", "yesterday", "2026-02-30T10:15:30Z" }) {
			assertThatExceptionOfType(AcpException.class).as(text)
				.isThrownBy(() -> AcpTimestamps.parse(text))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.INVALID_REQUEST));
		}
	}

}
