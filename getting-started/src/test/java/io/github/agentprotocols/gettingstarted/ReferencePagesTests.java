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

package io.github.agentprotocols.gettingstarted;

import java.nio.file.Path;
import java.util.List;

import io.github.agentprotocols.testsupport.GeneratedPage;
import io.github.agentprotocols.testsupport.ObservabilityReference;
import io.github.agentprotocols.testsupport.PropertyReference;
import io.github.agentprotocols.testsupport.ReferenceModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/properties.md and docs/reference/observability.md are the pages
 * generated from the starters on this module's class path and from their sources. Run
 * with {@code -Dreference.write=true} to write them.
 */
class ReferencePagesTests {

	private static final List<ReferenceModule> MODULES = List.of(
			new ReferenceModule("HPP", "hpp-spring-boot-starter", "hpp", "io.github.agentprotocols.hpp",
					"reference/hpp.md"),
			new ReferenceModule("LIME", "lime-site-starter", "lime", "io.github.agentprotocols.lime",
					"reference/lime.md"),
			new ReferenceModule("ACP", "acp-server-starter", "acp", "io.github.agentprotocols.acp", "reference/acp.md"),
			new ReferenceModule("app-control", "appcontrol-protocol", "app-control",
					"io.github.agentprotocols.appcontrol", "reference/appcontrol.md"),
			new ReferenceModule("Happy", "happy-client-starter", "happy", "io.github.agentprotocols.happy",
					"reference/happy.md"));

	private static final String REGENERATE = "./mvnw -B -ntp -q -pl getting-started -am -Dtest=ReferencePagesTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dreference.write=true test";

	private static final Path DOCS = Path.of("../docs/reference");

	@Test
	void propertiesPageIsGeneratedFromTheConfigurationMetadata() {
		PropertyReference reference = PropertyReference.read(getClass().getClassLoader(), MODULES);
		assertThat(reference.names()).contains("hpp.enabled", "lime.enabled", "acp.enabled", "app-control.enabled",
				"happy.enabled");
		assertThat(reference.undescribed()).as("properties without a description (the Javadoc of their field)")
			.isEmpty();
		GeneratedPage.check(DOCS.resolve("properties.md"),
				reference.render(intro("the starters' configuration metadata")), REGENERATE);
	}

	@Test
	void observabilityPageIsGeneratedFromTheCode() {
		ObservabilityReference reference = ObservabilityReference.of(MODULES, getClass().getClassLoader(),
				Path.of(".."));
		GeneratedPage.check(DOCS.resolve("observability.md"), reference.render(intro("the starters' code")),
				REGENERATE);
	}

	private static String intro(String source) {
		return "Generated from " + source
				+ " by the build: do not edit it ([regenerate it](../../CONTRIBUTING.md#documentation)).";
	}

}
