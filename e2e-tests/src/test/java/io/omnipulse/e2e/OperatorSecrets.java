package io.omnipulse.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Secrets the operators make for the objects of a rendering, with their keys: CloudNativePG's
 * {@code <cluster>-app} for the application user (its pkg/specs/secrets.go), Strimzi's User Operator's
 * {@code <user>} for a SCRAM-SHA-512 KafkaUser, and the Cluster Operator's {@code <kafka>-cluster-ca-cert}.
 */
final class OperatorSecrets {

    private static final Set<String> CNPG_APP = Set.of("username", "user", "password", "dbname", "host", "port",
            "pgpass", "uri", "jdbc-uri");
    private static final Set<String> SCRAM_USER = Set.of("password", "sasl.jaas.config");
    private static final Set<String> CLUSTER_CA_CERT = Set.of("ca.crt", "ca.p12", "ca.password");

    private OperatorSecrets() {
    }

    static Map<String, Set<String>> of(RenderedManifests m) {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (GenericKubernetesResource r : m.all(GenericKubernetesResource.class)) {
            if (r.getApiVersion().equals("postgresql.cnpg.io/v1") && r.getKind().equals("Cluster")) {
                secrets.put(r.getMetadata().getName() + "-app", CNPG_APP);
            }
        }
        for (KafkaUser user : m.all(KafkaUser.class)) {
            if ("scram-sha-512".equals(user.getSpec().getAuthentication().getType())) {
                secrets.put(user.getMetadata().getName(), SCRAM_USER);
            }
        }
        for (HasMetadata o : m.objects()) {
            String cluster = o.getMetadata().getLabels() == null ? null : o.getMetadata().getLabels().get("strimzi.io/cluster");
            if (cluster != null) {
                secrets.put(cluster + "-cluster-ca-cert", CLUSTER_CA_CERT);
            }
        }
        return secrets;
    }
}
