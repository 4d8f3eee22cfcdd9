package org.billing.invoicing.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

import org.billing.invoicing.testing.PostgresDatabase;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code /health/ready} answers anyone: the database check says UP or DOWN and a short reason, never the
 * driver's text (host, port, user, database name) that would tell a stranger about the installation.
 */
class DatabaseCheckTest {

    @Test
    void upWhileTheDatabaseAnswersAndNothingMore() throws IOException {
        try (PostgresDatabase database = PostgresDatabase.startEmpty()) {
            HealthCheckResponse response = new DatabaseCheck(database.dataSource()).call();

            assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
            assertEquals(Optional.empty(), response.getData().filter(data -> !data.isEmpty()));
        }
    }

    @Test
    void downWithAShortReasonWhenNoConnectionCanBeMade() throws IOException {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/billing_secret");
        nowhere.setUser("invoicing_owner");
        nowhere.setPassword("s3cret");
        nowhere.setConnectTimeout(2);

        HealthCheckResponse response = new DatabaseCheck(nowhere).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Optional.of(Map.of("reason", "no connection to the database")), response.getData());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
