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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TenantScopeTests {

	static List<Arguments> truthTable() {
		return List.of(Arguments.of(1, Map.of("org", "A", "ws", "X"), tenant(Map.of("org", "A", "ws", "X")), true),
				Arguments.of(2, Map.of("org", "A", "ws", "X"), tenant(Map.of("org", "A", "ws", "Y")), false),
				Arguments.of(3, Map.of("org", "A"), tenant(Map.of("org", "A", "ws", "X")), true),
				Arguments.of(4, Map.of(), tenant(Map.of()), true),
				Arguments.of(4, Map.of(), tenant(Map.of("org", "B")), true),
				Arguments.of(5, Map.of("org", "A"), tenant(Map.of()), false),
				Arguments.of(6, Map.of("org", "A"), tenant(Map.of("org", "a")), false),
				Arguments.of(7, Map.of("org", "A", "ws", "X"), tenant(Map.of("org", "A")), false),
				Arguments.of(8, Map.of("org", "A"), tenant(Map.of("org", "B", "ws", "X")), false),
				Arguments.of(9, Map.of("org", "1"), Map.of("tenant", Map.of("org", 1)), false),
				Arguments.of(10, Map.of("org", "A"), Map.of("tenant", "A"), false));
	}

	private static Map<String, Object> tenant(Map<String, String> tenant) {
		return Map.of("tenant", tenant);
	}

	@ParameterizedTest(name = "row {0}")
	@MethodSource("truthTable")
	@SpecItem("ACP-10.1")
	void subsetMatchReproducesTheTruthTable(int row, Map<String, String> threadTenant,
			Map<String, Object> identityMetadata, boolean visible) {
		Identity identity = new Identity(IdentityRole.USER, "u", "U", identityMetadata);
		assertThat(TenantScope.of(threadTenant).isVisibleTo(identity.tenant())).isEqualTo(visible);
	}

	@Test
	void identityTenantKeepsOnlyStringValues() {
		Map<String, Object> tenant = new LinkedHashMap<>();
		tenant.put("org", "A");
		tenant.put("admin", true);
		tenant.put("level", 1);
		tenant.put("teams", List.of("x"));
		Identity identity = new Identity(IdentityRole.USER, "u", "U", Map.of("tenant", tenant));
		assertThat(identity.tenant()).isEqualTo(new TenantScope(Map.of("org", "A")));
	}

	@Test
	void identityWithoutTenantHasTheEmptyScope() {
		assertThat(Identity.user("u", "U").tenant()).isEqualTo(TenantScope.PUBLIC);
	}

	@Test
	void subsetsAreEverySubScopeOnce() {
		List<TenantScope> subsets = new TenantScope(Map.of("org", "A", "ws", "X", "team", "T")).subsets();
		assertThat(subsets).hasSize(8)
			.doesNotHaveDuplicates()
			.contains(TenantScope.PUBLIC, new TenantScope(Map.of("org", "A", "ws", "X", "team", "T")),
					new TenantScope(Map.of("ws", "X")));
	}

	@Test
	void subsetExpansionRefusesMoreThanEightKeys() {
		Map<String, String> nine = new LinkedHashMap<>();
		for (int i = 0; i < 9; i++) {
			nine.put("k" + i, "v");
		}
		assertThatIllegalStateException().isThrownBy(() -> new TenantScope(nine).subsets());
	}

	@Test
	void threadScopeLimitsAreInvalidRequests() {
		Map<String, String> nine = new LinkedHashMap<>();
		for (int i = 0; i < 9; i++) {
			nine.put("k" + i, "v");
		}
		assertInvalid(() -> TenantScope.of(nine));
		assertInvalid(() -> TenantScope.of(Map.of("k".repeat(65), "v")));
		assertInvalid(() -> TenantScope.of(Map.of("", "v")));
		assertInvalid(() -> TenantScope.of(Map.of("org", "v".repeat(257))));
		assertInvalid(() -> TenantScope.of(Map.of("org", "")));
		assertThat(TenantScope.of(Map.of("k".repeat(64), "v".repeat(256))).entries()).hasSize(1);
	}

	static void assertInvalid(Runnable action) {
		assertThatExceptionOfType(AcpException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(AcpErrorCode.INVALID_REQUEST))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(400));
	}

}
