package io.hussh.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that forwards to a local port, counts the bytes it forwards in each direction, and can cut
 * a connection for real after a given number of bytes: both sockets are closed, as when a link dies.
 */
public final class FaultProxy implements AutoCloseable {

    /** Direction of traffic: client to server (uploads) or server to client (downloads). */
    public enum Direction { UPSTREAM, DOWNSTREAM }

    private final int targetPort;
    private final ServerSocket server;
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicLong downstream = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Direction dropDirection;
    private volatile long dropAfter = -1;
    private volatile boolean stall;
    private volatile boolean repeat;
    private volatile long bytesPerSecond;
    private volatile int drops;
    /** Only the first connection to reach the limit is cut ({@link #dropFirstToReach}), and whether it was yet. */
    private volatile boolean onlyFirst;
    private final AtomicBoolean firstCut = new AtomicBoolean();

    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Cuts the next connection once it has forwarded {@code bytes} in {@code direction}; later ones pass. */
    public void dropOnceAfter(Direction direction, long bytes) {
        onlyFirst = false;
        this.dropDirection = direction;
        this.dropAfter = bytes;
        this.stall = false;
        this.repeat = false;
    }

    /**
     * Cuts the first connection, of those opened from now on, to forward {@code bytes} in {@code direction}; the
     * others, and later ones, pass: one of several connections breaks, whichever carries the most.
     */
    public void dropFirstToReach(Direction direction, long bytes) {
        dropEveryConnectionAfter(direction, bytes);
        firstCut.set(false);
        onlyFirst = true;
    }

    /** Cuts every connection from now on once it has forwarded {@code bytes} in {@code direction}. */
    public void dropEveryConnectionAfter(Direction direction, long bytes) {
        dropOnceAfter(direction, bytes);
        this.repeat = true;
    }

    /**
     * Makes the next connection stop forwarding in {@code direction} after {@code bytes}, keeping both sockets open:
     * a link that goes silent instead of failing.
     */
    public void stallOnceAfter(Direction direction, long bytes) {
        this.dropDirection = direction;
        this.dropAfter = bytes;
        this.stall = true;
        this.repeat = false;
    }

    /** Limits each direction of every connection to {@code bytesPerSecond}; 0 lifts the limit. */
    public void throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    public long upstreamBytes() {
        return upstream.get();
    }

    public long downstreamBytes() {
        return downstream.get();
    }

    public int drops() {
        return drops;
    }

    public void resetCounters() {
        upstream.set(0);
        downstream.set(0);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket();
                try {
                    target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                } catch (IOException serverDown) {
                    // as a server that is down would: the client's connection ends, the next one is tried again
                    client.close();
                    target.close();
                    continue;
                }
                sockets.add(client);
                sockets.add(target);
                Direction direction = dropDirection;
                long limit = dropAfter;
                boolean stalls = stall;
                boolean first = onlyFirst;
                if (!repeat) {
                    dropAfter = -1;
                }
                Connection connection = new Connection(client, target);
                pump(connection, client, target, upstream, direction == Direction.UPSTREAM ? limit : -1, stalls, first);
                pump(connection, target, client, downstream, direction == Direction.DOWNSTREAM ? limit : -1, stalls,
                        first);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new IllegalStateException("fault proxy accept failed", e);
                }
            }
        }
    }

    private void pump(Connection connection, Socket from, Socket to, AtomicLong counter, long limit, boolean stalls,
                      boolean first) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            long forwarded = 0;
            long started = System.nanoTime();
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (limit >= 0 && forwarded + n >= limit && (!first || firstCut.compareAndSet(false, true))) {
                        int allowed = (int) (limit - forwarded);
                        out.write(buffer, 0, allowed);
                        counter.addAndGet(allowed);
                        drops++;
                        if (stalls) {
                            closed.await();
                        }
                        connection.cut();
                        return;
                    }
                    out.write(buffer, 0, n);
                    forwarded += n;
                    counter.addAndGet(n);
                    long rate = bytesPerSecond;
                    if (rate > 0) {
                        long due = started + forwarded * 1_000_000_000L / rate;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
            } catch (IOException e) {
                // the other direction closed the sockets, or the peer went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                connection.cut();
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private record Connection(Socket client, Socket target) {
        void cut() {
            closeQuietly(client);
            closeQuietly(target);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that is already failing
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        sockets.forEach(FaultProxy::closeQuietly);
    }
}
