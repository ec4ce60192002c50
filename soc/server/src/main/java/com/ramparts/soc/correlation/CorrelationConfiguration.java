package com.ramparts.soc.correlation;

import com.ramparts.detection.ioc.IndicatorLoader;
import com.ramparts.detection.load.RuleLoader;
import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.correlation.indicators.IndicatorCatalog;
import com.ramparts.soc.correlation.rules.RuleCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CorrelationConfiguration {

    @Bean
    RuleCatalog ruleCatalog(SocProperties properties, MeterRegistry registry) {
        RuleCatalog catalog = new RuleCatalog(properties.correlation().rulesPath(), RuleLoader.withDefaults());
        Gauge.builder("ramparts.soc.rules.problems", catalog, c -> c.current().problems().size())
                .description("rules left out of the last load (see GET /api/v1/rules/problems)").register(registry);
        Gauge.builder("ramparts.soc.rules.loaded", catalog, c -> c.current().ruleSet().size()).tag("type", "detection")
                .register(registry);
        Gauge.builder("ramparts.soc.rules.loaded", catalog, c -> c.current().correlations().size())
                .tag("type", "correlation").register(registry);
        Gauge.builder("ramparts.soc.rules.loaded", catalog, c -> c.current().absences().size()).tag("type", "absence")
                .register(registry);
        return catalog;
    }

    @Bean
    IndicatorCatalog indicatorCatalog(SocProperties properties, MeterRegistry registry) {
        IndicatorCatalog catalog = new IndicatorCatalog(properties.correlation().indicatorsDirectory(),
                IndicatorLoader.withDefaults());
        Gauge.builder("ramparts.soc.indicators.loaded", catalog, c -> c.indicators().size())
                .description("indicators of compromise the correlator matches every event against").register(registry);
        Gauge.builder("ramparts.soc.indicators.problems", catalog, c -> c.current().load().problems().size())
                .description("IOC list entries left out of the last load (see GET /api/v1/rules/indicators)").register(registry);
        return catalog;
    }

    @Bean
    CorrelationMetrics correlationMetrics(MeterRegistry registry) {
        return new CorrelationMetrics(registry);
    }
}
