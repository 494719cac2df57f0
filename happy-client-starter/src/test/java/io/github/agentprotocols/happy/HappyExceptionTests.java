package io.github.agentprotocols.happy;

import java.util.List;

import io.github.agentprotocols.happy.core.HappyAuthenticationException;
import io.github.agentprotocols.happy.core.HappyEncryptionException;
import io.github.agentprotocols.happy.core.HappyException;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HappyExceptionTests {

	@SpecItem("HAPPY-10.13")
	@Test
	void everyExceptionIsAnUncheckedHappyException() {
		List<HappyException> all = List.of(new HappyAuthenticationException("a"), new MachineOfflineException("b"),
				new SessionNotFoundException("s1"), new SpawnException("c"), new HappyTimeoutException("d"),
				new HappyEncryptionException("e"), new HappyConnectionException("f"), new MetadataUpdateException("g"),
				new MetadataConflictException("h", "s1"));
		assertThat(all).allSatisfy((exception) -> assertThat(exception).isInstanceOf(RuntimeException.class));
		assertThat(all).extracting((exception) -> exception.getClass().getSimpleName()).doesNotHaveDuplicates();
	}

	@SpecItem("HAPPY-10.5")
	@Test
	void sessionNotFoundNamesTheSession() {
		SessionNotFoundException exception = new SessionNotFoundException("cm123", new IllegalStateException("404"));
		assertThat(exception).hasMessage("Session not found: cm123").hasCauseInstanceOf(IllegalStateException.class);
		assertThat(exception.sessionId()).isEqualTo("cm123");
	}

	@Test
	void metadataConflictIsAMetadataUpdateFailureCarryingTheSession() {
		MetadataUpdateException exception = new MetadataConflictException("too many version-mismatch acks", "cm1");
		assertThat(exception.sessionId()).isEqualTo("cm1");
		assertThat(new MetadataUpdateException("no ack").sessionId()).isNull();
	}

}
