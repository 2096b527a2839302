package healthgraph.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A Neo4j Community server for development and CI: the neo4j-harness in-process server
 * with its Bolt connector on a fixed port, HTTP off. Prints the Bolt URI, then blocks until
 * the process is killed (SIGTERM/SIGINT shut the database down cleanly).
 *
 * Environment:
 *   NEO4J_BOLT_PORT     Bolt port on 127.0.0.1 (default 7687)
 *   NEO4J_WORKING_DIR   folder for the database files (default: a temp folder); the harness
 *                       creates a fresh database below it on every start
 *   NEO4J_PAGECACHE     page cache size, e.g. 256m (default 256m)
 *   NEO4J_SERVER_PASSWORD  when set (8+ characters), authentication is on and user neo4j has this password;
 *                       otherwise authentication is off (any credentials are accepted)
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            // Neo4j's non-daemon threads would keep a half-started JVM alive: exit for real.
            System.err.println("neo4j dev server failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        String workingDir = System.getenv("NEO4J_WORKING_DIR");
        Path dir = workingDir == null || workingDir.isBlank()
                ? Files.createTempDirectory("healthgraph-neo4j")
                : Files.createDirectories(Path.of(workingDir));
        String password = System.getenv("NEO4J_SERVER_PASSWORD");
        boolean auth = password != null && !password.isEmpty();

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(dir)
                .withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                // the address the server gives in its routing table (neo4j:// URIs): this port, not 7687
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(env("NEO4J_PAGECACHE", "256m")))
                .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                // Netty's graceful Bolt shutdown idles for ~10 s by default: stop promptly instead.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(2))
                .build();

        if (auth) {
            // Embedded calls bypass auth, so the password can be set here without the
            // "change the initial password" round trip a fresh server otherwise demands.
            GraphDatabaseService system = neo4j.databaseManagementService().database("system");
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
                    java.util.Map.of("pw", password));
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                neo4j.close();
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        System.out.println("Neo4j " + neo4jVersion() + " ready at " + neo4j.boltURI()
                + (auth ? " (auth on, user neo4j)" : " (auth off)") + ", working dir " + dir);
        System.out.flush();
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }

    private static String neo4jVersion() {
        Package p = org.neo4j.harness.Neo4j.class.getPackage();
        return p.getImplementationVersion() == null ? "5.26" : p.getImplementationVersion();
    }
}
