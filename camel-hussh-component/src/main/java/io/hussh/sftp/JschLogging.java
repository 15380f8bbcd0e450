package io.hussh.sftp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JSch's log to SLF4J one level lower than JSch rates it: JSch reports every connect, key exchange and
 * disconnect at INFO, which in an integration platform drowns the lines that matter; warnings and errors stay.
 */
final class JschLogging implements com.jcraft.jsch.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("com.jcraft.jsch");

    @Override
    public boolean isEnabled(int level) {
        return switch (level) {
            case DEBUG -> LOG.isTraceEnabled();
            case INFO -> LOG.isDebugEnabled();
            case WARN -> LOG.isWarnEnabled();
            default -> LOG.isErrorEnabled();
        };
    }

    @Override
    public void log(int level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(int level, String message, Throwable cause) {
        switch (level) {
            case DEBUG -> LOG.trace(message, cause);
            case INFO -> LOG.debug(message, cause);
            case WARN -> LOG.warn(message, cause);
            default -> LOG.error(message, cause);
        }
    }
}
