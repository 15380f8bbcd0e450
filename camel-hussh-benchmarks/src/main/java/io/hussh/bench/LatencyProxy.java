package io.hussh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that delays each direction by a fixed time without limiting its throughput, counts the bytes
 * on the wire, and can cut every connection after a number of upstream bytes (a link that keeps failing).
 * <p>
 * Every chunk read is stamped with its release time and queued; a separate writer sends it when that time comes. So
 * the delay adds to the round trip once, as a longer cable would, instead of once per chunk as sleeping in the read
 * loop would.
 */
final class LatencyProxy implements AutoCloseable {

    private final int targetPort;
    private final long delayNanos;
    private final ServerSocket server;
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicLong downstream = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile long dropEvery = -1;

    LatencyProxy(int targetPort, int delayMillis) throws IOException {
        this.targetPort = targetPort;
        this.delayNanos = delayMillis * 1_000_000L;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("latency-proxy-accept", this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Cuts each connection, as a dying link would, once it has carried {@code bytes} upstream; -1 never. */
    void dropEvery(long bytes) {
        dropEvery = bytes;
    }

    /** Bytes forwarded in both directions since the last reset. */
    long wireBytes() {
        return upstream.get() + downstream.get();
    }

    void resetCounters() {
        upstream.set(0);
        downstream.set(0);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket();
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                for (Socket socket : List.of(client, target)) {
                    socket.setTcpNoDelay(true);
                    sockets.add(socket);
                }
                Runnable cut = () -> {
                    close(client);
                    close(target);
                    sockets.removeAll(List.of(client, target));
                };
                forward(client, target, upstream, dropEvery, cut);
                forward(target, client, downstream, -1, cut);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new IllegalStateException("latency proxy accept failed", e);
                }
            }
        }
    }

    private record Chunk(long releaseAt, byte[] bytes) {
    }

    /** One direction: a reader that stamps and queues chunks, a writer that sends them when due. */
    private void forward(Socket from, Socket to, AtomicLong counter, long cutAfter, Runnable cut) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Chunk end = new Chunk(0, new byte[0]);
        daemon("latency-proxy-read", () -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the link was cut, or the peer went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            queue.add(end);
        });
        daemon("latency-proxy-write", () -> {
            long forwarded = 0;
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk chunk = queue.take(); chunk != end; chunk = queue.take()) {
                    long wait = chunk.releaseAt() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int length = chunk.bytes().length;
                    if (cutAfter >= 0 && forwarded + length >= cutAfter) {
                        length = (int) (cutAfter - forwarded);
                    }
                    out.write(chunk.bytes(), 0, length);
                    forwarded += length;
                    counter.addAndGet(length);
                    if (forwarded == cutAfter) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the other direction cut the link, or the peer went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                cut.run();
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a link that is already failing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(LatencyProxy::close);
    }
}
