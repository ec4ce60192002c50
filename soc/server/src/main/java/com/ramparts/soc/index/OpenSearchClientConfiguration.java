package com.ramparts.soc.index;

import com.ramparts.soc.config.SocProperties;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;

/** The opensearch-java client, for administration (templates, indices) and, later, search. */
@Configuration(proxyBeanMethods = false)
class OpenSearchClientConfiguration {

    @Bean(destroyMethod = "close")
    ApacheHttpClient5Transport openSearchTransport(SocProperties properties) {
        URI url = properties.openSearch().url();
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        return ApacheHttpClient5TransportBuilder.builder(new HttpHost(url.getScheme(), url.getHost(), port))
                .setMapper(new JacksonJsonpMapper())
                .build();
    }

    @Bean
    OpenSearchClient openSearchClient(ApacheHttpClient5Transport transport) {
        return new OpenSearchClient(transport);
    }
}
