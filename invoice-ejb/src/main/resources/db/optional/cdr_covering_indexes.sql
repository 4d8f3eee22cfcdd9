-- Optional, for the platform's DBA: indexes that hold every CDR column an invoice reads, so that
-- Calculate and Create read an account's calls from the index alone (an index-only scan) instead of
-- visiting the heap pages they are scattered over. The benchmark measures both (see the README).
-- They cost disk and insert time on a table of tens of millions of rows a month: the module never
-- creates them itself. On a live table, build them per partition with CREATE INDEX CONCURRENTLY.
CREATE INDEX IF NOT EXISTS cdr_customer_invoicing_idx ON cdr (customer_acc_id, time_start)
    INCLUDE (is_last_cdr, success, duration, customer_duration, customer_price, destination_prefix,
             destination_next_rate, destination_reverse_billing, dst_country_id, dst_network_id);
CREATE INDEX IF NOT EXISTS cdr_vendor_invoicing_idx ON cdr (vendor_acc_id, time_start)
    INCLUDE (success, duration, vendor_duration, vendor_price, dialpeer_prefix, dialpeer_next_rate,
             dialpeer_reverse_billing, dst_country_id, dst_network_id);
