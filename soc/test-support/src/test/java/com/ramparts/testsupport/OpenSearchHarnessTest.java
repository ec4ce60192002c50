package com.ramparts.testsupport;

import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServers.class)
class OpenSearchHarnessTest {

    private static ApacheHttpClient5Transport transport;
    private static OpenSearchClient client;

    @BeforeAll
    static void connect(TestOpenSearch openSearch) {
        var uri = openSearch.httpUri();
        transport = ApacheHttpClient5TransportBuilder.builder(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()))
                .setMapper(new JacksonJsonpMapper())
                .build();
        client = new OpenSearchClient(transport);
    }

    @AfterAll
    static void disconnect() throws Exception {
        transport.close();
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void documentIsIndexedWithItsIdAndFoundBySearch() throws Exception {
        String index = "harness-events";
        client.indices().create(c -> c.index(index).mappings(m -> m
                .properties("source.ip", p -> p.ip(ip -> ip))
                .properties("event.kind", p -> p.keyword(k -> k))));

        Map<String, Object> document = Map.of("source.ip", "10.20.30.40", "event.kind", "alert");
        client.index(i -> i.index(index).id("agent-1:eve:7").document(document).refresh(Refresh.True));
        // indexing the same id again replaces, never duplicates: the delivery guarantee rests on this
        client.index(i -> i.index(index).id("agent-1:eve:7").document(document).refresh(Refresh.True));

        SearchResponse<Map> found = client.search(s -> s.index(index)
                .query(q -> q.term(t -> t.field("source.ip").value(FieldValue.of("10.20.30.0/24")))), Map.class);

        assertThat(found.hits().total().value()).isEqualTo(1);
        assertThat(found.hits().hits().getFirst().id()).isEqualTo("agent-1:eve:7");
        assertThat((Map<String, Object>) found.hits().hits().getFirst().source()).containsEntry("event.kind", "alert");
    }

    @Test
    void clusterIsHealthy() throws Exception {
        var health = client.cluster().health();
        assertThat(health.status().jsonValue()).isIn("green", "yellow");
        assertThat(health.numberOfNodes()).isEqualTo(1);
    }
}
