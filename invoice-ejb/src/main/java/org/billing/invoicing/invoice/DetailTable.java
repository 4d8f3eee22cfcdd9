package org.billing.invoicing.invoice;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The nine detail tables of seed 001, each stored with its invoice. The constant names are the
 * table placeholders of the templates and the names the REST API serves them under.
 */
public enum DetailTable {
    INV_ORIG_DST_TABLE(CallSide.ORIGINATED, Grouping.DESTINATION, false, "inv_orig_dst"),
    INV_ORIG_DST_SUCC_TABLE(CallSide.ORIGINATED, Grouping.DESTINATION, true, "inv_orig_dst_succ"),
    INV_ORIG_NETWORKS_TABLE(CallSide.ORIGINATED, Grouping.NETWORK, false, "inv_orig_networks"),
    INV_ORIG_NETWORKS_SUCC_TABLE(CallSide.ORIGINATED, Grouping.NETWORK, true, "inv_orig_networks_succ"),
    INV_TERM_DST_TABLE(CallSide.TERMINATED, Grouping.DESTINATION, false, "inv_term_dst"),
    INV_TERM_DST_SUCC_TABLE(CallSide.TERMINATED, Grouping.DESTINATION, true, "inv_term_dst_succ"),
    INV_TERM_NETWORKS_TABLE(CallSide.TERMINATED, Grouping.NETWORK, false, "inv_term_networks"),
    INV_TERM_NETWORKS_SUCC_TABLE(CallSide.TERMINATED, Grouping.NETWORK, true, "inv_term_networks_succ"),
    INV_SRV_DATA_TABLE(null, Grouping.SERVICE, false, "inv_srv_data");

    /** What a table's rows are grouped by. */
    public enum Grouping {
        /** Destination prefix, country, network and rate. */
        DESTINATION,
        /** Country, network and rate. */
        NETWORK,
        /** Service. */
        SERVICE
    }

    private final CallSide side;
    private final Grouping grouping;
    private final boolean successfulOnly;
    private final String sqlTable;

    DetailTable(CallSide side, Grouping grouping, boolean successfulOnly, String sqlTable) {
        this.side = side;
        this.grouping = grouping;
        this.successfulOnly = successfulOnly;
        this.sqlTable = sqlTable;
    }

    /** The side of the calls the table aggregates; null for the services table. */
    public CallSide side() {
        return side;
    }

    public Grouping grouping() {
        return grouping;
    }

    public boolean successfulOnly() {
        return successfulOnly;
    }

    public String sqlTable() {
        return sqlTable;
    }

    public boolean isCallTable() {
        return grouping != Grouping.SERVICE;
    }

    public static List<DetailTable> callTables(CallSide side) {
        return Arrays.stream(values()).filter(t -> t.side == side).toList();
    }

    /** The tables an invoice of this direction has: its side's call tables, and services for a customer. */
    public static List<DetailTable> tablesOf(Direction direction) {
        CallSide side = CallSide.of(direction);
        return Arrays.stream(values())
                .filter(t -> t.side == side || (t.side == null && direction == Direction.CUSTOMER))
                .toList();
    }

    public static DetailTable of(CallSide side, Grouping grouping, boolean successfulOnly) {
        return Arrays.stream(values())
                .filter(t -> t.side == side && t.grouping == grouping && t.successfulOnly == successfulOnly)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table of " + side + " by " + grouping));
    }

    public static Optional<DetailTable> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
