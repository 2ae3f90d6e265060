package org.unionplatform.infrastructure;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;

/**
 * Holds back the reply to a write until {@link GroupCommit} has it on disk, without blocking the connection's
 * event loop (other connections on it go on being served meanwhile). The backend marks the connection with the
 * write's ticket ({@link #awaitDurable}) on the event loop thread that then sends the reply, so the reply this
 * handler sees next is that write's. The MongoDB drivers send one request at a time per connection, so no later
 * reply can overtake a held one.
 * <p>
 * If the store cannot be committed the connection is closed instead: the client sees a network error, never an
 * acknowledgement of a write that may be lost.
 */
final class DurableAcknowledgements extends ChannelOutboundHandlerAdapter {

    static final String NAME = "durable-acknowledgements";
    private static final AttributeKey<Long> TICKET = AttributeKey.valueOf("union-platform.durable-ticket");

    private final GroupCommit groupCommit;

    private DurableAcknowledgements(GroupCommit groupCommit) {
        this.groupCommit = groupCommit;
    }

    /** Marks the next reply on {@code channel} as one to send only once {@code ticket} is durable. */
    static void awaitDurable(Channel channel, GroupCommit groupCommit, long ticket) {
        if (channel.pipeline().get(NAME) == null) {
            channel.pipeline().addLast(NAME, new DurableAcknowledgements(groupCommit));
        }
        channel.attr(TICKET).set(ticket);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {
        Long ticket = ctx.channel().attr(TICKET).getAndSet(null);
        if (ticket == null) {
            ctx.write(reply, promise);
            return;
        }
        groupCommit.whenDurable(ticket,
                () -> ctx.executor().execute(() -> ctx.writeAndFlush(reply, promise)),
                failure -> ctx.executor().execute(() -> {
                    promise.tryFailure(failure);
                    ctx.close();
                }));
    }
}
