package org.billing.invoicing.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import org.billing.invoicing.dashboard.DashboardService;
import org.billing.invoicing.dashboard.MonthAtAGlance;
import org.billing.invoicing.invoice.Direction;

/**
 * index.xhtml, the landing page: the month at a glance read once per view, its figures as tables and as the
 * Chart.js configurations {@code p:chart} draws (PrimeFaces 15 takes the configuration as JSON; its former
 * chart model classes are gone). Money is rounded for display only, here and in the charts.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Colour-blind safe (Okabe-Ito), one per series; the tables carry the same figures in words. */
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"
    };

    @EJB
    private DashboardService dashboard;

    @Inject
    private Display display;

    private MonthAtAGlance figures;

    /** One row of the traffic table: a month's calls and billed seconds in both directions. */
    public record TrafficRow(
            String month, long customerCalls, long customerSeconds, long vendorCalls, long vendorSeconds)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    public MonthAtAGlance getFigures() {
        if (figures == null) {
            figures = dashboard.monthAtAGlance();
        }
        return figures;
    }

    /** The issued amounts, month by month, for every direction and currency that has some. */
    public List<MonthAtAGlance.Invoiced> getInvoiced() {
        return getFigures().invoiced();
    }

    /** Every month of the twelve, with zeros where nothing was issued. */
    public List<TrafficRow> getTraffic() {
        Map<String, long[]> byMonth = new LinkedHashMap<>();
        getFigures().months().forEach(month -> byMonth.put(month, new long[4]));
        for (MonthAtAGlance.Traffic traffic : getFigures().traffic()) {
            long[] row = byMonth.get(traffic.month());
            if (row != null) {
                int at = traffic.direction() == Direction.CUSTOMER ? 0 : 2;
                row[at] += traffic.calls();
                row[at + 1] += traffic.billedSeconds();
            }
        }
        List<TrafficRow> rows = new ArrayList<>();
        byMonth.forEach((month, row) -> rows.add(new TrafficRow(month, row[0], row[1], row[2], row[3])));
        return rows;
    }

    /** A bar per month for each direction and currency: amounts in different currencies are never added up. */
    public String getInvoicedChart() {
        Map<String, BigDecimal[]> series = new LinkedHashMap<>();
        List<String> months = getFigures().months();
        for (MonthAtAGlance.Invoiced invoiced : getInvoiced()) {
            String name = display.label(invoiced.direction()) + ", " + invoiced.currency();
            BigDecimal[] values = series.computeIfAbsent(name, key -> new BigDecimal[months.size()]);
            int at = months.indexOf(invoiced.month());
            if (at >= 0) {
                values[at] = invoiced.amount().setScale(2, RoundingMode.HALF_UP);
            }
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int colour = 0;
        for (Map.Entry<String, BigDecimal[]> entry : series.entrySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (BigDecimal value : entry.getValue()) {
                data.add(value == null ? BigDecimal.ZERO : value);
            }
            datasets.add(Json.createObjectBuilder()
                    .add("label", entry.getKey())
                    .add("data", data)
                    .add("backgroundColor", COLOURS[colour++ % COLOURS.length]));
        }
        return chart(
                "bar",
                months,
                datasets,
                Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("title", title("Amount issued"))));
    }

    /** Calls as bars and billed minutes as lines, per month and direction, on two axes. */
    public String getTrafficChart() {
        JsonArrayBuilder customerCalls = Json.createArrayBuilder();
        JsonArrayBuilder vendorCalls = Json.createArrayBuilder();
        JsonArrayBuilder customerMinutes = Json.createArrayBuilder();
        JsonArrayBuilder vendorMinutes = Json.createArrayBuilder();
        for (TrafficRow row : getTraffic()) {
            customerCalls.add(row.customerCalls());
            vendorCalls.add(row.vendorCalls());
            customerMinutes.add(minutes(row.customerSeconds()));
            vendorMinutes.add(minutes(row.vendorSeconds()));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset("bar", "Customer calls", customerCalls, COLOURS[0], "calls"))
                .add(dataset("bar", "Vendor calls", vendorCalls, COLOURS[1], "calls"))
                .add(dataset("line", "Customer billed minutes", customerMinutes, COLOURS[2], "minutes"))
                .add(dataset("line", "Vendor billed minutes", vendorMinutes, COLOURS[3], "minutes"));
        return chart(
                "bar",
                getFigures().months(),
                datasets,
                Json.createObjectBuilder()
                        .add(
                                "calls",
                                Json.createObjectBuilder()
                                        .add("type", "linear")
                                        .add("position", "left")
                                        .add("title", title("Calls")))
                        .add(
                                "minutes",
                                Json.createObjectBuilder()
                                        .add("type", "linear")
                                        .add("position", "right")
                                        .add("title", title("Billed minutes"))
                                        .add("grid", Json.createObjectBuilder().add("drawOnChartArea", false))));
    }

    private static BigDecimal minutes(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private static JsonObjectBuilder dataset(
            String type, String label, JsonArrayBuilder data, String colour, String axis) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("label", label)
                .add("data", data)
                .add("backgroundColor", colour)
                .add("borderColor", colour)
                .add("yAxisID", axis);
    }

    private static JsonObjectBuilder title(String text) {
        return Json.createObjectBuilder().add("display", true).add("text", text);
    }

    /** A Chart.js configuration; no animation, so that what is drawn is there at once (and in screenshots). */
    private static String chart(String type, List<String> months, JsonArrayBuilder datasets, JsonObjectBuilder scales) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", Json.createArrayBuilder(months))
                                .add("datasets", datasets))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("animation", false)
                                .add("scales", scales)
                                .add(
                                        "plugins",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "legend",
                                                        Json.createObjectBuilder()
                                                                .add("position", "bottom"))))
                .build()
                .toString();
    }
}
