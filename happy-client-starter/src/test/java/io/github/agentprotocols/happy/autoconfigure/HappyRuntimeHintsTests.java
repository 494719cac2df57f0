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

package io.github.agentprotocols.happy.autoconfigure;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.agentprotocols.commons.autoconfigure.AgentProtocolsAutoConfiguration;
import io.github.agentprotocols.happy.crypto.AuthChallenge;
import io.github.agentprotocols.happy.wire.Ephemeral;
import io.github.agentprotocols.happy.wire.RpcAck;
import io.github.agentprotocols.happy.wire.Update;
import io.github.agentprotocols.happy.wire.UpdateEnvelope;
import io.github.agentprotocols.testsupport.AotProcessing;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration, with a client configured, passes Spring's AOT processing and
 * registers, through {@code @ImportRuntimeHints}, the types Jackson binds on the Happy
 * wire.
 */
class HappyRuntimeHintsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AgentProtocolsAutoConfiguration.class, HappyAutoConfiguration.class))
		.withPropertyValues("happy.home-dir=" + HappyAutoConfigurationTests.NO_HOME, "happy.token=t",
				"happy.secret=" + Base64.getEncoder().encodeToString(new byte[32]));

	@Test
	void aotProcessingRegistersTheWireTypes() {
		RuntimeHints hints = processAheadOfTime();
		for (Class<?> type : List.of(UpdateEnvelope.class, Update.NewMessage.class, Ephemeral.Activity.class,
				RpcAck.class, AuthChallenge.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(RpcAck.class, "ok")).accepts(hints);
	}

	@Test
	void everyRecordOfTheWirePackageIsRegistered() throws Exception {
		RuntimeHints hints = processAheadOfTime();
		List<Class<?>> records = wireRecords();
		assertThat(records).hasSizeGreaterThanOrEqualTo(25);
		for (Class<?> type : records) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(type.getDeclaredConstructors()[0]))
				.as(type.getName())
				.accepts(hints);
		}
	}

	private RuntimeHints processAheadOfTime() {
		return AotProcessing.of(this.contextRunner).hints();
	}

	private static List<Class<?>> wireRecords() throws Exception {
		List<Class<?>> records = new ArrayList<>();
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/agentprotocols/happy/wire/*.class")) {
			Class<?> type = Class.forName(readers.getMetadataReader(resource).getClassMetadata().getClassName());
			if (type.isRecord()) {
				records.add(type);
			}
		}
		return records;
	}

}
