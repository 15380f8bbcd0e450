package io.hussh.camel;

import java.util.regex.Pattern;

import io.hussh.sftp.TransferOptions;

/**
 * The consumer's share of the resolved options.
 *
 * @param include             files whose name matches are consumed, or {@code null} for all
 * @param exclude             files whose name matches are not consumed, or {@code null} for none
 * @param depth               directory levels listed: 1 is the endpoint directory alone
 * @param moveDirectory       absolute remote directory a processed file is moved into, or {@code null}
 * @param moveFailedDirectory absolute remote directory a file the route failed on is moved into, or {@code null}
 * @param transfer            how the consumer's downloads treat localDirectory
 */
record HusshConsumerOptions(Pattern include, Pattern exclude, int depth, String moveDirectory,
        String moveFailedDirectory, TransferOptions transfer) {
}
