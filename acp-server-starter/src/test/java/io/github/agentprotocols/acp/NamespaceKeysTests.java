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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

class NamespaceKeysTests {

	private static final String SEGMENT_32 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	private static final String SEGMENT_33 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	private final NamespaceKeys org = new NamespaceKeys(List.of("org"));

	private final NamespaceKeys orgWs = new NamespaceKeys(List.of("org", "ws"));

	private final Map<String, String> alice = Map.of("org", "A", "ws", "X");

	@Test
	void derivedPathFollowsTheKeyOrder() {
		assertThat(this.orgWs.derivePath(this.alice)).isEqualTo("/A/X");
		assertThat(new NamespaceKeys(List.of("ws", "org")).derivePath(this.alice)).isEqualTo("/X/A");
		assertThat(NamespaceKeys.derivePath(this.alice, List.of("ws", "org"))).isEqualTo("/X/A");
	}

	@Test
	void derivedPathIgnoresTenantEntriesThatAreNotKeys() {
		assertThat(this.org.derivePath(Map.of("org", "A", "ws", "X", "team", "t 1"))).isEqualTo("/A");
	}

	@Test
	void withoutKeysTheDerivedPathIsTheDefaultNamespace() {
		assertThat(NamespaceKeys.derivePath(this.alice, null)).isEqualTo("/");
		assertThat(NamespaceKeys.derivePath(Map.of(), List.of())).isEqualTo("/");
	}

