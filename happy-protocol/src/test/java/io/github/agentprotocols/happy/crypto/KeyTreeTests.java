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

package io.github.agentprotocols.happy.crypto;

import java.util.Arrays;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static io.github.agentprotocols.happy.crypto.Vectors.DATA_KEY;
import static io.github.agentprotocols.happy.crypto.Vectors.SECRET;
import static io.github.agentprotocols.happy.crypto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

class KeyTreeTests {

	@SpecItem("HAPPY-3.7.V1")
	@Test
	void rootNodeMatchesVectorV1() {
		byte[] root = KeyTree.deriveNode(SECRET, "Happy EnCoder");
		assertThat(hex(Arrays.copyOf(root, 32)))
			.isEqualTo("2c9f936aa4f03e60924bcb9fd0e4df021f55528fbcf4101835e3b586c9ab2793");
		assertThat(hex(Arrays.copyOfRange(root, 32, 64)))
			.isEqualTo("c47892bd47fc8ed198f152fe379c0086175f5499d3987fdc779b2c6563e5b152");
	}

	@SpecItem("HAPPY-3.7.V1")
	@Test
	void contentChildNodeMatchesVectorV1() {
		byte[] content = KeyTree.deriveNode(SECRET, "Happy EnCoder", "content");
		assertThat(hex(Arrays.copyOfRange(content, 32, 64)))
			.isEqualTo("ec7337b4bbae0b7930687dfd9e4c7a4123d39783eb1de93f5e1088ff627d72bd");
		assertThat(hex(KeyTree.deriveKey(SECRET, "Happy EnCoder", "content")))
			.isEqualTo("67eebf3ff0eb241774d2f6e45e4869ca3e01785630dae7635428076e725351be");
	}

	@SpecItem("HAPPY-3.7.V1")
	@Test
	void legacyBlobKeyMatchesVectorV1() {
		assertThat(hex(KeyTree.deriveKey(SECRET, "Happy Blobs", "master")))
			.isEqualTo("c1c73ca3c5c5e2d17a27b07881bb0bd5b2d373d68db37c53d8d270d1d96c6b52");
	}

	@SpecItem("HAPPY-3.7.V1")
	@Test
	void sessionBlobKeyOfDataKeyMatchesVector() {
		assertThat(hex(KeyTree.deriveKey(DATA_KEY, "Happy Blobs", "session")))
			.isEqualTo("0e7f158ef09d6c957e9a84ff727a51dbd7573b0e052f671abdcab6e05a7c5cf5");
	}

	@Test
	void eachPathElementLeadsToAnotherKey() {
		assertThat(KeyTree.deriveKey(SECRET, "Happy EnCoder", "content", "x"))
			.isNotEqualTo(KeyTree.deriveKey(SECRET, "Happy EnCoder", "content"))
			.hasSize(32);
	}

}
