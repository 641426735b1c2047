package dev.scimflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) backed by an H2 MVStore file, or by memory. Note that the
 * file backend commits about once a second: close it (Ctrl-C, SIGTERM) rather than kill it, or the last second of
 * writes can be lost.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongo(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Starts a server on {@code port} (0 picks a free one) storing in {@code file}, or in memory if null. */
    public static EmbeddedMongo start(Path file, int port, String database) throws IOException {
        H2Backend backend;
        if (file == null) {
            backend = H2Backend.inMemory();
        }
        else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            backend = new H2Backend(file.toAbsolutePath().toString());
        }
        MongoServer server = new MongoServer(backend);
        int bound = port == 0 ? FreePorts.find() : port;
        server.bind("127.0.0.1", bound);
        String uri = "mongodb://127.0.0.1:" + bound + "/" + database;
        log.info("MongoDB wire server listening on 127.0.0.1:{}, data in {}", bound, file == null ? "memory" : file);
        return new EmbeddedMongo(server, uri);
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
