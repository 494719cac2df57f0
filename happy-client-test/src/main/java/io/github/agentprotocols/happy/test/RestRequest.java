package io.github.agentprotocols.happy.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A REST request as the fake's routes see it.
 *
 * @param method the HTTP method
 * @param path the decoded path, without query
 * @param uri the path and query as sent, echoed by 404 answers
 * @param query the first value of each query parameter
 * @param authorization the {@code Authorization} header, if any
 * @param body the body, empty if none
 */
record RestRequest(String method, String path, String uri, Map<String, String> query, @Nullable String authorization,
		String body) {

}
