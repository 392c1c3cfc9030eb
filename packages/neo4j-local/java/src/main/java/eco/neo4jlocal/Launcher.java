package eco.neo4jlocal;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community as an embedded DBMS with the Bolt connector on a loopback address.
 *
 * <p>Arguments: {@code <home> <host> <port> <pageCacheMiB>}; the password comes from the
 * environment variable {@code NEO4J_PASSWORD}. The launcher prints exactly one status line that
 * the Node side waits for: {@code READY bolt://host:port} once Bolt answers, or {@code ERROR
 * <what to do>} before exiting non-zero. SIGTERM shuts the DBMS down cleanly.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length != 4) {
      fail("usage: Launcher <home> <host> <port> <pageCacheMiB>", 64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    long pageCacheMiB = Long.parseLong(args[3]);
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      fail("NEO4J_PASSWORD must be set and at least 8 characters long", 64);
    }

    DatabaseManagementService dbms;
    try {
      Files.createDirectories(home);
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
              .setConfig(HttpConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.auth_enabled, true)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
              // Keep transaction logs up to 256 MiB past the last checkpoint instead of Neo4j's
              // default two days: each load of the 100k bench graph wrote gigabytes of them, and a
              // day of loads filled 27 GB of disk. A local server has no backups or cluster to
              // serve from them; recovery needs only those after the checkpoint, always kept.
              .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
              .build();
    } catch (Throwable e) {
      fail(explain(e, home, host, port), 1);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("STOPPING");
                  dbms.shutdown();
                  System.out.println("STOPPED");
                  System.out.flush();
                  stopped.countDown();
                },
                "neo4j-local-shutdown"));

    try {
      setPassword(dbms, password);
    } catch (Throwable e) {
      fail("could not set the password of user neo4j: " + rootMessage(e), 1);
    }

    System.out.println("READY bolt://" + host + ":" + port);
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system")
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to set the password it already has; that is the state we want.
      if (!rootMessage(e).contains("cannot be the same")) {
        throw e;
      }
    }
  }

  private static String explain(Throwable e, Path home, String host, int port) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      String msg = String.valueOf(t.getMessage());
      if (t instanceof BindException || msg.contains("Address already in use")) {
        return "port "
            + host
            + ":"
            + port
            + " is taken by another process; stop it or set NEO4J_LOCAL_PORT to a free port";
      }
      if (name.contains("FileLockException") || msg.contains("Lock file has been locked")) {
        return "data folder "
            + home
            + " is locked by another Neo4j process; run `npm run db:stop` or stop that process";
      }
    }
    return "Neo4j failed to start: " + rootMessage(e) + " (see " + home.resolve("logs") + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      sb.append(" / ").append(t.getMessage());
    }
    return sb.toString();
  }

  private static void fail(String message, int code) {
    System.out.println("ERROR " + message.replace('\n', ' '));
    System.out.flush();
    Runtime.getRuntime().halt(code);
  }

}
