package org.billing.invoicing.it;

import java.util.HashMap;
import java.util.Map;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged WAR on Payara Micro against a real PostgreSQL holding the hand-checked fixtures
 * {@code march-2026.sql} and {@code prepay-april-2026.sql} (April 2026 of the prepay account 30, which
 * no figure of March counts), started once for all the test classes that use it (Payara Micro takes
 * 20 s to start) and stopped when they have all run. Each test class cleans what it made.
 */
public final class DeployedModule implements BeforeAllCallback {

    private static Deployment deployment;

    /** The running deployment; use it from a class annotated {@code @ExtendWith(DeployedModule.class)}. */
    public static Deployment deployment() {
        if (deployment == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(DeployedModule.class)");
        }
        return deployment;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (DeployedModule.class) {
            if (deployment == null) {
                PostgresDatabase database = PostgresDatabase.startMigrated();
                database.run("/fixtures/march-2026.sql");
                database.run("/fixtures/prepay-april-2026.sql");
                Map<String, String> environment = new HashMap<>(database.environment());
                // The tests of these classes send wrong passwords on purpose (AccessControlIT some fifty from
                // one address): the login backoff is LoginThrottlingIT's business, not theirs.
                environment.put("INVOICING_SECURITY_LOGIN_FAILURES", "100000");
                environment.put("INVOICING_SECURITY_LOGIN_ADDRESS_FAILURES", "100000");
                // These tests start their runs themselves (Run now, POST generation-runs). The quarter-hour
                // schedule would invoice whatever a test has just set under its feet: seen when a CI run crossed
                // midnight, a test set account 10 MONTHLY from March and found March to October invoiced by the
                // 00:00 run before it looked. GenerationTwoNodesIT runs its own servers with the schedule on.
                environment.put("INVOICING_AUTO_ENABLED", "false");
                PayaraMicro server = PayaraMicro.start(environment, "api/v1/accounts");
                deployment = new Deployment(database, server, new Http(server.baseUri()).as(Users.ADMIN));
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(DeployedModule.class, deployment);
            }
        }
    }

    /** What the tests talk to ({@code http} as the administrator, who may do everything); closed by JUnit after the last test class. */
    public record Deployment(PostgresDatabase database, PayaraMicro server, Http http)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws Exception {
            server.close();
            database.close();
        }
    }
}
