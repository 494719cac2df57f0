package io.github.agentprotocols.appcontrol.unix;

import java.io.IOException;

/**
 * The peer sent a line longer than the {@link LineChannel} accepts.
 */
public class LineTooLongException extends IOException {

	private final int limit;

	public LineTooLongException(int limit) {
		super("line longer than " + limit + " bytes");
		this.limit = limit;
	}

	/**
	 * The longest line accepted, in bytes, without its newline.
	 * @return the limit
	 */
	public int getLimit() {
		return this.limit;
	}

}
