package io.hussh.sftp;

import java.lang.reflect.Field;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelSftp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes the SSH receive window of an SFTP channel to its read requests in flight.
 * <p>
 * JSch fixes the window of {@link ChannelSftp} at 2 MiB and tops it up only once half of it is used, so the server never
 * has more than 1 to 2 MiB of replies on the way, which caps a download on a long round trip whatever
 * {@code bulkRequests} allows (the measurements are in docs/benchmarks.md). The window is twice the requests in flight
 * because of that top-up at half. JSch offers no setter outside its package, so the fields are set by reflection
 * before the channel opens; where the JVM forbids that (JSch on the module path without an {@code --add-opens}), the
 * channel keeps JSch's window and works as before, only slower on long round trips.
 */
final class ReceiveWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveWindow.class);
    /** JSch's own window, what a channel gets when it cannot be widened. */
    private static final int JSCH_DEFAULT = 2 * 1024 * 1024;
    private static final int REQUEST_SIZE = 32 * 1024;
    private static final Field[] FIELDS = fields();
    private static volatile boolean refusalLogged;

    private ReceiveWindow() {
    }

    /** The window that keeps {@code bulkRequests} read requests of 32 KiB answered without waiting for a top-up. */
    static int forRequests(int bulkRequests) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(JSCH_DEFAULT, 2L * bulkRequests * REQUEST_SIZE));
    }

    /** Sets the window {@code channel} will announce; call before {@code connect()}. */
    static void widen(ChannelSftp channel, int bytes) {
        if (FIELDS == null) {
            return;
        }
        try {
            for (Field field : FIELDS) {
                field.setInt(channel, bytes);
            }
        } catch (IllegalAccessException e) {
            logRefusal(e);
        }
    }

    private static Field[] fields() {
        try {
            // the maximum, then the window announced on open, which JSch starts at that maximum
            Field maximum = Channel.class.getDeclaredField("lwsize_max");
            Field current = Channel.class.getDeclaredField("lwsize");
            maximum.setAccessible(true);
            current.setAccessible(true);
            return new Field[] {maximum, current};
        } catch (NoSuchFieldException | RuntimeException e) {
            logRefusal(e);
            return null;
        }
    }

    private static void logRefusal(Exception e) {
        if (!refusalLogged) {
            refusalLogged = true;
            LOG.info("JSch's SFTP receive window stays at 2 MiB ({}), which slows downloads on links with long round"
                     + " trips. On the module path, add --add-opens com.jcraft.jsch/com.jcraft.jsch=ALL-UNNAMED (or"
                     + " the module of camel-hussh) to lift it.", e.toString());
        }
    }
}
