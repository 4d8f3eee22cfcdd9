package org.billing.invoicing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's MicroProfile Metrics at the server root, read as Prometheus text: its heap, for the benchmarks. */
final class ServerMetrics {

    /** Prometheus text: {@code base_memory_usedHeap_bytes 1.23E8} (MicroProfile Metrics before 5), or
     * {@code memory_usedHeap_bytes{mp_scope="base",} 1.23E8} (5 and later). */
    private static final Pattern USED_HEAP = Pattern.compile(
            "^(?:base_memory_usedHeap_bytes|memory_usedHeap_bytes\\{[^}]*mp_scope=\"base\"[^}]*\\})\\s+(\\S+)",
            Pattern.MULTILINE);

    private static final Pattern MAX_HEAP = Pattern.compile(
            "^(?:base_memory_maxHeap_bytes|memory_maxHeap_bytes\\{[^}]*mp_scope=\"base\"[^}]*\\})\\s+(\\S+)",
            Pattern.MULTILINE);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI uri;

    ServerMetrics(URI uri) {
        this.uri = uri;
    }

    String text() {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "text/plain")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    OptionalLong usedHeap() {
        return value(USED_HEAP);
    }

    /** The name and labels of the line the used heap is read from. */
    String usedHeapName() {
        Matcher matcher = USED_HEAP.matcher(text());
        return matcher.find() ? matcher.group().replaceFirst("\\s+\\S+$", "") : "?";
    }

    OptionalLong maxHeap() {
        return value(MAX_HEAP);
    }

    private OptionalLong value(Pattern pattern) {
        Matcher matcher = pattern.matcher(text());
        return matcher.find() ? OptionalLong.of((long) Double.parseDouble(matcher.group(1))) : OptionalLong.empty();
    }
}
