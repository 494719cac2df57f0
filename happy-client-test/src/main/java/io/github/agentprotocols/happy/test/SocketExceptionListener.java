package io.github.agentprotocols.happy.test;

import java.io.IOException;

import com.corundumstudio.socketio.listener.DefaultExceptionListener;
import io.netty.channel.ChannelHandlerContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * netty-socketio's exception logging, with I/O failures of a connection (a peer process
 * that exits without closing its socket: {@code Connection reset}) at debug level: they
 * are normal in tests that stop agents and daemons.
 */
final class SocketExceptionListener extends DefaultExceptionListener {

	private static final Log logger = LogFactory.getLog(SocketExceptionListener.class);

	@Override
	public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
		if (cause instanceof IOException) {
			logger.debug("Socket connection failed: " + cause.getMessage());
			ctx.close();
			return true;
		}
		return super.exceptionCaught(ctx, cause);
	}

}
