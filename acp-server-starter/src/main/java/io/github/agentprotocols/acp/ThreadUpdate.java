package io.github.agentprotocols.acp;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A patched thread (spec §4.4).
 *
 * @param previous the thread before the patch
 * @param thread the thread after it, {@code updatedAt} increased
 * @param tenantChanged the {@code thread.tenant_changed} event when the tenant changed,
 * else {@code null}
 */
public record ThreadUpdate(AcpThread previous, AcpThread thread, @Nullable Event tenantChanged) implements StoreWrite {

	@Override
	public List<Event> events() {
		return (this.tenantChanged != null) ? List.of(this.tenantChanged) : List.of();
	}

}
