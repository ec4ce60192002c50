package com.ramparts.appliance;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * What an agent may do on the broker: write its own site's topic {@code telemetry.site.<site>},
 * nothing else. Kafka authorises per topic, not per record key, so a site's own topic is what lets
 * the broker (not the SOC's good faith) keep one site from writing as another (docs/decisions.md).
 * The ACLs are LITERAL: a prefixed ACL for {@code telemetry.site.ward-1} would also cover
 * {@code telemetry.site.ward-10}.
 */
final class SiteAccess {

    static final String TOPIC_PREFIX = "telemetry.site.";
    /** pki's agent-tls rule for a site id, which is also its certificate's CN. */
    static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /**
     * Maps an agent certificate's subject ({@code CN=<site>,O=Ramparts}, RFC 2253 order as Java prints
     * it) to the principal {@code User:<site>}; any other subject stays its full name, which no ACL names.
     */
    static final String PRINCIPAL_MAPPING_RULES = "RULE:^CN=([a-z0-9][a-z0-9-]{0,62}),O=Ramparts$/$1/,DEFAULT";
    private static final long TIMEOUT_SECONDS = 30;

    private SiteAccess() {
    }

    static String topic(String siteId) {
        return TOPIC_PREFIX + requireSite(siteId);
    }

    static String requireSite(String siteId) {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new IllegalArgumentException("'" + siteId + "' is not a site id: 1-63 characters of a-z 0-9 -,"
                    + " starting with a letter or digit");
        }
        return siteId;
    }

    /** Creates the site's topic (unless it exists) and lets the site's certificate write it. Idempotent. */
    static void allow(Admin admin, String siteId, int partitions) {
        String topic = topic(siteId);
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(topic, e);
        }
        ResourcePattern resource = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        String principal = "User:" + siteId;
        try {
            admin.createAcls(List.of(
                    new AclBinding(resource, new AccessControlEntry(principal, "*", AclOperation.WRITE, AclPermissionType.ALLOW)),
                    new AclBinding(resource, new AccessControlEntry(principal, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW))))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot grant " + principal + " write on " + topic + ": "
                    + e.getCause().getMessage(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(topic, e);
        }
    }

    /** Takes the site's rights away (its topic and events stay). Idempotent. */
    static void deny(Admin admin, String siteId) {
        requireSite(siteId);
        AclBindingFilter filter = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + siteId, null, AclOperation.ANY, AclPermissionType.ANY));
        try {
            admin.deleteAcls(List.of(filter)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot remove the ACLs of site " + siteId + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(topic(siteId), e);
        }
    }

    static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers, "client.id", "ramparts-launcher",
                "default.api.timeout.ms", (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
    }

    private static IllegalStateException interrupted(String topic, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("the broker did not answer in " + TIMEOUT_SECONDS + " s while setting up "
                + topic, e);
    }
}
