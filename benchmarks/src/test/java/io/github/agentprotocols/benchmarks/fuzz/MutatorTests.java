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

package io.github.agentprotocols.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.benchmarks.fuzz.Seed.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MutatorTests {

	private static final List<Seed> SEEDS = List.of(
			Seed.http("POST", "/handshake/action/abc",
					"{\"actions\":[{\"type\":\"set\",\"key\":\"f1\",\"value\":\"v\"}]}",
					new Header("Content-Type", "application/json"), new Header("X-Handshake-Token", "t0k3n")),
			Seed.webSocket("/ws/handshake/abc?token=t0k3n",
					List.of("{\"type\":\"userEdit\",\"key\":\"f1\",\"value\":1}")));

	private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\nContent-Length: (\\d+)\r\n");

	private final Mutator mutator = new Mutator(8080, 4096, List.of("other"), SEEDS);

	@Test
	void theSameRandomSourceGivesTheSameCase() {
		for (long index = 0; index < 2_000; index++) {
			FuzzCase first = mutate(index);
			FuzzCase second = mutate(index);
			assertThat(second.request()).isEqualTo(first.request());
			assertThat(second.frames()).hasSameSizeAs(first.frames());
			assertThat(second.mutation()).isEqualTo(first.mutation());
		}
	}

	@Test
	void unchangedCasesAreTheSeedsWithAnHonestContentLength() {
		int unchanged = 0;
		for (long index = 0; index < 2_000; index++) {
			FuzzCase fuzzCase = mutate(index);
			if (fuzzCase.mutation().equals("unchanged") && fuzzCase.kind() == Seed.Kind.HTTP) {
				unchanged++;
				String request = new String(fuzzCase.request(), StandardCharsets.UTF_8);
				assertThat(request).startsWith("POST /handshake/action/abc HTTP/1.1\r\n")
					.contains("\r\nX-Handshake-Token: t0k3n\r\n")
					.endsWith("\r\n\r\n" + SEEDS.get(0).body());
				Matcher length = CONTENT_LENGTH.matcher(request);
				assertThat(length.find()).isTrue();
				assertThat(Integer.parseInt(length.group(1))).isEqualTo(SEEDS.get(0).bodyBytes().length);
			}
		}
		assertThat(unchanged).isBetween(20, 80);
	}

	@Test
	void mutatedBodiesStayWithinTheLimit() {
		for (long index = 0; index < 2_000; index++) {
			FuzzCase fuzzCase = mutate(index);
			String request = new String(fuzzCase.request(), StandardCharsets.ISO_8859_1);
			int body = request.indexOf("\r\n\r\n") + 4;
			assertThat(fuzzCase.request().length - body).isLessThanOrEqualTo(4096 + 64);
		}
	}

	private FuzzCase mutate(long index) {
		SplittableRandom random = new SplittableRandom(index);
		return this.mutator.mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
	}

}
