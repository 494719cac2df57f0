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

package io.github.agentprotocols.lime;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.agentprotocols.testsupport.SpecItemMarks;
import io.github.agentprotocols.testsupport.SpecItemTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance tables of {@code contributing/conformance/lime.md} (the reference test
 * suite of spec §7 and the weaknesses of §8) against the {@code @SpecItem} annotations of
 * this module's tests, which generate their test cells. The user page
 * {@code docs/lime.md} summarises their items per section. Run with
 * {@code -Dreference.write=true} to write them.
 */
class LimeConformanceTableTests {

	private static final String REGENERATE = "./mvnw -B -ntp -q -pl lime-site-starter -am -Dtest=LimeConformanceTableTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dreference.write=true test";

	private static final Stream<String> REFERENCE_TESTS = Stream.of(
			// HTTP client
			"get_public_success", "post_sends_site_token", "api_error_mapping", "rate_limit_error",
			"authentication_error", "site_suspended_maps_to_auth", "retry_on_503_then_success", "no_retry_on_400",
			"invalid_json_raises", "unexpected_payload_shape", "success_missing_data", "error_missing_error_object",
			"transport_error_retries_then_raises", "owned_client_closed_on_aclose", "stream_accepts_extra_headers",
			// SSE parsing and classification
			"parse_valid", "parse_invalid", "parse_non_object", "classify_keepalive", "classify_approved",
			"classify_expired", "classify_error", "classify_approved_missing_jwt", "classify_unknown_type",
			"classify_missing_request_id", "iter_data_payloads", "skips_empty_data",
			// dispatcher
			"approved_invokes_handler", "expired_passport_none", "multiple_handlers", "handler_error_continues",
			"reconnect_after_disconnect", "sse_http_error_reconnects", "error_frame_logged", "stopped_mid_stream",
			"invalid_json_logs_and_continues", "cancelled_error_propagates", "stopped_after_stream_error_breaks",
			"dispatch_event_skips_missing_request_id", "stop_cancels_run",
			// passport and JWKS
			"verify_valid_jwt", "jwks_cache_avoids_refetch", "unknown_kid_raises_when_not_in_jwks",
			"kid_miss_triggers_jwks_refresh", "bad_signature", "wrong_audience", "expired_jwt", "ttl_too_long",
			"request_id_mismatch", "missing_kid_header", "jwks_missing_keys_array", "missing_exp_or_iat",
			"non_dict_claims_raises", "skips_malformed_jwk_entries",
			// facade, lifecycle, types, live
			"create_login_request", "full_mock_flow_with_on_login", "missing_token_raises",
			"construct_without_loop_raises", "reads_token_from_env", "reads_base_url_from_env", "context_manager",
			"on_login_decorator_registers_handler", "legacy_login_result", "live_full_cycle");

	private final SpecItemTable table = SpecItemTable.read(Path.of("../contributing/conformance/lime.md"));

	private final SpecItemMarks marks = SpecItemMarks.scan(getClass().getClassLoader(),
			"io.github.agentprotocols.lime");

	@Test
	void docsTablesAndAnnotatedTestsAgree() {
		assertThat(this.table.disagreementsWith(this.marks)).isEmpty();
	}

	@Test
	void docsTestCellsAreGeneratedFromTheAnnotations() {
		this.table.checkTestCells(this.marks, REGENERATE);
	}

	@Test
	void userSummaryCountsTheItemsOfEachSection() {
		this.table.checkSummary(Path.of("../docs/lime.md"), REGENERATE);
	}

	@Test
	void docsTablesListEveryReferenceTestAndEveryWeakness() {
		Stream<String> referenceTests = REFERENCE_TESTS.map((name) -> "LIME-7." + name);
		Stream<String> weaknesses = IntStream.rangeClosed(1, 11).mapToObj((item) -> "LIME-8." + item);
		assertThat(this.table.ids()).containsAll(Stream.concat(referenceTests, weaknesses).toList());
	}

}
