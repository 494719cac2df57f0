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

package io.github.agentprotocols.commons;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Tests {

	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void digestIsSha256() {
		assertThat(hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC);
		assertThat(hex(Sha256.digest(new byte[0])))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void digestsTakenAtOnceDoNotShareState() {
		var digests = IntStream.range(0, 64)
			.mapToObj((i) -> CompletableFuture
				.supplyAsync(() -> hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII)))))
			.toList();
		assertThat(digests).allSatisfy((digest) -> assertThat(digest.join()).isEqualTo(ABC));
	}

	private static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

}
