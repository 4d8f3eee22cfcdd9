package org.billing.invoicing.it;

import static org.billing.invoicing.it.GenerationWork.awaitEnd;
import static org.billing.invoicing.it.GenerationWork.brief;
import static org.billing.invoicing.it.GenerationWork.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.it.GenerationWork.Figures;
import org.billing.invoicing.it.GenerationWork.Period;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes on one PostgreSQL, their quarter-hour timers on as in production, and Run now
 * sent to both at the same moment, again and again while the run goes: one run is going at a time, both
 * nodes work on it, and each due period is invoiced exactly once.
 *
 * <p>The work is the crash test's (about 1,300 DAILY account-periods of {@value #ACCOUNTS} accounts,
 * claimed {@value #CHUNK} at a time), enough for a run of several seconds: the test asserts that both
 * nodes created invoices of it.
 */
class GenerationTwoNodesIT {

    private static final int ACCOUNTS = 12;
    private static final long CDRS = 30_000;
    private static final int CHUNK = 20;
    private static final int ROUNDS = 4;
    private static final int SAMPLE = 40;

    /** One answer to Run now. */
    private record Answer(String node, int status, long runId, String runStatus, String text) {

        @Override
        public String toString() {
            return node + ": " + status + (status == 202 ? " run " + runId + " " + runStatus : " " + text);
        }
    }

    @Test
    void runNowOnBothNodesAtOnceMakesOneRunBothWorkOnAndEachInvoiceOnce() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            GenerationWork.dailyForEveryAccount(database, ACCOUNTS, CDRS);
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put("INVOICING_AUTO_CHUNK", Integer.toString(CHUNK));
            List<PayaraMicro> nodes = GenerationWork.startNodes(environment, environment);
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try (PayaraMicro a = nodes.get(0);
                    PayaraMicro b = nodes.get(1)) {
                Map<String, Http> admins = new LinkedHashMap<>();
                admins.put("A", new Http(a.baseUri()).as(Users.ADMIN));
                admins.put("B", new Http(b.baseUri()).as(Users.ADMIN));

                // Rounds of simultaneous Run now while the first run goes: the same run for both, every time.
                List<List<Answer>> rounds = new ArrayList<>();
                long working = -1;
                for (int round = 0; round < ROUNDS; round++) {
                    List<Answer> answers = runNowAtOnce(admins, clients);
                    rounds.add(answers);
                    assertTrue(
                            answers.stream().allMatch(x -> x.status() == 202),
                            () -> "round " + rounds.size() + ": " + answers);
                    if (round == 0) {
                        working = answers.get(0).runId();
                        assertTrue(answers.get(0).text().contains("\"due\""), answers.get(0)::text);
                    }
                    long run = working;
                    if (GenerationWork.run(admins.get("A"), run)
                                    .getString("status")
                                    .equals("STARTED")
                            || round == 0) {
                        assertTrue(
                                answers.stream().allMatch(x -> x.runId() == run), () -> "two runs at once: " + answers);
                    }
                    Thread.sleep(700);
                }
                JsonObject worked = awaitEnd(admins.get("B"), working, Duration.ofMinutes(3));
                assertEquals("COMPLETED", worked.getString("status"), () -> brief(worked));
                assertTrue(worked.getInt("due") > 500, () -> "too little work to share: " + brief(worked));
                assertEquals(worked.getInt("due"), worked.getInt("created"), () -> brief(worked));
                GenerationWork.assertComputedOnce(database, worked);
                long stillGoingAfterRounds = rounds.get(ROUNDS - 1).get(0).runId();

                // Once it is done, a last pair finds nothing due: whatever runs it makes complete at once.
                List<Answer> last = runNowAtOnce(admins, clients);
                assertTrue(last.stream().allMatch(x -> x.status() == 202), last::toString);
                for (Answer answer : last) {
                    JsonObject run = awaitEnd(admins.get(answer.node()), answer.runId(), Duration.ofMinutes(1));
                    assertEquals("COMPLETED", run.getString("status"), () -> brief(run));
                    assertEquals(0, run.getInt("created"), () -> brief(run));
                }

                // Every run completed; none failed, was abandoned, or is going.
                Map<String, Long> runs = new LinkedHashMap<>();
                Instant lastPlanned;
                try (Connection connection = database.connection();
                        Statement statement = connection.createStatement()) {
                    try (ResultSet row =
                            statement.executeQuery("SELECT status, count(*) FROM generation_run GROUP BY status")) {
                        while (row.next()) {
                            runs.put(row.getString(1), row.getLong(2));
                        }
                    }
                    try (ResultSet row = statement.executeQuery("SELECT max(started_at) FROM generation_run")) {
                        row.next();
                        lastPlanned =
                                row.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    }
                }
                assertEquals(Set.of("COMPLETED"), runs.keySet(), runs::toString);
                assertEquals(
                        0,
                        GenerationWork.count(
                                database, "SELECT count(*) FROM generation_item" + " WHERE status <> 'CREATED'"),
                        "an item failed, was skipped or is open");

                // Each period due when the last run was planned is invoiced exactly once, as Calculate says.
                Map<Period, Figures> invoices = GenerationWork.invoices(database);
                assertEquals(GenerationWork.duePeriods(database, lastPlanned), invoices.keySet());
                GenerationWork.assertNothingHalfWritten(database);
                GenerationWork.assertSumsAsCalculated(admins.get("A"), invoices);
                List<Period> all = new ArrayList<>(invoices.keySet());
                Set<Period> sample = new LinkedHashSet<>();
                for (int i = 0; i < all.size(); i += Math.max(1, all.size() / SAMPLE)) {
                    sample.add(all.get(i));
                }
                GenerationWork.assertAsCalculated(admins.get("B"), invoices, sample);

                // Both nodes made invoices of the run.
                Map<String, Long> byNode = new LinkedHashMap<>();
                try (Connection connection = database.connection();
                        PreparedStatement select = connection.prepareStatement(
                                "SELECT node, count(*) FROM generation_item WHERE run_id = ?"
                                        + " AND status = 'CREATED' GROUP BY node ORDER BY node")) {
                    select.setLong(1, working);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            byNode.put(row.getString(1), row.getLong(2));
                        }
                    }
                }
                System.out.println(
                        "Run " + working + ": " + brief(worked) + ", invoices by node " + byNode + "; answers " + rounds
                                + ", after it " + last + "; run of the last round " + stillGoingAfterRounds);
                assertEquals(2, byNode.size(), () -> "not both nodes worked: " + byNode);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    /** Both nodes get Run now at the same moment. */
    private static List<Answer> runNowAtOnce(Map<String, Http> admins, ExecutorService clients) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (Map.Entry<String, Http> node : admins.entrySet()) {
            answers.add(clients.submit(() -> {
                go.await();
                Http.Response response = node.getValue().post(GenerationWork.RUNS, JsonValue.EMPTY_JSON_OBJECT);
                boolean run = response.status() == 202;
                return new Answer(
                        node.getKey(),
                        response.status(),
                        run ? id(response.jsonObject()) : -1,
                        run ? response.jsonObject().getString("status") : null,
                        response.text());
            }));
        }
        go.countDown();
        List<Answer> result = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            result.add(answer.get());
        }
        return result;
    }
}
