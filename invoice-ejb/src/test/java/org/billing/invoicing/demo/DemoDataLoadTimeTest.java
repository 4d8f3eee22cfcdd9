package org.billing.invoicing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the load of the demo (200,000 CDRs) and benchmark (2 million) data sets. Run on demand:
 * {@code mvn -pl invoice-ejb test -Dtest=DemoDataLoadTimeTest -Ddemo.loadTime=true}.
 */
@EnabledIfSystemProperty(named = "demo.loadTime", matches = "true")
class DemoDataLoadTimeTest {

    @Test
    void demoAndBenchmarkSizes() throws IOException, SQLException {
        try (PostgresDatabases postgres = new PostgresDatabases()) {
            for (DemoDataSpec spec : new DemoDataSpec[] {DemoDataSpec.demo(Clock.systemUTC()),
                    DemoDataSpec.benchmark(Clock.systemUTC())}) {
                DataSource db = postgres.freshDatabase();
                DemoDataSummary summary = new DemoData(spec).writeTo(db);
                System.out.print(summary.describe());
                assertEquals(spec.cdrs(), Sql.count(db, "SELECT count(*) FROM cdr"));
            }
        }
    }
}
