package io.omnipulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.omnipulse.devstack.deadletters.ReplayLedger;
import io.omnipulse.events.Topics;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/k8s against the services it runs: each overlay rendered by kubectl (the base as written
 * where there is none), every object checked against its schema, then the wiring: ports and probes
 * on each service's own HTTP port, the variables each service really reads, every ConfigMap and
 * Secret key that is referred to, the interactive queries' addresses, and the topics of the catalog.
 */
class KubernetesManifestsTest {

    private static final Map<String, ServiceSettings> SERVICES = new TreeMap<>();
    private static final Set<String> STREAMS_SERVICES = Set.of("profile-service", "scoring-service");
    private static List<RenderedManifests> renderings;

    static {
        for (String service : ServiceSettings.SERVICES) {
            SERVICES.put(service, ServiceSettings.of(service));
        }
    }

    static synchronized List<RenderedManifests> renderings() throws Exception {
        if (renderings == null) {
            renderings = RenderedManifests.all();
        }
        return renderings;
    }

    @Test
    void aMisspeltFieldIsReported() throws Exception {
        RenderedManifests wrong = RenderedManifests.parse("example", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: example}
                spec:
                  template:
                    spec:
                      containers:
                        - name: example
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: example}
                spec: {partitons: 6}
                """, Map.of());

        assertThat(wrong.unknown()).containsExactly("Deployment/example: spec.template.spec.containers[0].readinesProbe",
                "KafkaTopic/example: spec.partitons");
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyFieldIsOneItsSchemaHas(RenderedManifests m) {
        assertThat(m.unknown()).as("fields no schema has").isEmpty();
        // A misspelt kind or apiVersion would be read as a generic object and escape the check above.
        assertThat(m.all(GenericKubernetesResource.class)).extracting(o -> o.getApiVersion() + " " + o.getKind())
                .allMatch(kind -> kind.equals("postgresql.cnpg.io/v1 Cluster"));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachServiceRunsSeveralInstancesProbedOnItsHttpPort(RenderedManifests m) {
        SERVICES.forEach((name, settings) -> {
            Workload w = Workload.of(m, name);
            assertThat(w.kind()).as(name).isEqualTo(STREAMS_SERVICES.contains(name) ? "StatefulSet" : "Deployment");
            int replicas = w.replicas() != null ? w.replicas()
                    : m.one(HorizontalPodAutoscaler.class, name).getSpec().getMinReplicas();
            assertThat(replicas).as(name + " replicas").isGreaterThanOrEqualTo(2);
            Container c = w.container();
            assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort).as(name).containsExactly(settings.httpPort());
            assertProbe(w, c.getLivenessProbe(), "/q/health/live", settings.httpPort());
            assertProbe(w, c.getReadinessProbe(), "/q/health/ready", settings.httpPort());
            if (c.getStartupProbe() != null) {
                assertProbe(w, c.getStartupProbe(), "/q/health/live", settings.httpPort());
            }
            assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
            // Each service finishes its shutdown within 30 s (Kafka Streams' close, alerting's drain).
            assertThat(w.pod().getTerminationGracePeriodSeconds()).as(name).isGreaterThanOrEqualTo(30L);
            assertThat(m.all(PodDisruptionBudget.class)).as(name + "'s disruption budget")
                    .filteredOn(pdb -> Workload.selects(pdb.getSpec().getSelector(), w.labels())).hasSize(1);
            w.pod().getTopologySpreadConstraints().forEach(t -> assertThat(Workload.selects(t.getLabelSelector(), w.labels())).isTrue());
        });
        HorizontalPodAutoscaler hpa = m.one(HorizontalPodAutoscaler.class, "ingest-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("ingest-service");
        assertThat(hpa.getSpec().getMetrics()).anyMatch(metric -> metric.getResource().getName().equals("cpu"));
    }

    private static void assertProbe(Workload w, Probe probe, String path, int port) {
        assertThat(probe).as(w.name() + " probe on " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(w.name()).isEqualTo(path);
        assertThat(w.port(get.getPort())).as(w.name() + " probe port").isEqualTo(port);
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void servicesAndUrlsReachEachServicesHttpPort(RenderedManifests m) {
        for (Service service : m.all(Service.class)) {
            List<Workload> selected = SERVICES.keySet().stream().map(n -> Workload.of(m, n))
                    .filter(w -> w.labels().entrySet().containsAll(service.getSpec().getSelector().entrySet())).toList();
            assertThat(selected).as(service.getMetadata().getName() + " selects").hasSize(1);
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(selected.get(0).port(port.getTargetPort())).as(service.getMetadata().getName())
                        .isEqualTo(SERVICES.get(selected.get(0).name()).httpPort());
            }
        }
        // Every http://<service>:<port> a container is given is a Service of ours, on that service's port.
        SERVICES.keySet().forEach(name -> Workload.of(m, name).container().getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> {
            Matcher url = ServiceSettings.SERVICE_URL.matcher(e.getValue());
            if (url.matches()) {
                Service target = m.one(Service.class, url.group(1));
                assertThat(target.getSpec().getPorts()).as(name + " " + e.getName())
                        .anyMatch(p -> p.getPort() == Integer.parseInt(url.group(2)));
            }
        }));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void streamsServicesKeepStateOnTheirVolumeAndAdvertiseTheirPodsAddress(RenderedManifests m) {
        for (String name : STREAMS_SERVICES) {
            StatefulSet set = m.one(StatefulSet.class, name);
            Workload w = Workload.of(m, name);
            Service headless = m.one(Service.class, set.getSpec().getServiceName());
            assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
            assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
            assertThat(w.labels().entrySet()).containsAll(headless.getSpec().getSelector().entrySet());

            Map<String, EnvVar> env = w.env();
            assertThat(env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
            assertThat(env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
            // $(VAR) is expanded only from variables defined before it.
            List<String> order = w.container().getEnv().stream().map(EnvVar::getName).toList();
            assertThat(order.indexOf("POD_NAME")).isLessThan(order.indexOf("QUARKUS_KAFKA_STREAMS_APPLICATION_SERVER"));
            assertThat(order.indexOf("POD_NAMESPACE")).isLessThan(order.indexOf("QUARKUS_KAFKA_STREAMS_APPLICATION_SERVER"));
            // host:port, as Kafka Streams' HostInfo and the query forwarding read it, on the pod's own HTTP port.
            assertThat(env.get("QUARKUS_KAFKA_STREAMS_APPLICATION_SERVER").getValue()).isEqualTo("$(POD_NAME)."
                    + headless.getMetadata().getName() + ".$(POD_NAMESPACE).svc.cluster.local:" + SERVICES.get(name).httpPort());

            String stateDir = env.get("KAFKA_STREAMS_STATE_DIR").getValue();
            assertThat(set.getSpec().getVolumeClaimTemplates()).hasSize(1);
            String claim = set.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
            assertThat(w.container().getVolumeMounts()).as(name + " state volume")
                    .anyMatch(mount -> mount.getName().equals(claim) && mount.getMountPath().equals(stateDir));
            assertThat(w.pod().getSecurityContext().getFsGroup()).as(name + ": the state volume is writable by the image's user")
                    .isEqualTo(w.pod().getSecurityContext().getRunAsUser());
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyVariableIsOneItsServiceReads(RenderedManifests m) {
        Map<String, List<String>> unread = new TreeMap<>();
        SERVICES.forEach((name, settings) -> {
            List<EnvVar> env = Workload.of(m, name).container().getEnv();
            assertThat(Workload.of(m, name).container().getEnvFrom()).as(name + ": variables named one by one").isNullOrEmpty();
            // A variable may also serve only to build another one's value, as $(POD_NAME) does.
            List<String> names = env.stream().map(EnvVar::getName).filter(v -> !settings.reads(v)
                    && env.stream().noneMatch(e -> e.getValue() != null && e.getValue().contains("$(" + v + ")"))).toList();
            if (!names.isEmpty()) {
                unread.put(name, names);
            }
        });
        assertThat(unread).as("variables no service reads").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyConfigMapAndSecretKeyReferredToExists(RenderedManifests m) {
        Map<String, Set<String>> secrets = new HashMap<>(OperatorSecrets.of(m));
        secrets.putAll(m.secretKeys());
        SERVICES.keySet().forEach(name -> {
            Workload w = Workload.of(m, name);
            for (EnvVar e : w.container().getEnv()) {
                if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = e.getValueFrom().getConfigMapKeyRef();
                    assertThat(m.one(ConfigMap.class, ref.getName()).getData()).as(name + " " + e.getName()).containsKey(ref.getKey());
                }
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    var ref = e.getValueFrom().getSecretKeyRef();
                    assertThat(secrets).as(name + " " + e.getName()).containsKey(ref.getName());
                    assertThat(secrets.get(ref.getName())).as(name + " " + e.getName()).contains(ref.getKey());
                }
            }
            for (Volume v : w.pod().getVolumes()) {
                if (v.getSecret() != null) {
                    assertThat(secrets).as(name + " volume " + v.getName()).containsKey(v.getSecret().getSecretName());
                    v.getSecret().getItems().forEach(item -> assertThat(secrets.get(v.getSecret().getSecretName())).contains(item.getKey()));
                }
            }
            // A file a service is pointed at (key file, trust store) is a key of a Secret mounted there.
            w.env().values().stream().filter(e -> e.getName().matches(".*_(FILE|LOCATION)") && e.getValue() != null
                    && e.getValue().startsWith("/")).forEach(e -> {
                        String file = e.getValue();
                        VolumeMount mount = w.container().getVolumeMounts().stream()
                                .filter(vm -> file.startsWith(vm.getMountPath() + "/")).findFirst()
                                .orElseThrow(() -> new AssertionError(name + ": nothing mounted at " + file));
                        Volume volume = w.pod().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
                        String inVolume = file.substring(mount.getMountPath().length() + 1);
                        List<String> files = volume.getSecret().getItems().isEmpty() ? List.copyOf(secrets.get(volume.getSecret().getSecretName()))
                                : volume.getSecret().getItems().stream().map(i -> i.getPath()).toList();
                        assertThat(files).as(name + " " + e.getName()).contains(inVolume);
                    });
        });
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void topicsAreTheCatalog(RenderedManifests m) {
        record Spec(int partitions, Map<String, String> config) {
        }
        Map<String, Spec> catalog = new TreeMap<>();
        Topics.ALL.forEach(t -> catalog.put(t.name(), new Spec(t.partitions(), t.config())));
        Topics.INTERNAL.forEach(t -> catalog.put(t.name(), new Spec(t.partitions(), Map.of())));
        catalog.put(ReplayLedger.TOPIC, new Spec(ReplayLedger.PARTITIONS, ReplayLedger.CONFIG));

        Map<String, Spec> declared = new TreeMap<>();
        for (KafkaTopic topic : m.all(KafkaTopic.class)) {
            Map<String, String> config = new TreeMap<>();
            topic.getSpec().getConfig().forEach((k, v) -> config.put(k, String.valueOf(v)));
            int minInSync = Integer.parseInt(config.remove("min.insync.replicas"));
            assertThat(minInSync).as(topic.getMetadata().getName() + ": one broker may fail").isLessThan(topic.getSpec().getReplicas());
            String name = topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
            declared.put(name, new Spec(topic.getSpec().getPartitions(), config));
        }
        assertThat(declared).isEqualTo(catalog);
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void eachKafkaServiceLogsInAsItsOwnUserWithTheAclsOfItsTopics(RenderedManifests m) {
        Set<String> topics = new TreeSet<>(List.of(ReplayLedger.TOPIC));
        Topics.ALL.forEach(t -> topics.add(t.name()));
        Topics.INTERNAL.forEach(t -> topics.add(t.name()));
        String cluster = m.all(KafkaTopic.class).get(0).getMetadata().getLabels().get("strimzi.io/cluster");
        assertThat(m.objects()).filteredOn(o -> o.getApiVersion().startsWith("kafka.strimzi.io/"))
                .allMatch(o -> cluster.equals(o.getMetadata().getLabels().get("strimzi.io/cluster")));
        assertThat(m.one(ConfigMap.class, "omnipulse-config").getData().get("kafka-bootstrap-servers")).startsWith(cluster + "-kafka-bootstrap:");

        for (KafkaUser user : m.all(KafkaUser.class)) {
            assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                if (rule.getResource() instanceof AclRuleTopicResource topic && topic.getPatternType() != AclResourcePatternType.PREFIX) {
                    assertThat(topics).as(user.getMetadata().getName() + "'s ACL").contains(topic.getName());
                }
            }
        }
        SERVICES.forEach((name, settings) -> {
            Map<String, EnvVar> env = Workload.of(m, name).env();
            List<EnvVar> logins = env.values().stream().filter(e -> e.getName().endsWith("SASL_JAAS_CONFIG")).toList();
            logins.forEach(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).as(name).isEqualTo(name));
            if (!logins.isEmpty()) {
                m.one(KafkaUser.class, name);
            }
        });
        // A streams service's own topics, group and transactional ids are its application id's.
        for (String name : STREAMS_SERVICES) {
            String applicationId = SERVICES.get(name).property("quarkus.kafka-streams.application-id");
            assertThat(((KafkaUserAuthorizationSimple) m.one(KafkaUser.class, name).getSpec().getAuthorization()).getAcls())
                    .filteredOn(rule -> rule.getResource() instanceof AclRuleTopicResource t && t.getPatternType() == AclResourcePatternType.PREFIX)
                    .extracting(rule -> ((AclRuleTopicResource) rule.getResource()).getName()).containsExactly(applicationId);
        }
    }
}
