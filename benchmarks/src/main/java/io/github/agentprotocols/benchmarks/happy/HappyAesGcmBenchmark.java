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

package io.github.agentprotocols.benchmarks.happy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encrypt then decrypt of a 4 KB message in Happy's dataKey scheme (§3.2:
 * {@code 0x00 || nonce || ciphertext || tag}, AES-256-GCM) through {@link RecordKey},
 * against the raw primitive in the same run ({@code baseline}: the JDK's
 * {@code AES/GCM/NoPadding} cipher with a fresh random nonce). Goal: at least 0.9 of the
 * baseline's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HappyAesGcmBenchmark {

	private final SecureRandom random = new SecureRandom();

	private final byte[] plaintext = new byte[4096];

	private SecretKeySpec aesKey;

	private RecordKey recordKey;

	@Setup
	public void prepare() {
		byte[] key = new byte[32];
		this.random.nextBytes(this.plaintext);
		this.random.nextBytes(key);
		this.aesKey = new SecretKeySpec(key, "AES");
		this.recordKey = new RecordKey(key, EncryptionVariant.DATA_KEY);
	}

	@Benchmark
	public byte[] recordKey() {
		return this.recordKey.decrypt(this.recordKey.encrypt(this.plaintext));
	}

	@Benchmark
	public byte[] baseline() throws GeneralSecurityException {
		byte[] nonce = new byte[12];
		this.random.nextBytes(nonce);
		GCMParameterSpec parameters = new GCMParameterSpec(128, nonce);
		Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
		encrypt.init(Cipher.ENCRYPT_MODE, this.aesKey, parameters);
		byte[] sealed = encrypt.doFinal(this.plaintext);
		Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
		decrypt.init(Cipher.DECRYPT_MODE, this.aesKey, parameters);
		return decrypt.doFinal(sealed);
	}

}
