package diplograph.launcher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Starts Neo4j Community embedded with a Bolt connector, for diplograph's development and
 * test default (no Docker, no Neo4j server install). Started and watched by
 * {@code src/neo4j/embedded.ts}.
 *
 * <p>Protocol with the parent process:
 * <ul>
 *   <li>stdout carries exactly one line, {@code DIPLOGRAPH_NEO4J_READY bolt://host:port}, once
 *       the {@code neo4j} database answers {@code RETURN 1}. Everything else (including anything
 *       a library prints to {@code System.out}) goes to stderr or to {@code <data-dir>/logs/}.</li>
 *   <li>Failures print one line {@code DIPLOGRAPH_NEO4J_ERROR <CODE>: <message>} to stderr and exit
 *       with a distinct code (see {@link Failure}).</li>
 *   <li>The JVM never outlives its parent: EOF on stdin (the parent closed the pipe or died), or
 *       the {@code --parent-pid} process disappearing, shuts the store down cleanly and exits 0.
 *       SIGTERM/SIGINT do the same through a shutdown hook.</li>
 * </ul>
 */
public final class EmbeddedNeo4j {

    static final String READY = "DIPLOGRAPH_NEO4J_READY";
    static final String ERROR = "DIPLOGRAPH_NEO4J_ERROR";

    /** Error codes and their exit statuses. */
    enum Failure {
        BAD_ARGS(2),
        DATA_DIR_NOT_WRITABLE(3),
        PORT_IN_USE(4),
        START_FAILED(5);

        final int exitCode;

        Failure(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    static final class LaunchException extends Exception {
        final Failure failure;

        LaunchException(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }
    }

    static final class Options {
        Path dataDir;
        String host = "127.0.0.1";
        int port = 0;
        long pagecache;
        long txMemory;
        long parentPid = -1;
        boolean watchStdin = true;
    }

    private static final Object LOCK = new Object();
    private static DatabaseManagementService managementService;
    private static boolean shutDown;
    private static Log4jLogProvider userLogProvider;
    /** The real stdout, kept for the ready line; System.out is pointed at stderr. */
    private static PrintStream protocolOut;

    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        protocolOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Keep stdout for the protocol line only: whatever Neo4j or a library prints goes to stderr.
        System.setOut(System.err);
        try {
            Options options = parseArgs(args);
            checkDataDir(options.dataDir);
            if (options.port != 0) {
                checkPortFree(options.host, options.port);
            }
            // Watch the parent from the start, so that a parent dying during the (slow) start
            // does not leave an orphaned JVM either.
            startParentWatchers(options);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedNeo4j::shutdown, "diplograph-neo4j-shutdown"));
            String uri = start(options);
            protocolOut.println(READY + " " + uri);
            protocolOut.flush();
            // The main thread ends here; Neo4j's non-daemon threads keep the JVM up until
            // shutdown() and System.exit are called by a watcher, a signal or a failure.
        } catch (LaunchException e) {
            fail(e.failure, e.getMessage());
        } catch (Throwable t) {
            fail(Failure.START_FAILED, describe(rootCause(t)));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Arguments and pre-checks

    static Options parseArgs(String[] args) throws LaunchException {
        Options o = new Options();
        String pagecache = "64m";
        String txMemory = "512m";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--ignore-stdin":
                    o.watchStdin = false;
                    continue;
                case "--help":
                case "-h":
                    throw new LaunchException(Failure.BAD_ARGS, usage());
                default:
                    break;
            }
            if (i + 1 >= args.length) {
                throw new LaunchException(Failure.BAD_ARGS, "missing value after " + arg + "; " + usage());
            }
            String value = args[++i];
            switch (arg) {
                case "--data-dir":
                    o.dataDir = Path.of(value).toAbsolutePath().normalize();
                    break;
                case "--port":
                    o.port = parseInt(arg, value, 0, 65535);
                    break;
                case "--host":
                    o.host = value;
                    break;
                case "--pagecache":
                    pagecache = value;
                    break;
                case "--tx-memory":
                    txMemory = value;
                    break;
                case "--parent-pid":
                    o.parentPid = parseInt(arg, value, 1, Integer.MAX_VALUE);
                    break;
                default:
                    throw new LaunchException(Failure.BAD_ARGS, "unknown argument " + arg + "; " + usage());
            }
        }
        if (o.dataDir == null) {
            throw new LaunchException(Failure.BAD_ARGS, "--data-dir is required; " + usage());
        }
        o.pagecache = parseBytes("--pagecache", pagecache);
        o.txMemory = parseBytes("--tx-memory", txMemory);
        return o;
    }

    private static String usage() {
        return "usage: EmbeddedNeo4j --data-dir DIR [--port N (0 = free port)] [--host 127.0.0.1]"
                + " [--pagecache 64m] [--tx-memory 512m] [--parent-pid PID] [--ignore-stdin]";
    }

    private static int parseInt(String name, String value, int min, int max) throws LaunchException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new LaunchException(Failure.BAD_ARGS,
                    name + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
        }
    }

    private static long parseBytes(String name, String value) throws LaunchException {
        try {
            return SettingValueParsers.BYTES.parse(value.trim());
        } catch (RuntimeException e) {
            throw new LaunchException(Failure.BAD_ARGS,
                    name + " must be a size such as 64m or 1g, got '" + value + "'");
        }
    }

    /** Creates the folder if missing and proves it writable by writing and deleting a file. */
    static void checkDataDir(Path dir) throws LaunchException {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new LaunchException(Failure.DATA_DIR_NOT_WRITABLE,
                    "data directory " + dir + " is not writable (" + describe(e) + ")");
        }
    }

    static void checkPortFree(String host, int port) throws LaunchException {
        try (ServerSocket socket = new ServerSocket()) {
            // No SO_REUSEADDR: we want to know whether a listener holds the port right now.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            throw new LaunchException(Failure.PORT_IN_USE, portInUse(host, port));
        } catch (IOException e) {
            throw new LaunchException(Failure.START_FAILED,
                    "cannot bind " + host + ":" + port + " (" + describe(e) + ")");
        }
    }

    private static String portInUse(String host, int port) {
        return "port " + port + " on " + host + " is already in use";
    }

    // ---------------------------------------------------------------------------------------
    // Start and stop

    private static String start(Options o) throws LaunchException {
        Path logs = o.dataDir.resolve("logs");
        try {
            Files.createDirectories(logs);
            OutputStream userLog = new FileOutputStream(logs.resolve("neo4j.log").toFile(), true);
            userLogProvider = new Log4jLogProvider(userLog, Level.INFO);
        } catch (IOException e) {
            throw new LaunchException(Failure.DATA_DIR_NOT_WRITABLE,
                    "cannot write logs in " + logs + " (" + describe(e) + ")");
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(o.dataDir)
                .setUserLogProvider(userLogProvider)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(o.host, o.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Auth is off on purpose: this is a development/test database that listens on the
                // loopback interface only (--host defaults to 127.0.0.1) and is owned by the Node
                // process that started it. Community has a single user; a password here would only
                // have to be shared with every local client and would protect nothing that the
                // local user cannot already read straight from the store files.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, o.pagecache)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, o.txMemory)
                .setConfig(GraphDatabaseSettings.logs_directory, logs)
                // Netty's graceful shutdown waits a 5 s quiet period per event loop group (about
                // 10 s in all); with no clients left that is dead time for every stop of the JVM.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));

        DatabaseManagementService service;
        try {
            service = builder.build();
        } catch (Throwable t) {
            if (isBindFailure(t)) {
                throw new LaunchException(Failure.PORT_IN_USE, portInUse(o.host, o.port));
            }
            throw new LaunchException(Failure.START_FAILED, describe(rootCause(t)));
        }
        synchronized (LOCK) {
            managementService = service;
            if (shutDown) {
                // A watcher or a signal asked us to stop while the database was starting.
                service.shutdown();
                throw new LaunchException(Failure.START_FAILED, "stopped during start-up");
            }
        }

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) {
            throw new LaunchException(Failure.START_FAILED,
                    "database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + "' did not become available");
        }
        db.executeTransactionally("RETURN 1");

        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class);
        HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);
        if (bolt == null) {
            throw new LaunchException(Failure.START_FAILED, "the Bolt connector did not register a port");
        }
        String host = o.host.contains(":") ? "[" + o.host + "]" : o.host;
        return "bolt://" + host + ":" + bolt.getPort();
    }

    /** Idempotent clean shutdown: flushes and closes the store. Safe from any thread. */
    static void shutdown() {
        DatabaseManagementService service;
        synchronized (LOCK) {
            if (shutDown) {
                return;
            }
            shutDown = true;
            service = managementService;
            managementService = null;
            if (service != null) {
                try {
                    service.shutdown();
                } catch (Throwable t) {
                    System.err.println("diplograph-neo4j: shutdown failed: " + describe(rootCause(t)));
                }
            }
            if (userLogProvider != null) {
                userLogProvider.close();
                userLogProvider = null;
            }
        }
    }

    private static void shutdownAndExit(String reason) {
        System.err.println("diplograph-neo4j: " + reason + "; shutting down");
        shutdown();
        System.exit(0);
    }

    private static void startParentWatchers(Options o) {
        if (o.watchStdin) {
            Thread stdin = new Thread(() -> {
                InputStream in = System.in;
                byte[] buffer = new byte[256];
                try {
                    while (in.read(buffer) >= 0) {
                        // Input is ignored; only its end matters.
                    }
                } catch (IOException e) {
                    // A broken pipe means the same as EOF.
                }
                shutdownAndExit("stdin closed (parent gone)");
            }, "diplograph-stdin-watch");
            stdin.setDaemon(true);
            stdin.start();
        }
        if (o.parentPid > 0) {
            Thread parent = new Thread(() -> {
                Optional<ProcessHandle> handle = ProcessHandle.of(o.parentPid);
                while (handle.isPresent() && handle.get().isAlive()) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                shutdownAndExit("parent process " + o.parentPid + " is gone");
            }, "diplograph-parent-watch");
            parent.setDaemon(true);
            parent.start();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Errors

    private static void fail(Failure failure, String message) {
        String oneLine = message == null ? "" : message.replaceAll("[\\r\\n]+", " ").trim();
        System.err.println(ERROR + " " + failure.name() + ": " + oneLine);
        System.err.flush();
        // A half-started Neo4j may hold non-daemon threads and store locks: close it first.
        shutdown();
        // halt, not exit: the shutdown hook has nothing left to do and must not block the exit.
        Runtime.getRuntime().halt(failure.exitCode);
    }

    private static boolean isBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
            String name = c.getClass().getSimpleName();
            String msg = String.valueOf(c.getMessage());
            if (name.equals("PortBindException") || msg.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + msg;
    }
}