	@Test
	void missingKeysAreNamedInKeyOrder() {
		assertThat(codeOf(() -> this.orgWs.derivePath(Map.of("team", "t")))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
		assertThatExceptionOfType(AcpException.class).isThrownBy(() -> this.orgWs.derivePath(Map.of("team", "t")))
			.withMessage("namespace_keys required but missing: [org, ws]");
		assertThatExceptionOfType(AcpException.class).isThrownBy(() -> this.orgWs.derivePath(Map.of("org", "A")))
			.withMessage("namespace_keys required but missing: [ws]");
	}

	@Test
	void nonStringValueIsAViolation() {
		assertThat(codeOf(() -> this.org.derivePath(Map.of("org", 1)))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
		assertThat(codeOf(() -> this.org.derivePath(Map.of("org", List.of("A")))))
			.isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
		Map<String, Object> nullValue = new HashMap<>();
		nullValue.put("org", null);
		assertThat(codeOf(() -> this.org.derivePath(nullValue))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a b", "A!", "A/B", "ü", SEGMENT_33 })
	void invalidValueIsAViolation(String value) {
		assertThat(NamespaceKeys.isValidValue(value)).isFalse();
		assertThat(this.org.canDerivePath(Map.of("org", value))).isFalse();
		assertThat(codeOf(() -> this.org.derivePath(Map.of("org", value)))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A", "a.b_c-9", "0", "-", SEGMENT_32 })
	void validValuesDeriveAndParseBack(String value) {
		assertThat(NamespaceKeys.isValidValue(value)).isTrue();
		assertThat(this.org.canDerivePath(Map.of("org", value))).isTrue();
		assertThat(this.org.parsePath(this.org.derivePath(Map.of("org", value)))).isEqualTo(Map.of("org", value));
	}

	@Test
	void onlyStringsAreValidValues() {
		assertThat(NamespaceKeys.isValidValue(null)).isFalse();
		assertThat(NamespaceKeys.isValidValue(1)).isFalse();
		assertThat(NamespaceKeys.isValidValue(true)).isFalse();
	}

	@Test
	void parsedPathGivesTheValuesByKeyInKeyOrder() {
		assertThat(this.orgWs.parsePath("/A/X")).containsExactly(Map.entry("org", "A"), Map.entry("ws", "X"));
		assertThat(NamespaceKeys.parsePath("/X/A", List.of("ws", "org"))).containsExactly(Map.entry("ws", "X"),
				Map.entry("org", "A"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "", "/A", "A/X", "/A//X", "//A/X", "/A/X/", "/A/X/Y", "/A/X!", "/A/" + SEGMENT_33,
			"/A/ X" })
	void pathsWithoutExactlyOneValidSegmentPerKeyAreInvalid(String path) {
		assertThat(codeOf(() -> this.orgWs.parsePath(path))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "", "A", "/A/", "//A", "/A!", "/A/B" })
	void pathsForOneKeyAreStrict(String path) {
		assertThat(codeOf(() -> this.org.parsePath(path))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
	}

	@Test
	void invalidPathMessageShowsTheExpectedForm() {
		assertThatExceptionOfType(AcpException.class).isThrownBy(() -> this.orgWs.parsePath("/A//X"))
			.withMessage("namespace path must be /<org>/<ws>, each value matching ^[A-Za-z0-9._-]{1,32}$");
	}

	@Test
	@SpecItem("ACP-10.45")
	void connectOutcomesForAliceWithNamespaceKeyOrg() {
		Map<String, String> aliceTenant = Map.of("org", "A", "ws", "X");
		assertThat(this.org.checkConnect("/A", aliceTenant)).isEqualTo(new TenantScope(Map.of("org", "A")));
		assertThat(codeOf(() -> this.org.checkConnect("/", aliceTenant))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
		assertThat(codeOf(() -> this.org.checkConnect("/B", aliceTenant))).isEqualTo(AcpErrorCode.NAMESPACE_MISMATCH);
		assertThat(codeOf(() -> this.org.checkConnect("/A/", aliceTenant))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
		assertThat(codeOf(() -> this.org.checkConnect("//A", aliceTenant))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
		assertThat(codeOf(() -> this.org.checkConnect("/A!", aliceTenant))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
		assertThat(codeOf(() -> this.org.checkConnect("/" + SEGMENT_33, aliceTenant)))
			.isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
	}

	@Test
	void mismatchNamesTheKey() {
		assertThatExceptionOfType(AcpException.class)
			.isThrownBy(() -> this.orgWs.checkConnect("/A/Y", Map.of("org", "A", "ws", "X")))
			.withMessage("identity missing or mismatched key 'ws'");
		assertThatExceptionOfType(AcpException.class).isThrownBy(() -> this.orgWs.checkConnect("/A/X", Map.of()))
			.withMessage("identity missing or mismatched key 'org'");
	}

	@Test
	void connectComparesCaseSensitivelyAndOnlyStrings() {
		assertThat(codeOf(() -> this.org.checkConnect("/a", Map.of("org", "A"))))
			.isEqualTo(AcpErrorCode.NAMESPACE_MISMATCH);
		assertThat(codeOf(() -> this.org.checkConnect("/1", Map.of("org", 1))))
			.isEqualTo(AcpErrorCode.NAMESPACE_MISMATCH);
	}

	@Test
	void connectParsesThePathBeforeLookingAtTheIdentity() {
		assertThat(codeOf(() -> this.org.checkConnect("/A!", Map.of()))).isEqualTo(AcpErrorCode.NAMESPACE_INVALID);
	}

	@Test
	void emptyKeyListIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NamespaceKeys(List.of()))
			.withMessage("namespace keys must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> NamespaceKeys.parsePath("/", List.of()));
	}

	@Test
	void repeatedKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NamespaceKeys(List.of("org", "org")))
			.withMessage("namespace keys must be distinct, 'org' is repeated");
	}

	@Test
	void emptyOrNullKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NamespaceKeys(List.of("org", "")))
			.withMessage("namespace keys must not contain an empty key");
		assertThatIllegalArgumentException().isThrownBy(() -> new NamespaceKeys(Arrays.asList("org", null)))
			.withMessage("namespace keys must not contain an empty key");
	}

	@Test
	void keysThatNoThreadTenantCanHoldAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NamespaceKeys(List.of("k".repeat(65))))
			.withMessageContaining("longer than 64 characters");
		List<String> nine = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			nine.add("k" + i);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> new NamespaceKeys(nine))
			.withMessageContaining("at most 8 namespace keys");
	}

	@Test
	void keysAreCopied() {
		List<String> keys = new ArrayList<>(List.of("org"));
		NamespaceKeys namespaceKeys = new NamespaceKeys(keys);
		keys.add("ws");
		assertThat(namespaceKeys.keys()).containsExactly("org");
	}

	/**
	 * Asserts that the call is refused with a code sent only at Socket.IO connect, and
	 * returns that code.
	 */
	private static AcpErrorCode codeOf(ThrowingCallable call) {
		Throwable refusal = catchThrowable(call);
		assertThat(refusal).isInstanceOf(AcpException.class);
		assertThat(((AcpException) refusal).getStatus()).isZero();
		return ((AcpException) refusal).getCode();
	}

}
