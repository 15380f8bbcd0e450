package io.hussh.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.hussh.camel.HusshConstants;
import io.hussh.testing.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One consumer node of a multi-node test, in a JVM of its own, until it is killed: a hussh consumer whose every
 * delivery appends a line {@code DELIVERED name sha256 resumeOffset pid} to a file all nodes share.
 * <pre>
 * ConsumerNode PORT KNOWN_HOSTS REMOTE_DIR LOCAL_DIR DELIVERIES_FILE MODE ARG
 *   MODE jdbc ARG=jdbcUrl         JdbcMessageIdRepository (a claim stays with a node that died)
 *   MODE orphan-aware ARG=jdbcUrl JdbcOrphanLockAwareIdempotentRepository, move=.done
 *   MODE single-active ARG=dir    ClusteredRoutePolicy over FileLockClusterService in dir, in-memory repository,
 *                                  move=.done
 * </pre>
 */
public final class ConsumerNode {

    static final long LOCK_MAX_AGE_MILLIS = 3000;

    private ConsumerNode() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[5];
        CamelContext context = new DefaultCamelContext();
        IdempotentRepository repository = switch (mode) {
            case "jdbc" -> new JdbcMessageIdRepository(dataSource(args[6]), "hussh-outbox");
            case "orphan-aware" -> {
                JdbcOrphanLockAwareIdempotentRepository orphanAware = new JdbcOrphanLockAwareIdempotentRepository(
                        dataSource(args[6]), "hussh-outbox", context);
                orphanAware.setLockMaxAgeMillis(LOCK_MAX_AGE_MILLIS);
                orphanAware.setLockKeepAliveIntervalMillis(LOCK_MAX_AGE_MILLIS / 4);
                yield orphanAware;
            }
            default -> MemoryIdempotentRepository.memoryIdempotentRepository();
        };
        context.getRegistry().bind("claims", repository);
        if (mode.equals("single-active")) {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setRoot(args[6]);
            cluster.setAcquireLockDelay(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            context.addService(cluster);
        }
        Path deliveries = Path.of(args[4]);
        String uri = "hussh:" + ServerUnderTest.USER + "@127.0.0.1:" + args[0] + args[2] + "?password=RAW("
                     + ServerUnderTest.PASSWORD + ")&knownHostsFile=" + args[1] + "&localDirectory=" + args[3]
                     + "&atomic=true&resume=true&delay=200&maximumReconnectAttempts=0&idempotentRepository=#claims"
                     + (mode.equals("jdbc") ? "" : "&move=.done");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                var route = from(uri).routeId("outbox");
                if (mode.equals("single-active")) {
                    route.routePolicy(ClusteredRoutePolicy.forNamespace("hussh-outbox"));
                }
                route.process(exchange -> {
                    Path file = exchange.getMessage().getBody(java.io.File.class).toPath();
                    String line = "DELIVERED " + exchange.getMessage().getHeader(HusshConstants.FILE_NAME) + " "
                                  + TestFiles.sha256(file) + " "
                                  + exchange.getMessage().getHeader(HusshConstants.RESUME_OFFSET) + " "
                                  + ProcessHandle.current().pid() + "\n";
                    // one short append per line: lines of several processes never interleave
                    Files.writeString(deliveries, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                });
            }
        });
        context.start();
        System.out.println("STARTED " + ProcessHandle.current().pid());
        Thread.currentThread().join();
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }
}
