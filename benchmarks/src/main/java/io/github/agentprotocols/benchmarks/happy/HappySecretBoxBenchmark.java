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

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import io.github.agentprotocols.happy.crypto.EncryptionVariant;
import io.github.agentprotocols.happy.crypto.RecordKey;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
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
 * Encrypt then decrypt of a 4 KB message in Happy's legacy scheme (§3.1:
 * {@code nonce || MAC || ciphertext}, NaCl secretbox) through {@link RecordKey}, against
 * the raw primitive in the same run ({@code baseline}: BouncyCastle's XSalsa20 and
 * Poly1305 driven directly, with a fresh random nonce as well). Goal: at least 0.9 of the
 * baseline's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HappySecretBoxBenchmark {

	private final SecureRandom random = new SecureRandom();

	private final byte[] plaintext = new byte[4096];

	private final byte[] key = new byte[32];

	private RecordKey recordKey;

	@Setup
	public void prepare() {
		this.random.nextBytes(this.plaintext);
		this.random.nextBytes(this.key);
		this.recordKey = new RecordKey(this.key, EncryptionVariant.LEGACY);
	}

	@Benchmark
	public byte[] recordKey() {
		return this.recordKey.decrypt(this.recordKey.encrypt(this.plaintext));
	}

	@Benchmark
	public byte[] baseline() {
		byte[] nonce = new byte[24];
		this.random.nextBytes(nonce);
		byte[] ciphertext = new byte[this.plaintext.length];
		byte[] tag = xsalsa20Poly1305(nonce, this.plaintext, ciphertext, false);
		byte[] decrypted = new byte[ciphertext.length];
		byte[] check = xsalsa20Poly1305(nonce, ciphertext, decrypted, true);
		if (!MessageDigest.isEqual(tag, check)) {
			throw new IllegalStateException("tag mismatch");
		}
		return decrypted;
	}

	/** Streams {@code in} into {@code out} and returns the tag of the ciphertext side. */
	private byte[] xsalsa20Poly1305(byte[] nonce, byte[] in, byte[] out, boolean inIsCiphertext) {
		XSalsa20Engine engine = new XSalsa20Engine();
		engine.init(true, new ParametersWithIV(new KeyParameter(this.key), nonce));
		byte[] polyKey = new byte[32];
		engine.processBytes(polyKey, 0, 32, polyKey, 0);
		Poly1305 poly = new Poly1305();
		poly.init(new KeyParameter(polyKey));
		engine.processBytes(in, 0, in.length, out, 0);
		byte[] ciphertext = inIsCiphertext ? in : out;
		poly.update(ciphertext, 0, ciphertext.length);
		byte[] tag = new byte[16];
		poly.doFinal(tag, 0);
		return tag;
	}

}
