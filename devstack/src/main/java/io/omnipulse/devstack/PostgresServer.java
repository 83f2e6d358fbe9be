package io.omnipulse.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A real PostgreSQL server (the zonky binaries, no Docker) owned by this JVM. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    /** The embedded server trusts local connections; the password is only there for clients that insist. */
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on {@code port} (0 = any free port), keeping its data in {@code dataDir}; stopped with the JVM. */
    public static PostgresServer start(Path dataDir, int port, boolean keepData) {
        return start(dataDir, port, keepData, true);
    }

    /**
     * As {@link #start(Path, int, boolean)}; with {@code stopWithJvm} false the caller alone stops it.
     * The launcher needs that: a JVM runs its shutdown hooks all at once, and PostgreSQL stopped by
     * its own hook would go while alerting-service is still writing to it.
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData, boolean stopWithJvm) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.free() : port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopWithJvm)
                    .start();
            return new PostgresServer(pg, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * The postmaster's pid, from the first line of {@code postmaster.pid}. pg_ctl daemonises the
     * postmaster, so it is not a child of this JVM and only this file says which process it is.
     */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; each service owns its own database. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public String toString() {
        return "postgresql";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
