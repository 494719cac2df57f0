package io.github.agentprotocols.lime.test.context;

import java.lang.reflect.Method;

import io.github.agentprotocols.testsupport.BackgroundStart;
import io.github.agentprotocols.lime.test.FakeLimeApi;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the starter's {@code LimeConnectionDetails} for a fake, when the LIME site
 * starter is on the class path: the way {@code @ServiceConnection} plugs a service in,
 * beside the properties of {@link FakeLimeApiInitializer}. The kit does not depend on the
 * starter (the starter's tests use the kit), so the type and its {@code of(apiBase,
 * siteToken)} factory are looked up by name.
 */
final class FakeLimeConnectionDetails {

	/** Name of the connection details bean. */
	static final String BEAN_NAME = "fakeLimeApiConnectionDetails";

	private static final String TYPE = "io.github.agentprotocols.lime.autoconfigure.LimeConnectionDetails";

	private FakeLimeConnectionDetails() {
	}

	static void register(ConfigurableApplicationContext context, BackgroundStart<FakeLimeApi> fake) {
		ClassLoader classLoader = context.getClassLoader();
		if (!ClassUtils.isPresent(TYPE, classLoader)) {
			return;
		}
		Class<Object> type = resolve(classLoader);
		Method of = ReflectionUtils.findMethod(type, "of", String.class, String.class);
		if (of == null) {
			throw new IllegalStateException(TYPE + " has no of(String, String) factory");
		}
		fake.registerBean(context, BEAN_NAME, type,
				(started) -> type.cast(ReflectionUtils.invokeMethod(of, null, started.baseUrl(), started.siteToken())));
	}

	@SuppressWarnings("unchecked")
	private static Class<Object> resolve(ClassLoader classLoader) {
		return (Class<Object>) ClassUtils.resolveClassName(TYPE, classLoader);
	}

}
