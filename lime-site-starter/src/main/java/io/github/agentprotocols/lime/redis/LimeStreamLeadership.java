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

package io.github.agentprotocols.lime.redis;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.sse.LimeEventDispatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.event.DefaultLeaderEventPublisher;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Runs the {@link LimeEventDispatcher} on one instance of the site at a time, under a
 * lease: Spring Integration's {@link LockRegistryLeaderInitiator} over a distributed
 * {@link LockRegistry} (a {@code RedisLockRegistry} whose locks expire after the lease
 * time). The instance holding the lock reads the stream and renews the lock every third
 * of the lease; the others try to take it, and do once the holder released it or, when
 * the holder died, once its lock expired. A holder that fails to renew (the lock expired
 * and another took it, or Redis is unreachable) stops its dispatcher at once; against a
 * Redis out of reach, a renewal fails only after the client's command timeout, and the
 * lease counts as {@linkplain #isLost() lost} from one lease time after the last renewal.
 * Granting and revoking are also published as Spring Integration's {@code OnGrantedEvent}
 * and {@code OnRevokedEvent} for the role {@value #ROLE}.
 * <p>
 * Stopping releases the lease, waiting at most the lease time for that, so that another
 * instance takes over without waiting for the lock to expire.
 */
public class LimeStreamLeadership implements SmartLifecycle, LimeStreamLease {

	/**
	 * The leadership role, also the key of the lock in the registry.
	 */
	public static final String ROLE = "lime-event-stream";

	private static final Log logger = LogFactory.getLog(LimeStreamLeadership.class);

	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("lime-lease-");

	private final LockRegistryLeaderInitiator initiator;

	private final LimeEventDispatcher dispatcher;

	private final Duration leaseTime;

	private final Object monitor = new Object();

	private volatile boolean held;

	private volatile boolean everHeld;

	/** When an attempt to take or renew the lease last reached Redis, in nanoseconds. */
	private volatile long lastReached;

	private CountDownLatch released = new CountDownLatch(0);

	/**
	 * Create the leadership.
	 * @param locks the registry of the lease's lock, whose locks expire after
	 * {@code leaseTime}
	 * @param dispatcher the dispatcher to run while the lease is held
	 * @param leaseTime how long the lock outlives its last renewal
	 * @param eventPublisher where granting and revoking are published, or {@code null}
	 */
	public LimeStreamLeadership(LockRegistry<?> locks, LimeEventDispatcher dispatcher, Duration leaseTime,
			@Nullable ApplicationEventPublisher eventPublisher) {
		this.dispatcher = dispatcher;
		this.leaseTime = leaseTime;
		this.initiator = new LockRegistryLeaderInitiator(new WatchedLocks(locks), new StreamCandidate());
		this.initiator.setHeartBeatMillis(Math.max(1, leaseTime.toMillis() / 3));
		this.initiator.setTaskExecutor(this.executor);
		this.initiator.setLeaderEventPublisher((eventPublisher != null)
				? new DefaultLeaderEventPublisher(eventPublisher) : new DefaultLeaderEventPublisher());
	}

	/**
	 * Whether the thread that takes and renews the lease, and runs the stream while it is
	 * held, is a virtual thread; a platform thread unless set. Takes effect at
	 * {@link #start()}.
	 * @param virtualThreads whether to use a virtual thread, which needs Java 21 or later
	 * @throws UnsupportedOperationException for {@code true} before Java 21
	 */
	public void setVirtualThreads(boolean virtualThreads) {
		this.executor.setVirtualThreads(virtualThreads);
	}

	@Override
	public boolean isHeld() {
		return this.held;
	}

	/**
	 * Whether this instance held the lease and no attempt to renew or take it has reached
	 * Redis for longer than the lease time: an attempt waits for Redis as long as the
	 * client's command timeout (60 s by default with Lettuce) before the lease is
	 * revoked, while the lock expires in Redis after the lease time. An attempt that
	 * finds the lease taken by another instance ends it.
	 */
	@Override
	public boolean isLost() {
		return this.everHeld && System.nanoTime() - this.lastReached > this.leaseTime.toNanos();
	}

	@Override
	public void start() {
		this.initiator.start();
	}

	/**
	 * Stop taking part: release the lease when held, waiting for that at most the lease
	 * time, and stop the dispatcher.
	 */
	@Override
	public void stop() {
		CountDownLatch releasing;
		synchronized (this.monitor) {
			releasing = this.released;
		}
		this.initiator.stop();
		try {
			if (!releasing.await(this.leaseTime.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("The lease of the LIME event stream was not released within " + this.leaseTime
						+ "; another instance takes over once it expires");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.dispatcher.stop();
	}

	@Override
	public boolean isRunning() {
		return this.initiator.isRunning();
	}

	/**
	 * The lease's locks, telling whether the initiator's attempts to take or renew the
	 * lease reach Redis.
	 */
	private final class WatchedLocks implements LockRegistry<Lock> {

		private final LockRegistry<?> locks;

		WatchedLocks(LockRegistry<?> locks) {
			this.locks = locks;
		}

		@Override
		public Lock obtain(Object lockKey) {
			return new WatchedLock(this.locks.obtain(lockKey));
		}

	}

	private final class WatchedLock implements Lock {

		private final Lock lock;

		WatchedLock(Lock lock) {
			this.lock = lock;
		}

		@Override
		public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
			boolean locked = this.lock.tryLock(time, unit);
			LimeStreamLeadership.this.lastReached = System.nanoTime();
			return locked;
		}

		@Override
		public void lock() {
			this.lock.lock();
		}

		@Override
		public void lockInterruptibly() throws InterruptedException {
			this.lock.lockInterruptibly();
		}

		@Override
		public boolean tryLock() {
			return this.lock.tryLock();
		}

		@Override
		public void unlock() {
			this.lock.unlock();
		}

		@Override
		public Condition newCondition() {
			return this.lock.newCondition();
		}

	}

	/**
	 * Starts the dispatcher when the lease is granted and stops it when the lease is lost
	 * or released.
	 */
	private final class StreamCandidate extends AbstractCandidate {

		StreamCandidate() {
			super(UUID.randomUUID().toString(), ROLE);
		}

		@Override
		public void onGranted(Context context) {
			synchronized (LimeStreamLeadership.this.monitor) {
				LimeStreamLeadership.this.released = new CountDownLatch(1);
				LimeStreamLeadership.this.held = true;
				LimeStreamLeadership.this.everHeld = true;
			}
			logger.info("This instance holds the lease of the LIME event stream and reads it");
			LimeStreamLeadership.this.dispatcher.start();
		}

		@Override
		public void onRevoked(Context context) {
			LimeStreamLeadership.this.dispatcher.stop();
			CountDownLatch releasing;
			synchronized (LimeStreamLeadership.this.monitor) {
				LimeStreamLeadership.this.held = false;
				releasing = LimeStreamLeadership.this.released;
			}
			releasing.countDown();
			logger.info("This instance no longer holds the lease of the LIME event stream");
		}

	}

}
