package io.hussh.sftp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import com.jcraft.jsch.JSchException;
import io.hussh.testing.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures a transfer retries: the classifier's table, then the same decisions against a real server. */
class FailureClassifierTest extends SftpTestSupport {

    private static final ReconnectPolicy TWICE = new ReconnectPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10));

    @Test
    void brokenStalledAndUnreachableConnectionsAreRetriedEverythingElseIsFinal() {
        IOException serverSaidNo = new HusshTransferException("/x", "SFTP permission denied");
        assertThat(FailureClassifier.classify(serverSaidNo, false, true)).isEqualTo(FailureClassifier.Failure.STALLED);
        assertThat(FailureClassifier.classify(serverSaidNo, true, false))
                .isEqualTo(FailureClassifier.Failure.CONNECTION_LOST);
        assertThat(FailureClassifier.classify(serverSaidNo, false, false)).isEqualTo(FailureClassifier.Failure.FINAL);

        for (FailureClassifier.ConnectFailure failure : FailureClassifier.ConnectFailure.values()) {
            ConnectFailedException e = new ConnectFailedException(failure, failure.name(), null);
            assertThat(FailureClassifier.classify(e, false, false).retryable()).as(failure.name())
                    .isEqualTo(failure.mayPass());
        }
    }

    @Test
    void jschFailuresAreReadByCauseAndMessage() {
        assertThat(FailureClassifier.ofConnect(new JSchException("x", new ConnectException("refused"))))
                .isEqualTo(FailureClassifier.ConnectFailure.REFUSED);
        assertThat(FailureClassifier.ofConnect(new JSchException("x", new SocketTimeoutException())))
                .isEqualTo(FailureClassifier.ConnectFailure.TIMED_OUT);
        assertThat(FailureClassifier.ofConnect(new JSchException("timeout: socket is not established")))
                .isEqualTo(FailureClassifier.ConnectFailure.TIMED_OUT);
        assertThat(FailureClassifier.ofConnect(new JSchException("x", new UnknownHostException("nowhere"))))
                .isEqualTo(FailureClassifier.ConnectFailure.UNKNOWN_HOST);
        assertThat(FailureClassifier.ofConnect(new JSchException("connection is closed by foreign host")))
                .isEqualTo(FailureClassifier.ConnectFailure.BROKEN_DURING_SETUP);
        assertThat(FailureClassifier.ofConnect(new JSchException("Auth fail for methods 'password'")))
                .isEqualTo(FailureClassifier.ConnectFailure.AUTHENTICATION);
        assertThat(FailureClassifier.ConnectFailure.REFUSED.mayPass()).isTrue();
        assertThat(FailureClassifier.ConnectFailure.AUTHENTICATION.mayPass()).isFalse();
        assertThat(FailureClassifier.ConnectFailure.UNKNOWN_HOST_KEY.mayPass()).isFalse();
    }

    @Test
    void aPortWhereNothingListensIsTriedAgainAsThePolicyAllows() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SftpTransfers transfers = new SftpTransfers(settings(closedPort), TWICE)) {
            assertThatThrownBy(() -> transfers.upload(TransferSource.bytes(new byte[] {1}), "/srv/x",
                    TransferOptions.builder().build()))
                    .hasMessageContaining("failed (after 2 reconnects)")
                    .hasMessageContaining("Cannot connect to [127.0.0.1]:" + closedPort);
        }
    }

    @Test
    void aRefusedLoginIsNotTriedAgain() throws Exception {
        ConnectionSettings wrongPassword = settings(server.port()).toBuilder().password("not-it").build();
        try (SftpTransfers transfers = new SftpTransfers(wrongPassword, TWICE)) {
            assertThatThrownBy(() -> transfers.upload(TransferSource.bytes(new byte[] {1}), "/srv/x",
                    TransferOptions.builder().build()))
                    .hasMessageNotContaining("reconnects")
                    .hasMessageContaining("Authentication failed for " + EmbeddedSftpServer.USER);
        }
    }
}
