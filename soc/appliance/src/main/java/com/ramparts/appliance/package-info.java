/**
 * The {@code ramparts} launcher: runs the whole appliance on one host. {@link Main} parses the
 * command line; {@link Appliance} brings the parts up and down in order; each part
 * ({@link KafkaBrokerPart}, {@link OpenSearchPart}, {@link SpringServicePart}) knows how to
 * prepare, start and probe itself; {@link ApplianceConfig} is the one typed configuration and
 * {@link Layout} says where everything lives. Text shown to people comes from {@link Messages}
 * (Vietnamese and English).
 *
 * <p>Depends on the runtime module, picocli and Kafka's admin client; never on pki or soc code.
 */
package com.ramparts.appliance;
