package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;

/** The packaged WAR deploys on Payara Micro against a real PostgreSQL and serves its REST API. */
class PayaraMicroSmokeIT {

    private static final String ACCOUNTS = "api/v1/accounts";

    @Test
    void theDeployedWarServesTheAccountsResource() throws IOException {
        try (PostgresDatabase database = PostgresDatabase.startMigrated();
                PayaraMicro server = PayaraMicro.start(database.environment(), ACCOUNTS)) {
            Http.Response response = new Http(server.baseUri()).get(ACCOUNTS);

            assertEquals(200, response.status(), response::text);
        }
    }
}
