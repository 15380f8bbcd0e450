package io.hussh.camel;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every option rule, through the URI a user writes: the message names the option and what to do. */
class HusshOptionResolverTest {

    private CamelContext context;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
    }

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hussh:h/d                                    | No username for h: give it as hussh:user@h or with the username option
            hussh:u@h:0/d                                | port must be between 1 and 65535, was 0
            hussh:u@h/d?strictHostKeyChecking=maybe      | strictHostKeyChecking must be yes or no, was 'maybe'
            hussh:u@h/d?checksum=md5                     | checksum must be none or sha256, was 'md5'
            hussh:u@h/d?checksumFile=true                | checksumFile=true needs checksum=sha256
            hussh:u@h/d?chmod=0999                       | chmod must be an octal mode such as 0640, was '0999'
            hussh:u@h/d?chmod=017777                     | chmod must be an octal mode such as 0640, was '017777'
            hussh:u@h/d?bulkRequests=0                   | bulkRequests must be at least 1, was 0
            hussh:u@h/d?maximumReconnectAttempts=-1      | maximumReconnectAttempts must be 0 or more, was -1
            hussh:u@h/d?workerPoolSize=0                 | workerPoolSize must be at least 1, was 0
            hussh:u@h/d?parallelStreams=0                | parallelStreams must be at least 1, was 0
            hussh:u@h/d?segmentSize=65536                | segmentSize must be at least 1048576, was 65536
            hussh:u@h/d?parallelThreshold=-1             | parallelThreshold must be 0 or more, was -1
            hussh:u@h/d?parallelMinimumRoundTrip=-1      | parallelMinimumRoundTrip must be 0 or more, was -1
            hussh:u@h/d?maxDepth=0                       | maxDepth must be at least 1, was 0
            hussh:u@h/d?leaseDuration=50                 | leaseDuration must be at least 100, was 50
            hussh:u@h/d?leaseWaitTimeout=-1              | leaseWaitTimeout must be 0 or more, was -1
            hussh:u@h/d?delete=true&move=.done           | delete=true and move=.done exclude each other: choose one
            hussh:u@h/d?include=[a                       | include must be a Java regular expression, was '[a'
            hussh:u@h/d?atomic=true&tempSuffix=/x        | tempSuffix must be a non-empty file name suffix without '/', was '/x'
            hussh:u@h/d?operation=download               | The download operation needs the localDirectory option
            hussh:u@h/d?move=../../etc                   | contains a '..' segment
            """)
    void aBadOptionIsRefusedWithWhatToDo(String uri, String message) {
        assertThatThrownBy(() -> resolve(uri)).satisfies(e -> assertThat(ourError(e)).hasMessageContaining(message));
    }

    @Test
    void theConsumerNeedsALocalDirectory() throws Exception {
        HusshEndpoint endpoint = context.getEndpoint("hussh:u@h/d", HusshEndpoint.class);
        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                .hasMessage("The hussh consumer needs the localDirectory option: where to write the files it downloads");
    }

    @Test
    void goodOptionsResolveOnceIntoTheValuesTheCoreTakes() {
        HusshEndpointOptions options = resolve("hussh:u@h:2222/srv/in/?password=s3cret&knownHostsFile=~/kh&chmod=0640"
                                               + "&atomic=true&resume=true&checksum=sha256&checksumFile=true"
                                               + "&localDirectory=/data/in&recursive=true&maxDepth=3&move=.done"
                                               + "&moveFailed=/srv/failed&include=.*\\.csv&bulkRequests=64"
                                               + "&maximumReconnectAttempts=5&reconnectDelay=2s&workerPoolSize=4"
                                               + "&leaseDuration=10s&leaseWaitTimeout=0&parallelStreams=4"
                                               + "&parallelThreshold=1048576&segmentSize=8388608"
                                               + "&parallelMinimumRoundTrip=0");

        assertThat(options.connection().address()).isEqualTo("u@h:2222");
        assertThat(options.connection().knownHostsFile())
                .isEqualTo(Path.of(System.getProperty("user.home"), "kh"));
        assertThat(options.connection().bulkRequests()).isEqualTo(64);
        assertThat(options.connection().parallelStreams()).isEqualTo(4);
        assertThat(options.reconnect().maximumReconnectAttempts()).isEqualTo(5);
        assertThat(options.reconnect().reconnectDelay()).hasSeconds(2);
        assertThat(options.remoteDirectory()).isEqualTo("/srv/in");
        assertThat(options.workerPoolSize()).isEqualTo(4);
        assertThat(options.localDirectory()).isEqualTo(Path.of("/data/in"));

        assertThat(options.transfer().atomic()).isTrue();
        assertThat(options.transfer().resume()).isTrue();
        assertThat(options.transfer().checksum()).isTrue();
        assertThat(options.transfer().checksumFile()).isTrue();
        assertThat(options.transfer().permissions()).isEqualTo(0640);
        assertThat(options.transfer().protectEarlierDeliveries()).isFalse();
        assertThat(options.transfer().leaseDuration()).hasSeconds(10);
        assertThat(options.transfer().leaseWaitTimeout()).isZero();
        assertThat(options.transfer().parallelThreshold()).isEqualTo(1024 * 1024);
        assertThat(options.transfer().segmentSize()).isEqualTo(8 * 1024 * 1024);
        assertThat(options.transfer().parallelMinimumRoundTrip()).isZero();

        HusshConsumerOptions consumer = options.consumer();
        assertThat(consumer.depth()).isEqualTo(3);
        assertThat(consumer.moveDirectory()).isEqualTo("/srv/in/.done");
        assertThat(consumer.moveFailedDirectory()).isEqualTo("/srv/failed");
        assertThat(consumer.include().matcher("a.csv").matches()).isTrue();
        assertThat(consumer.exclude()).isNull();
        assertThat(consumer.transfer().protectEarlierDeliveries()).isTrue();
        assertThat(consumer.transfer().sideFiles().isSideFile("a.csv.sha256")).isTrue();
    }

    @Test
    void aConsumerThatIsNotRecursiveListsOneLevelWhateverMaxDepthSays() {
        assertThat(resolve("hussh:u@h/d?maxDepth=5").consumer().depth()).isEqualTo(1);
    }

    private HusshEndpointOptions resolve(String uri) {
        return HusshOptionResolver.resolve(context.getEndpoint(uri, HusshEndpoint.class).getConfiguration());
    }

    /** The IllegalArgumentException the resolver threw, below whatever Camel wrapped it in. */
    private static Throwable ourError(Throwable e) {
        Throwable cause = e;
        while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
