package io.hussh.sftp;

/**
 * Told how a transfer advances: about once a second while bytes move, and once when it completes. Called on the
 * transferring thread, so it must return quickly.
 */
@FunctionalInterface
public interface TransferListener {

    void progress(TransferStatus status);
}
