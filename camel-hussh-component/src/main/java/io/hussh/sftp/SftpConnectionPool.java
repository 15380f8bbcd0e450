package io.hussh.sftp;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps SSH sessions open between transfers, because opening one costs several round trips and a key exchange. Each
 * borrowed connection belongs to one transfer until it is released; concurrent transfers get their own sessions, so
 * they share neither a channel nor a session's encryption lock.
 */
final class SftpConnectionPool implements AutoCloseable {

    private final SftpConnector connector;
    private final Deque<SftpConnection> idle = new ArrayDeque<>();
    private final Set<SftpConnection> open = new HashSet<>();
    private boolean closed;

    SftpConnectionPool(SftpConnector connector) {
        this.connector = connector;
    }

    SftpConnection borrow() throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("The connection pool is closed (the endpoint was stopped)");
            }
            SftpConnection connection;
            while ((connection = idle.pollFirst()) != null) {
                if (connection.isAlive()) {
                    return connection;
                }
                discard(connection);
            }
        }
        SftpConnection connection = connector.open();
        synchronized (this) {
            if (closed) {
                connection.close();
                throw new IOException("The connection pool is closed (the endpoint was stopped)");
            }
            open.add(connection);
        }
        return connection;
    }

    synchronized void release(SftpConnection connection) {
        if (closed || !connection.isAlive()) {
            discard(connection);
        } else {
            idle.addFirst(connection);
        }
    }

    /** Closes a connection whose state is unknown after a failure, so no later transfer inherits it. */
    synchronized void discard(SftpConnection connection) {
        open.remove(connection);
        connection.close();
    }

    synchronized int openConnections() {
        return open.size();
    }

    /** Closes every session, busy ones included: a JSch session thread left running keeps the JVM alive. */
    @Override
    public synchronized void close() {
        closed = true;
        idle.clear();
        for (SftpConnection connection : open) {
            connection.close();
        }
        open.clear();
    }
}
