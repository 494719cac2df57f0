package io.github.agentprotocols.acp;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a thread is created with (the body of {@code POST /threads}, spec §4.1).
 *
 * @param tenant the tenant scope, within the limits of §1.1 ({@code null} becomes
 * {@link TenantScope#PUBLIC})
 * @param metadata opaque metadata, at most 64 KiB as JSON ({@code null} becomes empty)
 */
public record NewThread(TenantScope tenant, Map<String, Object> metadata) {

	public NewThread {
		tenant = Objects.requireNonNullElse(tenant, TenantScope.PUBLIC).requireWithinLimits();
		metadata = JsonValues.metadata(metadata, "metadata");
	}

	/**
	 * A thread with the given scope and empty metadata.
	 * @param tenant the tenant scope
	 * @return the new thread's description
	 */
	public static NewThread withTenant(@Nullable TenantScope tenant) {
		return new NewThread(tenant, null);
	}

}
